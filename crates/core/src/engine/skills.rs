//! The 21st Century Skills lines' explanations: what each line weighed, in words, and
//! the concrete details (times, figures, names) a plan names. The points themselves
//! come from `points::skill`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::model::SkillMeasure;
use crate::text::Tokenized;
use crate::text::normalize::norms;

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
            || TIME_WORDS.contains(token.norm.as_str())
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
    id: &SkillMeasure,
    r: &super::Reading,
    questions: f64,
    specifics: usize,
    new_specifics: usize,
) -> String {
    match id {
        SkillMeasure::Reasoning => format!(
            "{} reason(s) given (because, so that...); {} of the case's facts used",
            r.reasons,
            r.facts.len()
        ),
        SkillMeasure::Judgment => format!(
            "{} firm commitment(s) to act, {} hedge(s), {} concrete detail(s)",
            r.commitments, r.hedges, specifics
        ),
        SkillMeasure::Communication => format!(
            "{} words in {} sentences; {:.1} filler(s) per 100 words",
            r.words, r.sentences, r.fillers
        ),
        SkillMeasure::Creativity => format!(
            "{new_specifics} detail(s) of your own beyond the case; {} of the case's facts used",
            r.facts.len()
        ),
        SkillMeasure::Impression => format!("judge's questions answered {:.0}%", questions * 100.0),
    }
}

/// Builds the word set now rather than on first use.
pub(super) fn warm() {
    LazyLock::force(&TIME_WORDS);
}
