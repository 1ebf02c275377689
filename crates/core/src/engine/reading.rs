//! What a judge takes from the whole response before looking at any one indicator:
//! how much of it deals with this case's own facts, how firmly it commits to act,
//! how much it hedges, its tone, and whether it is speech at all rather than a list
//! of terms or the case copied back. The indicators' points start from this reading.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::case_tie::COMMON_NORMS;
use super::frequency::zipf;
use super::lexicon::{DISMISSIVE, FILLERS, KIND_AFTER_NOT, Listed, SPEECH_WORDS};
use super::negation::{Clauses, negated_by};
use crate::model::{Case, PhraseWords};
use crate::text::{Tokenized, WordCache, tokenize_cached};

/// The figures read off a response; every one is explained in the README.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reading {
    /// Words in the response.
    pub words: usize,
    /// Sentences in the response.
    pub sentences: usize,
    /// The weight of the case's own facts the response uses (names, figures, the
    /// product, the policy's terms), each fact counted once.
    pub facts_used: f64,
    /// The case's facts the response used, as the response wrote them, most specific first.
    pub facts: Vec<String>,
    /// Sentences in which the speaker refuses to act ("I can't do that", "I'm not
    /// going to ..."); a few are normal when a policy is explained, many are a refusal.
    pub refusals: usize,
    /// `facts_used` as a share of all the case's facts, 0 to 1.
    pub fact_share: f64,
    /// Share of sentences built on the case's facts, 0 to 1.
    pub on_case: f64,
    /// Sentences that commit the speaker to an action ("I'll call you Monday").
    pub commitments: usize,
    /// Hedges ("maybe", "I'll try to", "at some point").
    pub hedges: usize,
    /// Sentences that refuse, blame or belittle the customer.
    pub disrespect: usize,
    /// Spoken fillers ("um", "you know") per 100 words.
    pub fillers: f64,
    /// Share of the words that sit in sentences (a subject or a verb, four words or
    /// more) rather than in fragments such as list items, 0 to 1.
    pub speech: f64,
    /// Share of the words copied from the situation five words at a time, 0 to 1.
    pub copied: f64,
    /// Buzzwords ("synergy", "best-in-class") per 100 words.
    pub buzzwords: f64,
    /// Reasons given ("because", "so that").
    pub reasons: usize,
    /// How much of what the response talks about is this case's situation, 0 to 1:
    /// its content words found in the case, each weighted by how specific it is, over
    /// all its content words. An answer to another problem talks about other things.
    #[serde(default = "one")]
    pub topic: f64,
}

fn one() -> f64 {
    1.0
}

/// The case's own facts: each normalized word with how specific it is, 0 to 1.
pub struct CaseFacts {
    weights: FxHashMap<String, f64>,
    /// Every normalized word of the case, however common.
    vocabulary: FxHashSet<String>,
    /// Normalized words of the rubrics' phrases: any answer's vocabulary, no topic.
    rubric_vocabulary: Arc<FxHashSet<String>>,
    /// Runs of `TITLE_GRAM` words from the indicators' titles: reciting them is not speech.
    title_grams: FxHashSet<u64>,
    total: f64,
    situation_grams: FxHashSet<u64>,
}

/// How specific one word of the case is: everyday words ("return", "email",
/// "bought") weigh little, rare ones ("wetsuit", "Norfolk") and figures fully.
/// The stem is looked up too: "thanking" is rare, "thank" is not.
fn specificity(surface: &str, norm: &str, number: bool) -> f64 {
    if number {
        let digits = surface.chars().filter(|c| matches!(c, '1'..='9')).count();
        return if digits >= 2 { 1.0 } else { 0.2 };
    }
    ((5.3 - zipf(surface).max(zipf(norm))) / 1.7).clamp(0.0, 1.0)
}

/// Words shorter than this are never facts.
const MIN_FACT_LEN: usize = 3;

/// A fact weighs less when it only names the setting (the company in the
/// participant's role), or is rubric vocabulary that any answer would use.
const SETTING_WEIGHT: f64 = 0.35;
const RUBRIC_WORD_WEIGHT: f64 = 0.5;

/// Words less specific than this are not facts.
const MIN_FACT_WEIGHT: f64 = 0.2;

/// A sentence is built on the case when its facts weigh this much together.
const SENTENCE_ON_CASE: f64 = 1.0;

/// Words copied in a row from the situation that count as copying.
const GRAM: usize = 5;
/// Words in a row from an indicator's title that count as reciting it.
const TITLE_GRAM: usize = 4;

