//! Rubrics: what a judge listens for, per performance indicator.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use rustc_hash::FxHashSet;

use super::code::Code;
use crate::text::{WordCache, tokenize_cached};

/// DECA's level for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Level {
    /// Career-sustaining.
    CS,
    /// Specialist.
    SP,
    /// Another framework's criterion (not a DECA level).
    #[serde(rename = "criterion")]
    Criterion,
}

/// A coach's plain phrase, matched after normalization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phrase(pub String);

/// An opt-in regular expression, matched case-insensitively against each sentence.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The expression as written.
    pub source: String,
    /// The compiled expression.
    pub regex: Regex,
}

impl Pattern {
    /// Compiles `source` as matching uses it: case-insensitive, with a size limit.
    pub fn compile(source: &str) -> Result<Pattern, regex::Error> {
        let regex = regex::RegexBuilder::new(source)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()?;
        Ok(Pattern {
            source: source.to_string(),
            regex,
        })
    }
}

impl Serialize for Pattern {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Pattern::compile(&source).map_err(serde::de::Error::custom)
    }
}

/// Sentences that must, or must not, earn a concept: the concept's own tests.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptExamples {
    #[serde(default)]
    /// Each must earn the concept.
    pub credit: Vec<String>,
    /// None may earn it.
    #[serde(default)]
    pub no_credit: Vec<String>,
}

/// One thing a judge listens for.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Lowercase identifier, unique within its indicator.
    pub id: String,
    /// What the student did, as a report says it.
    pub label: String,
    /// How much it counts, 1 to 3.
    pub weight: u32,
    /// Phrases that evidence it.
    #[serde(default)]
    pub phrases: Vec<Phrase>,
    /// Opt-in patterns that evidence it.
    #[serde(default)]
    pub patterns: Vec<Pattern>,
    /// What to do when it is missing.
    pub tip: String,
    /// Its tests.
    #[serde(default)]
    pub examples: ConceptExamples,
    /// Questions a judge asks when a response misses it, with `{slots}` filled from the
    /// case (see `crate::followup`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<String>,
}

/// A performance indicator's rubric.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// The code, `CR:010`.
    pub code: Code,
    /// The title, `Handle customer/client complaints`.
    pub title: String,
    /// CS or SP.
    pub level: Level,
    /// The performance element it belongs to.
    pub element: Option<String>,
    /// What it means.
    pub definition: String,
    /// How to show it in a role-play.
    #[serde(default)]
    pub approach: Vec<String>,
    /// What a judge listens for.
    pub concepts: Vec<Concept>,
    /// Mistaken ideas a judge would catch.
    #[serde(default)]
    pub misconceptions: Vec<Misconception>,
}

/// A mistaken idea a judge would catch, with phrases that spot it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misconception {
    /// Lowercase identifier.
    pub id: String,
    /// The mistake.
    pub label: String,
    /// Phrases that show it.
    pub phrases: Vec<Phrase>,
    /// A short correction.
    pub correction: String,
}

impl Rubric {
    /// The sum of the concepts' weights.
    pub fn total_weight(&self) -> u32 {
        self.concepts.iter().map(|c| c.weight).sum()
    }
}

/// All rubrics known to a run, looked up by code.
#[derive(Clone, Debug, Default)]
pub struct RubricSet {
    rubrics: BTreeMap<Code, Rubric>,
    /// Compiled on first use and kept with the set (which never changes once built):
    /// every case of a run shares these words.
    words: OnceLock<PhraseWords>,
    /// Phrase keys compiled ahead of time, looked up before compiling a phrase.
    keys: CompiledKeys,
}

/// The normalized words of every rubric's phrases, the same for every case of a set.
#[derive(Clone, Debug, Default)]
pub struct PhraseWords {
    /// Words that alone make a phrase ("refund", "privacy"): rubric vocabulary.
    pub single: FxHashSet<String>,
    /// Every word of every phrase: any answer's vocabulary, no topic.
    pub all: FxHashSet<String>,
}

