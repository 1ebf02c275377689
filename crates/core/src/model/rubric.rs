//! Rubrics: what a judge listens for, per performance indicator.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

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
    /// The titles of every rubric of the run, when the set holds only some of them.
    all_titles: Option<Vec<String>>,
}

/// The normalized words of every rubric's phrases, the same for every case of a set.
#[derive(Clone, Debug, Default)]
pub struct PhraseWords {
    /// Words that alone make a phrase ("refund", "privacy"): rubric vocabulary.
    pub single: FxHashSet<String>,
    /// Every word of every phrase: any answer's vocabulary, no topic. Shared, not
    /// copied, by every case compiled against the set.
    pub all: Arc<FxHashSet<String>>,
}

impl PhraseWords {
    /// The words of these phrases.
    pub fn of<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseWords {
        let mut single = FxHashSet::default();
        let mut all = FxHashSet::default();
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
                single.insert(only.clone());
            }
            all.extend(norms);
        }
        PhraseWords {
            single,
            all: Arc::new(all),
        }
    }
}

/// The matcher keys of known phrases compiled ahead of time (the shipped rubrics', by
/// the application's build script), so that compiling a case only looks them up: each
/// phrase with its own key and its synonym variants' keys, exactly as
/// [`crate::engine::matcher::phrase_keys`] gives them. A phrase not listed is compiled
/// when needed: the table changes speed, never scores.
///
/// Stored as one text and offsets into it, not as string slices: a static table of
/// pointers must be relocated, page by page, every time the program starts.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompiledKeys {
    /// Every phrase and key, end to end.
    pub text: &'static str,
    /// Per phrase, sorted by phrase: its start and end in `text`, its key's (equal
    /// when it has none), and the range of its variants' keys in `variants`.
    pub entries: &'static [[u32; 6]],
    /// The variants' keys: start and end in `text`.
    pub variants: &'static [[u32; 2]],
}

/// A phrase's keys in [`CompiledKeys`].
#[derive(Clone, Copy, Debug)]
pub struct CompiledPhrase {
    text: &'static str,
    /// The phrase's own key.
    pub key: Option<&'static str>,
    variants: &'static [[u32; 2]],
}

impl CompiledPhrase {
    /// Its synonym variants' keys, in order.
    pub fn variant_keys(&self) -> impl Iterator<Item = &'static str> + use<> {
        let text = self.text;
        self.variants
            .iter()
            .map(move |&[start, end]| slice(text, start, end))
    }
}

/// `text[start..end]`, empty when out of range.
fn slice(text: &str, start: u32, end: u32) -> &str {
    text.get(start as usize..end as usize).unwrap_or_default()
}

/// A phrase's keys as a build script lays them out for [`CompiledKeys::encode`]:
/// (phrase, its key, its variants' keys).
pub type KeyedPhrase = (String, Option<String>, Vec<String>);

impl CompiledKeys {
    /// The keys of `phrase`, when they were compiled ahead.
    pub fn get(&self, phrase: &str) -> Option<CompiledPhrase> {
        let text = self.text;
        let at = self
            .entries
            .binary_search_by(|e| slice(text, e[0], e[1]).cmp(phrase))
            .ok()?;
        let [_, _, key_start, key_end, first, last] = *self.entries.get(at)?;
        Some(CompiledPhrase {
            text,
            key: (key_start < key_end).then(|| slice(text, key_start, key_end)),
            variants: self.variants.get(first as usize..last as usize)?,
        })
    }

    /// Every phrase listed, in order.
    pub fn phrases(&self) -> impl Iterator<Item = &'static str> + use<> {
        let text = self.text;
        self.entries.iter().map(move |e| slice(text, e[0], e[1]))
    }

    /// Lays out `phrases` (sorted by phrase, each once) as [`CompiledKeys`] holds them:
    /// (text, entries, variants), for a build script to write out.
    pub fn encode(phrases: &[KeyedPhrase]) -> (String, Vec<[u32; 6]>, Vec<[u32; 2]>) {
        let mut text = String::new();
        let mut push = |s: &str| -> [u32; 2] {
            let start = text.len() as u32;
            text.push_str(s);
            [start, text.len() as u32]
        };
        let mut entries = Vec::new();
        let mut variants = Vec::new();
        for (phrase, key, variant_keys) in phrases {
            let [phrase_start, phrase_end] = push(phrase);
            let [key_start, key_end] = push(key.as_deref().unwrap_or_default());
            let first = variants.len() as u32;
            variants.extend(variant_keys.iter().map(|k| push(k)));
            let last = variants.len() as u32;
            entries.push([phrase_start, phrase_end, key_start, key_end, first, last]);
        }
        (text, entries, variants)
    }
}

impl RubricSet {
    /// A set of the given rubrics; a later rubric with the same code replaces an earlier one.
    pub fn new(rubrics: impl IntoIterator<Item = Rubric>) -> Self {
        RubricSet {
            rubrics: rubrics.into_iter().map(|r| (r.code.clone(), r)).collect(),
            words: OnceLock::new(),
            keys: CompiledKeys::default(),
            all_titles: None,
        }
    }

    /// The same set, standing for a run that knows more rubrics than it holds (the few
    /// one case needs, read alone): `titles` are every rubric's of the run, and its
    /// phrase words must be the whole run's too ([`RubricSet::with_phrase_words`]), so
    /// that a case is compiled exactly as against the whole set.
    pub fn with_all_titles(mut self, titles: Vec<String>) -> Self {
        self.all_titles = Some(titles);
        self
    }

    /// The titles of every rubric of the run: reciting one is not speech.
    pub fn titles(&self) -> Vec<String> {
        match &self.all_titles {
            Some(titles) => titles.clone(),
            None => self.iter().map(|r| r.title.clone()).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_keys_give_back_what_was_encoded_and_nothing_else() {
        let keyed: Vec<KeyedPhrase> = vec![
            (
                "apologize".into(),
                Some(" apolog ".into()),
                vec![" sorri ".into()],
            ),
            ("money back".into(), Some(" money back ".into()), vec![]),
            ("the".into(), None, vec![]),
        ];
        let (text, entries, variants) = CompiledKeys::encode(&keyed);
        let keys = CompiledKeys {
            text: Box::leak(text.into_boxed_str()),
            entries: Box::leak(entries.into_boxed_slice()),
            variants: Box::leak(variants.into_boxed_slice()),
        };
        let apologize = keys.get("apologize").expect("listed");
        assert_eq!(apologize.key, Some(" apolog "));
        assert_eq!(apologize.variant_keys().collect::<Vec<_>>(), [" sorri "]);
        let money = keys.get("money back").expect("listed");
        assert_eq!(money.key, Some(" money back "));
        assert_eq!(money.variant_keys().count(), 0);
        assert_eq!(keys.get("the").expect("listed").key, None);
        assert!(keys.get("refund").is_none());
        assert!(CompiledKeys::default().get("apologize").is_none());
        assert_eq!(
            keys.phrases().collect::<Vec<_>>(),
            ["apologize", "money back", "the"]
        );
    }
}