impl CaseFacts {
    /// Reads the facts of `case`. The rubrics' phrase words are vocabulary, not facts;
    /// reciting one of their `titles` is not speech.
    /// Case texts share many words: each is stemmed once per `cache`.
    pub fn new(
        case: &Case,
        rubric: &PhraseWords,
        titles: &[String],
        cache: &mut WordCache,
    ) -> CaseFacts {
        let rubric_words = &rubric.single;
        let mut weights: FxHashMap<String, f64> = FxHashMap::default();
        let mut vocabulary: FxHashSet<String> = FxHashSet::default();
        let setting: FxHashSet<String> = tokenize_cached(&case.participant_role, cache)
            .tokens
            .into_iter()
            .map(|t| t.norm.into_string())
            .collect();
        let mut add_tokens = |text: &str, tokenized: &Tokenized| {
            for (i, token) in tokenized.tokens.iter().enumerate() {
                let surface = &text[token.span];
                vocabulary.insert(token.norm.to_string());
                if token.skip
                    || (surface.chars().count() < MIN_FACT_LEN && !token.number)
                    || COMMON_NORMS.contains(token.norm.as_str())
                {
                    continue;
                }
                let mut weight = specificity(surface, &token.norm, token.number);
                let sentence_start = tokenized.sentences[token.sentence].tokens.start == i;
                // A name inside a sentence ("Dana", "Norfolk"), not a capitalized
                // everyday word or a contraction's second piece.
                let name = token.capitalized
                    && !sentence_start
                    && !surface.contains(['\'', '\u{2019}'])
                    && zipf(surface) < 5.0;
                if name {
                    weight = weight.max(0.7);
                }
                if rubric_words.contains(token.norm.as_str()) {
                    weight *= RUBRIC_WORD_WEIGHT;
                }
                if setting.contains(token.norm.as_str()) {
                    weight *= SETTING_WEIGHT;
                }
                if weight >= MIN_FACT_WEIGHT {
                    let slot = weights.entry(token.norm.to_string()).or_insert(0.0);
                    *slot = slot.max(weight);
                }
            }
        };
        let situation = tokenize_cached(&case.situation, cache);
        add_tokens(&case.title, &tokenize_cached(&case.title, cache));
        add_tokens(&case.judge_role, &tokenize_cached(&case.judge_role, cache));
        add_tokens(&case.situation, &situation);
        for question in &case.judge_questions {
            add_tokens(question, &tokenize_cached(question, cache));
        }
        for items in case.look_for.iter().map(|(_, items)| items) {
            for phrase in items.iter().flat_map(|i| &i.phrases) {
                add_tokens(&phrase.0, &tokenize_cached(&phrase.0, cache));
            }
        }
        let total = weights.values().sum();
        CaseFacts {
            weights,
            vocabulary,
            rubric_vocabulary: Arc::clone(&rubric.all),
            title_grams: titles
                .iter()
                .flat_map(|t| windows(&tokenize_cached(t, cache), TITLE_GRAM))
                .collect(),
            total,
            situation_grams: windows(&situation, GRAM).into_iter().collect(),
        }
    }

    /// How specific a normalized word is to the case, 0 when it is no fact.
    pub fn weight(&self, norm: &str) -> f64 {
        self.weights.get(norm).copied().unwrap_or(0.0)
    }

    /// For each sentence of a response, the weight of the case's facts it uses.
    pub fn per_sentence(&self, tokenized: &Tokenized) -> Vec<f64> {
        let mut out = vec![0.0; tokenized.sentences.len()];
        let mut seen = FxHashSet::default();
        for (index, sentence) in tokenized.sentences.iter().enumerate() {
            seen.clear();
            for token in &tokenized.tokens[sentence.tokens.clone()] {
                if seen.insert(token.norm.as_str()) {
                    out[index] += self.weight(&token.norm);
                }
            }
        }
        out
    }
}

/// Hashes of every run of `size` matchable words.
fn windows(tokenized: &Tokenized, size: usize) -> Vec<u64> {
    tokenized
        .matchable_words()
        .windows(size)
        .map(gram_hash)
        .collect()
}

fn gram_hash(words: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    words.hash(&mut hasher);
    hasher.finish()
}

/// Whether the words just before a match deny it: "it is not your fault".
fn denied(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    let last = lower
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    matches!(last, "not" | "never" | "no") || last.ends_with("n't") || last.ends_with("n\u{2019}t")
}

/// The sentence holding byte `at`.
fn sentence_at(tokenized: &Tokenized, at: usize) -> Option<usize> {
    let index = tokenized.sentences.partition_point(|s| s.span.end <= at);
    (index < tokenized.sentences.len()).then_some(index)
}