impl PhraseWords {
    /// The words of these phrases.
    pub fn of<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseWords {
        let mut words = PhraseWords::default();
        // Rubric phrases share most of their words: each is stemmed once.
        let mut cache = WordCache::default();
        for phrase in phrases {
            let norms: Vec<String> = tokenize_cached(phrase, &mut cache)
                .tokens
                .into_iter()
                .filter(|t| !t.skip)
                .map(|t| t.norm.into_string())
                .collect();
            if let [only] = norms.as_slice() {
                words.single.insert(only.clone());
            }
            words.all.extend(norms);
        }
        words
    }
}

/// The matcher keys of known phrases compiled ahead of time (the shipped rubrics', by
/// the application's build script), so that compiling a case only looks them up.
/// Sorted by phrase; each entry holds the phrase, its own key and its synonym
/// variants' keys, exactly as [`crate::engine::matcher::phrase_keys`] gives them.
/// A phrase not listed is compiled when needed: the table changes speed, never scores.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompiledKeys(pub &'static [CompiledPhrase]);

/// One entry of [`CompiledKeys`]: (phrase, its key, its variants' keys).
pub type CompiledPhrase = (&'static str, Option<&'static str>, &'static [&'static str]);

impl CompiledKeys {
    /// The keys of `phrase` (its own, its variants'), when they were compiled ahead.
    pub fn get(&self, phrase: &str) -> Option<(Option<&'static str>, &'static [&'static str])> {
        let table = self.0;
        let at = table.binary_search_by(|entry| entry.0.cmp(phrase)).ok()?;
        table.get(at).map(|&(_, key, variants)| (key, variants))
    }
}

impl RubricSet {
    /// A set of the given rubrics; a later rubric with the same code replaces an earlier one.
    pub fn new(rubrics: impl IntoIterator<Item = Rubric>) -> Self {
        RubricSet {
            rubrics: rubrics.into_iter().map(|r| (r.code.clone(), r)).collect(),
            words: OnceLock::new(),
            keys: CompiledKeys::default(),
        }
    }

    /// The same set, looking up phrase keys in `keys` before compiling them.
    pub fn with_compiled_keys(mut self, keys: CompiledKeys) -> Self {
        self.keys = keys;
        self
    }

    /// The phrase keys compiled ahead of time for this set (maybe none).
    pub fn compiled_keys(&self) -> CompiledKeys {
        self.keys
    }

    /// A set whose phrase words were compiled before (the shipped set's, at build
    /// time); they must be [`PhraseWords::of`] these rubrics' phrases.
    pub fn with_phrase_words(
        rubrics: impl IntoIterator<Item = Rubric>,
        words: PhraseWords,
    ) -> Self {
        let set = RubricSet::new(rubrics);
        // A new lock is empty, so this always sets it.
        let _ = set.words.set(words);
        set
    }

    /// The normalized words of every phrase, compiled once per set.
    pub fn phrase_words(&self) -> &PhraseWords {
        self.words.get_or_init(|| {
            PhraseWords::of(
                self.iter()
                    .flat_map(|r| &r.concepts)
                    .flat_map(|c| &c.phrases)
                    .map(|p| p.0.as_str()),
            )
        })
    }

    /// The rubric for a code.
    pub fn get(&self, code: &Code) -> Option<&Rubric> {
        self.rubrics.get(code)
    }

    /// Whether a rubric defines this code.
    pub fn contains(&self, code: &Code) -> bool {
        self.rubrics.contains_key(code)
    }

    /// Every rubric, by code.
    pub fn iter(&self) -> impl Iterator<Item = &Rubric> {
        self.rubrics.values()
    }

    /// Every code, sorted.
    pub fn codes(&self) -> impl Iterator<Item = &Code> {
        self.rubrics.keys()
    }

    /// How many rubrics there are.
    pub fn len(&self) -> usize {
        self.rubrics.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rubrics.is_empty()
    }
}
