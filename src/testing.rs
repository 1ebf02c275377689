//! Helpers for tests: score a sentence against one indicator and assert, by name,
//! what it earned.

use super::{Scorecard, Scorer, Status};
use crate::model::Code;
use crate::shipped;

/// Scores `text` against one shipped indicator in a bare case.
pub fn score_one(code: &str, text: &str) -> Scorecard {
    score_in_case(code, "", text)
}

/// Scores `text` against one shipped indicator in a case with this situation.
pub fn score_in_case(code: &str, situation: &str, text: &str) -> Scorecard {
    let rubrics = shipped::rubrics().expect("shipped rubrics load");
    let form = shipped::default_form().expect("shipped form loads");
    let case = super::bare_case(&Code::parse(code).expect("a code"), situation);
    Scorer::new(&case, rubrics, form)
        .expect("scorer")
        .score(text)
}

/// The statuses the concept's evidence got.
pub fn statuses(card: &Scorecard, concept: &str) -> Vec<Status> {
    card.indicators
        .iter()
        .flat_map(|i| &i.evidence)
        .filter(|e| e.concept == concept)
        .map(|e| e.status)
        .collect()
}

/// Whether the concept was credited.
pub fn credited(card: &Scorecard, concept: &str) -> bool {
    statuses(card, concept).contains(&Status::Credited)
}

/// Asserts that `text` earns `concept` of indicator `code`.
#[track_caller]
pub fn assert_credits(code: &str, text: &str, concept: &str) {
    let card = score_one(code, text);
    assert!(
        credited(&card, concept),
        "{code}: expected credit for `{concept}` in {text:?}; got {:?}",
        statuses(&card, concept)
    );
}

/// Asserts that `text` does not earn `concept` of indicator `code`.
#[track_caller]
pub fn assert_no_credit(code: &str, text: &str, concept: &str) {
    let card = score_one(code, text);
    assert!(
        !credited(&card, concept),
        "{code}: expected no credit for `{concept}` in {text:?}"
    );
}