/// For each sentence, whether it refuses, blames or belittles the customer (not in
/// quoted speech, not denied: "it is not your fault" is kind).
pub(super) fn disrespectful(
    text: &str,
    tokenized: &Tokenized,
    quoted: &[crate::text::Span],
    listed: &Listed,
) -> Vec<bool> {
    let mut rude = vec![false; tokenized.sentences.len()];
    let dismissive = DISMISSIVE
        .find_iter(text)
        .map(|m| crate::text::Span::new(m.start(), m.end()));
    for at in listed.disrespect.iter().copied().chain(dismissive) {
        if quoted.iter().any(|q| q.contains(at)) || denied(&text[..at.start]) {
            continue;
        }
        if let Some(i) = sentence_at(tokenized, at.start) {
            rude[i] = true;
        }
    }
    rude
}

/// Reads a response; `rude` flags its disrespectful sentences.
pub(super) fn read(
    text: &str,
    tokenized: &Tokenized,
    clauses: &Clauses,
    facts: &CaseFacts,
    (listed, rude): (&Listed, &[bool]),
) -> Reading {
    let words = tokenized.word_count();
    let sentences = tokenized.sentences.len();
    let mut reading = Reading {
        words,
        sentences,
        ..Reading::default()
    };
    if words == 0 {
        return reading;
    }
    let per100 = |n: usize| n as f64 * 100.0 / words as f64;

    let mut used: FxHashMap<&str, &str> = FxHashMap::default();
    for token in &tokenized.tokens {
        if facts.weight(&token.norm) > 0.0 {
            used.entry(token.norm.as_str()).or_insert(&text[token.span]);
        }
    }
    reading.facts_used = used.keys().map(|n| facts.weight(n)).sum();
    let mut named: Vec<(&str, &str)> = used.into_iter().collect();
    named.sort_by(|a, b| {
        facts
            .weight(b.0)
            .total_cmp(&facts.weight(a.0))
            .then(a.1.cmp(b.1))
    });
    reading.facts = named.into_iter().map(|(_, s)| s.to_string()).collect();
    reading.fact_share = (reading.facts_used / facts.total.max(1.0)).min(1.0);
    let per_sentence = facts.per_sentence(tokenized);
    reading.on_case = per_sentence
        .iter()
        .filter(|&&w| w >= SENTENCE_ON_CASE)
        .count() as f64
        / sentences.max(1) as f64;

    let mut hedged = vec![false; sentences];
    for at in &listed.hedges {
        reading.hedges += 1;
        if let Some(i) = sentence_at(tokenized, at.start) {
            hedged[i] = true;
        }
    }
    reading.disrespect = rude.iter().filter(|&&r| r).count();
    reading.buzzwords = per100(listed.buzzwords.len());
    reading.reasons = listed.reasons.len();
    reading.fillers = per100(FILLERS.find_iter(text).count());

    let (committed, refused) = speaker_acts(text, tokenized, clauses);
    reading.refusals = refused.iter().filter(|&&r| r).count();
    reading.commitments = committed
        .iter()
        .zip(&hedged)
        .zip(rude)
        .filter(|((c, h), r)| **c && !**h && !**r)
        .count();

    let mut speech_words = 0;
    for sentence in &tokenized.sentences {
        let tokens = &tokenized.tokens[sentence.tokens.clone()];
        let count = tokens
            .iter()
            .filter(|t| !t.skip)
            .map(|t| t.span)
            .collect::<FxHashSet<_>>()
            .len();
        if count >= 4
            && tokens
                .iter()
                .any(|t| SPEECH_WORDS.contains(t.norm.as_str()))
            && !comma_list(&text[sentence.span], count)
        {
            speech_words += count;
        }
    }
    reading.speech = (speech_words as f64 / words as f64).min(1.0);
    reading.copied = copied_share(tokenized, facts);
    reading.topic = topic(text, tokenized, facts);
    reading
}

/// Share of the response's content, by specificity, that is the case's own.
fn topic(text: &str, tokenized: &Tokenized, facts: &CaseFacts) -> f64 {
    let mut seen = FxHashSet::default();
    let (mut own, mut all) = (0.0, 0.0);
    for token in &tokenized.tokens {
        let surface = &text[token.span];
        // The word's own checks first, then each normalized word once: the checks
        // after `seen` depend on the normalized word alone, so asking them once is enough.
        if token.skip
            || token.number
            || surface.chars().count() < MIN_FACT_LEN
            || !seen.insert(token.norm.as_str())
            || COMMON_NORMS.contains(token.norm.as_str())
            || SPEECH_WORDS.contains(token.norm.as_str())
            || facts.rubric_vocabulary.contains(token.norm.as_str())
        {
            continue;
        }
        let weight = ((TOPIC_ZIPF - zipf(surface).max(zipf(&token.norm))) / TOPIC_RANGE)
            .clamp(TOPIC_MIN_WEIGHT, 1.0);
        all += weight;
        if facts.vocabulary.contains(token.norm.as_str()) {
            own += weight;
        }
    }
    if all == 0.0 { 1.0 } else { own / all }
}

