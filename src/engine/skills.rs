//! The 21st Century Skills lines, scored from what a text can show. Each measure is
//! a share from 0 to 1 of the line's maximum; the README explains them.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::matcher::{Matcher, NormText};
use super::negation::{Clauses, negated_by};
use crate::text::Tokenized;
use crate::text::normalize::norms;

/// What the skills measures read off a scored response.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Words in the response.
    pub words: usize,
    /// Sentences in the response.
    pub sentences: usize,
    /// Mean indicator score as a share of the maximum, 0 to 1.
    pub coverage: f64,
    /// How much of the response is about this case, 0 to 1.
    pub relevance: f64,
    /// Share of found phrases that were negated or stuffing, 0 to 1.
    pub dismissed: f64,
    /// Share of the light "going beyond" concepts (weight 1) and case points earned.
    pub extras: f64,
    /// Specific details the student brought that the case did not give (times, figures, names).
    pub new_specifics: usize,
    /// Specific details of any kind: the case's and the student's own.
    pub specifics: usize,
    /// Share of the judge's questions the response answers, 0 to 1 (1 when there are none).
    pub questions: f64,
}

/// Signals found in the text itself.
#[derive(Clone, Debug, Default)]
pub struct Signals {
    /// "because", "so that", "which means": reasons given.
    pub reasons: usize,
    /// "I will", "let me", "I recommend": commitments to act, not negated.
    pub actions: usize,
    /// "maybe", "I guess", "hopefully": hedges.
    pub hedges: usize,
    /// Opens with a greeting, closes with thanks or an invitation to ask.
    pub courtesy: f64,
}

#[derive(Clone, Copy)]
enum Signal {
    Reason,
    Action,
    Hedge,
    Opening,
    Closing,
}

static SIGNALS: LazyLock<Matcher<Signal>> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut add = |signal: Signal, list: &[&str]| {
        phrases.extend(list.iter().map(|p| (p.to_string(), signal)))
    };
    add(
        Signal::Reason,
        &[
            "because",
            "so that",
            "which means",
            "this means",
            "that means",
            "that is why",
            "this is why",
            "since",
            "as a result",
            "in order to",
            "that way",
            "this way",
            "so we can",
            "so you can",
            "which will",
            "which helps",
            "the reason",
            "this will",
            "that will",
            "due to",
        ],
    );
    add(
        Signal::Action,
        &[
            "let me",
            "i can",
            "we can",
            "i recommend",
            "my recommendation",
            "we should",
            "here is what",
            "i have arranged",
            "i have already",
            "i personally",
            "i propose",
            "i suggest",
            "my plan",
            "the plan is",
            "first",
            "second",
            "next",
            "finally",
        ],
    );
    add(
        Signal::Hedge,
        &[
            "maybe",
            "perhaps",
            "probably",
            "might",
            "i guess",
            "kind of",
            "sort of",
            "hopefully",
            "try to",
            "i think",
            "not sure",
            "i hope",
            "possibly",
        ],
    );
    add(
        Signal::Opening,
        &[
            "hello",
            "hi",
            "good morning",
            "good afternoon",
            "good evening",
            "welcome",
            "thank you for",
            "thanks for",
            "nice to meet",
            "pleasure to meet",
            "thank you so much for",
        ],
    );
    add(
        Signal::Closing,
        &[
            "thank you",
            "thanks",
            "any questions",
            "anything else",
            "appreciate",
            "happy to answer",
            "questions for me",
            "does that sound",
            "what questions",
        ],
    );
    Matcher::new(phrases, [])
});

/// Time words that make a plan concrete.
static TIME_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    [
        "today",
        "tomorrow",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "hour",
        "hours",
        "minutes",
        "week",
        "weeks",
        "month",
        "months",
        "quarter",
        "morning",
        "afternoon",
    ]
    .iter()
    .flat_map(|w| norms(w))
    .collect()
});

/// Finds the text signals of a response.
pub fn signals(text: &str, tokenized: &Tokenized, norm: &NormText, clauses: &Clauses) -> Signals {
    let mut out = Signals::default();
    let sentences = tokenized.sentences.len();
    let (mut opened, mut closed) = (false, false);
    for found in SIGNALS.find(text, tokenized, norm) {
        match found.target {
            Signal::Reason => out.reasons += 1,
            Signal::Action => {
                let refused = tokenized
                    .tokens
                    .get(found.tokens.end)
                    .is_some_and(|t| t.norm == "not")
                    || negated_by(tokenized, clauses, &found.tokens).is_some();
                if !refused {
                    out.actions += 1;
                }
            }
            Signal::Hedge => out.hedges += 1,
            Signal::Opening => opened |= found.sentence < 2,
            Signal::Closing => closed |= found.sentence + 3 >= sentences,
        }
    }
    out.actions += future_commitments(tokenized, clauses);
    out.courtesy = (f64::from(u8::from(opened)) + f64::from(u8::from(closed))) / 2.0;
    out
}

/// "I will", "we'll", "I'm going to": commitments, unless refused ("I won't").
fn future_commitments(tokenized: &Tokenized, clauses: &Clauses) -> usize {
    let tokens = &tokenized.tokens;
    let mut count = 0;
    for i in 0..tokens.len() {
        if !matches!(tokens[i].norm.as_str(), "i" | "we") {
            continue;
        }
        let mut at = i + 1;
        while tokens.get(at).is_some_and(|t| t.norm == "be" || t.skip) {
            at += 1;
        }
        if tokens.get(at).is_none_or(|t| t.norm != "will") {
            continue;
        }
        let verb = (at + 1..tokens.len()).find(|&v| !tokens[v].skip);
        let committed = verb.is_some_and(|v| {
            tokens[v].norm != "not"
                && tokens[v].sentence == tokens[i].sentence
                && negated_by(tokenized, clauses, &(v..v + 1)).is_none()
        });
        count += usize::from(committed);
    }
    count
}

/// Counts time words and figures in the response: how concrete the plan is.
pub fn concrete_details(tokenized: &Tokenized, known: impl Fn(&str) -> bool) -> (usize, usize) {
    let mut all = HashSet::default();
    let mut new = HashSet::default();
    for (i, token) in tokenized.tokens.iter().enumerate() {
        let first_of_sentence = tokenized
            .sentences
            .get(token.sentence)
            .is_some_and(|s| s.tokens.start == i);
        let detail = token.number
            || TIME_WORDS.contains(&token.norm)
            || (token.capitalized && !first_of_sentence && token.norm != "i" && !token.skip);
        if detail {
            all.insert(token.norm.as_str());
            if !known(&token.norm) {
                new.insert(token.norm.as_str());
            }
        }
    }
    (all.len(), new.len())
}

/// What a skills line weighed, in a sentence for the student.
pub fn reason(
    id: &str,
    r: &super::Reading,
    questions: f64,
    specifics: usize,
    new_specifics: usize,
) -> String {
    match id {
        "reasoning" => format!(
            "{} reason(s) given (because, so that...); {} of the case's facts used",
            r.reasons,
            r.facts.len()
        ),
        "judgment" => format!(
            "{} firm commitment(s) to act, {} hedge(s), {} concrete detail(s)",
            r.commitments, r.hedges, specifics
        ),
        "communication" => format!(
            "{} words in {} sentences; {:.1} filler(s) per 100 words",
            r.words, r.sentences, r.fillers
        ),
        "creativity" => format!(
            "{new_specifics} detail(s) of your own beyond the case; {} of the case's facts used",
            r.facts.len()
        ),
        _ => format!("judge's questions answered {:.0}%", questions * 100.0),
    }
}