/// Topic weights: words as common as Zipf 6 weigh the least, words rarer than Zipf 4 fully.
const TOPIC_ZIPF: f64 = 6.0;
const TOPIC_RANGE: f64 = 2.0;
const TOPIC_MIN_WEIGHT: f64 = 0.15;

/// Whether a sentence is a list of terms strung on commas or semicolons ("respect,
/// empathy, active listening, ..."): many pieces, few words each. A sentence that
/// lists three actions ("I'll refund it, waive the fee and call you") is not.
fn comma_list(sentence: &str, words: usize) -> bool {
    let pieces = sentence.matches([',', ';']).count() + 1;
    pieces >= LIST_PIECES && (words as f64) < LIST_WORDS_PER_PIECE * pieces as f64
}

/// A comma list has at least this many pieces, of fewer words than this on average.
const LIST_PIECES: usize = 5;
const LIST_WORDS_PER_PIECE: f64 = 3.0;

/// Share of matchable words covered by runs copied from the situation or recited
/// from the indicators' titles.
fn copied_share(tokenized: &Tokenized, facts: &CaseFacts) -> f64 {
    let words = tokenized.matchable_words();
    let mut covered = vec![false; words.len()];
    for (size, grams) in [
        (GRAM, &facts.situation_grams),
        (TITLE_GRAM, &facts.title_grams),
    ] {
        for (i, run) in words.windows(size).enumerate() {
            if grams.contains(&gram_hash(run)) {
                covered[i..i + size].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    covered.iter().filter(|&&c| c).count() as f64 / words.len().max(1) as f64
}

/// For each sentence, whether the speaker commits to an action ("I will", "we'll",
/// "I'm going to", "let me", "I've already", "I've refunded", "I'm sending", "I can"),
/// and whether the speaker refuses one ("I can't", "we won't", "I'm not going to").
fn speaker_acts(text: &str, tokenized: &Tokenized, clauses: &Clauses) -> (Vec<bool>, Vec<bool>) {
    let tokens = &tokenized.tokens;
    let surface = |t: usize| text[tokens[t].span].to_lowercase();
    let mut out = vec![false; tokenized.sentences.len()];
    let mut refused = vec![false; tokenized.sentences.len()];
    for i in 0..tokens.len() {
        let same = |t: usize| {
            tokens
                .get(t)
                .is_some_and(|x| x.sentence == tokens[i].sentence)
        };
        let verb = match tokens[i].norm.as_str() {
            "i" | "we" => {
                let mut at = i + 1;
                while same(at) && (tokens[at].skip || tokens[at].norm == "be") {
                    at += 1;
                }
                if !same(at) {
                    continue;
                }
                let aux = tokens[at].norm.as_str();
                let negated = same(at + 1) && tokens[at + 1].norm == "not";
                let kind = same(at + 2) && KIND_AFTER_NOT.contains(&tokens[at + 2].norm.as_str());
                if negated && !kind && matches!(aux, "will" | "can" | "do" | "be") {
                    refused[tokens[i].sentence] = true;
                    continue;
                }
                if aux == "not"
                    && same(at + 1)
                    && !matches!(tokens[at + 1].norm.as_str(), "sure" | "certain" | "only")
                {
                    refused[tokens[i].sentence] = true;
                    continue;
                }
                match aux {
                    // "I won't forget to call": the kind verb after "not" is the act.
                    "will" | "can" if negated => at + 2,
                    "will" | "can" => at + 1,
                    "have"
                        if same(at + 1)
                            && (tokens[at + 1].norm == "already"
                                || surface(at + 1).ends_with("ed")) =>
                    {
                        at + 1
                    }
                    // "I'm refunding", "we're sending": the present progressive.
                    _ if at > i + 1 && surface(at).ends_with("ing") => at,
                    _ => continue,
                }
            }
            "let" if same(i + 1) && matches!(tokens[i + 1].norm.as_str(), "me" | "us") => i + 2,
            _ => continue,
        };
        let Some(v) = (verb..tokens.len()).find(|&v| !tokens[v].skip) else {
            continue;
        };
        if !same(v) || tokens[v].norm == "not" {
            continue;
        }
        if negated_by(tokenized, clauses, &(v..v + 1)).is_none() {
            out[tokens[i].sentence] = true;
        }
    }
    (out, refused)
}
