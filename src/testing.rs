//! Helpers for tests: score a sentence against one indicator and assert, by name,
//! what it earned. Compiled for tests only (the `testing` feature), never into the
//! released binary; it lives in the application because it loads the shipped rubrics.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use crate::engine::{Scorecard, Scorer, Status, bare_case};
use crate::library::shipped;
use crate::model::Code;

/// Scores `text` against one shipped indicator in a bare case.
pub fn score_one(code: &str, text: &str) -> Scorecard {
    score_in_case(code, "", text)
}

/// Scores `text` against one shipped indicator in a case with this situation.
pub fn score_in_case(code: &str, situation: &str, text: &str) -> Scorecard {
    scorer(code, situation).score(text)
}

/// Scorers built so far, by indicator and situation: tests score hundreds of sentences
/// against a handful of indicators, and a scorer takes far longer to build than to run.
type Scorers = Mutex<HashMap<(String, String), Arc<Scorer>>>;

fn scorer(code: &str, situation: &str) -> Arc<Scorer> {
    static SCORERS: LazyLock<Scorers> = LazyLock::new(Scorers::default);
    let key = (code.to_string(), situation.to_string());
    // A test that panicked while holding the lock leaves the map intact: keep using it.
    let mut scorers = SCORERS.lock().unwrap_or_else(|e| e.into_inner());
    let made = scorers.entry(key).or_insert_with(|| {
        let rubrics = shipped::rubrics().expect("shipped rubrics load");
        let form = shipped::default_form().expect("shipped form loads");
        let case = bare_case(&Code::parse(code).expect("a code"), situation);
        Arc::new(Scorer::new(&case, rubrics, form).expect("scorer"))
    });
    Arc::clone(made)
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

// The engine's own behaviour on the shipped rubrics.
#[cfg(test)]
mod tests {
    use super::{assert_credits, assert_no_credit, credited, score_in_case, score_one, statuses};
    use crate::engine::{Status, Stuffing};

    const SITUATION: &str = "You are to assume the role of the manager of Bayside Cycles in Tacoma. \
        A customer, Lena Ortiz, bought a $640 Trailmaster bike. The Trailmaster's brakes failed \
        after nine days. Bayside's policy allows returns within 14 days.";

    #[test]
    fn apology_is_credited_with_its_quote() {
        assert_credits(
            "CR:010",
            "I'm so sorry this happened to your bike.",
            "apologizes",
        );
    }

    #[test]
    fn negated_wont_apologize() {
        assert_no_credit("CR:010", "I won't apologize for our policy.", "apologizes");
        let card = score_one("CR:010", "I won't apologize for our policy.");
        assert!(
            statuses(&card, "apologizes")
                .iter()
                .all(|s| matches!(s, Status::Negated(_)))
        );
    }

    #[test]
    fn negated_we_never_follow_up() {
        assert_no_credit(
            "CR:010",
            "We never follow up with customers after a sale.",
            "follows-up",
        );
    }

    #[test]
    fn contraction_and_plain_form_score_alike() {
        let a = score_one("CR:010", "I'll call you on Friday to follow up.");
        let b = score_one("CR:010", "I will call you on Friday to follow up.");
        assert_eq!(a.indicators[0].points, b.indicators[0].points);
        assert!(credited(&a, "follows-up"));
    }

    #[test]
    fn word_endings_do_not_matter() {
        assert_credits("CR:010", "We apologized right away.", "apologizes");
    }

    #[test]
    fn stuffed_list_earns_nothing() {
        let card = score_one(
            "CR:010",
            "Apology, empathy, follow-up, refund, resolution, listening.",
        );
        assert!(
            card.indicators[0]
                .evidence
                .iter()
                .all(|e| matches!(e.status, Status::Stuffed(Stuffing::List)))
        );
        assert_eq!(card.indicators[0].points, 0);
    }

    #[test]
    fn a_concept_counts_once() {
        let card = score_one("CR:010", "I'm sorry. I'm so sorry. I really am sorry.");
        let statuses = statuses(&card, "apologizes");
        assert_eq!(
            statuses.iter().filter(|s| **s == Status::Credited).count(),
            1
        );
        assert!(statuses.contains(&Status::Repeated));
    }

    const GENERIC: &str = "I'm so sorry about this and I understand how frustrating it is. Let me fix it right now: \
        I can offer you a replacement or a full refund, whichever you prefer. I will call you next week \
        to make sure everything is fine, and we will train the team so this never happens again.";

    const SPECIFIC: &str = "Ms. Ortiz, I'm so sorry the Trailmaster's brakes failed after nine days, and I understand how \
        frustrating that is. Let me fix it right now: I can offer you a new Trailmaster or a full refund of the $640, \
        whichever you prefer, well inside our 14-day return window. I will call you next week to make sure the bike is \
        riding well, and we will train the Bayside team so this never happens again.";

    #[test]
    fn a_generic_answer_is_held_below_meets() {
        let card = score_in_case("CR:010", SITUATION, GENERIC);
        assert!(
            card.indicators[0].points <= 8,
            "points {}",
            card.indicators[0].points
        );
        assert!(card.reading.facts.len() <= 2, "{:?}", card.reading.facts);
    }

    #[test]
    fn the_same_answer_tied_to_the_case_scores_higher() {
        let generic = score_in_case("CR:010", SITUATION, GENERIC);
        let specific = score_in_case("CR:010", SITUATION, SPECIFIC);
        assert!(specific.indicators[0].tied_to_case);
        assert!(
            specific.indicators[0].points >= generic.indicators[0].points + 3,
            "specific {} generic {}",
            specific.indicators[0].points,
            generic.indicators[0].points
        );
        for fact in ["Ortiz", "Trailmaster", "640", "Bayside"] {
            assert!(
                specific.reading.facts.iter().any(|f| f.contains(fact)),
                "{fact}"
            );
        }
    }

    #[test]
    fn the_same_input_gives_the_same_scorecard() {
        let text = "Ms. Ortiz, I'm sorry. I will replace the Trailmaster today.";
        assert_eq!(
            score_in_case("CR:010", SITUATION, text),
            score_in_case("CR:010", SITUATION, text)
        );
    }

    #[test]
    fn a_word_cache_shared_across_responses_changes_no_score() {
        let scorer = super::scorer("CR:010", SITUATION);
        let mut cache = crate::text::WordCache::default();
        for text in [
            "Ms. Ortiz, I'm sorry. I won't let this happen again; I'll replace it today.",
            "I can't refund it. We won't replace the Trailmaster, it's our policy.",
            "Ms. Ortiz, I'm sorry. I won't let this happen again; I'll replace it today.",
        ] {
            assert_eq!(
                scorer.score_cached(text, &mut cache),
                scorer.score(text),
                "{text}"
            );
        }
    }

    #[test]
    fn empty_and_odd_text_score_zero() {
        for text in ["", "   ", "\u{200F}\u{1F600}", "...!!!"] {
            let card = score_in_case("CR:010", SITUATION, text);
            assert_eq!(card.total, 0, "{text:?}");
        }
    }
}

#[cfg(test)]
mod misconception_tests {
    use super::score_one;

    #[test]
    fn a_misconception_is_named_with_its_correction() {
        let card = score_one(
            "CR:016",
            "Honestly, CRM is just software that we buy and install.",
        );
        assert_eq!(card.misconceptions.len(), 1);
        assert_eq!(card.misconceptions[0].id, "crm-only-software");
        assert!(card.misconceptions[0].correction.contains("strategy"));
    }

    #[test]
    fn a_denied_misconception_is_not_named() {
        assert!(
            score_one("CR:017", "We will never sell their data to anyone.")
                .misconceptions
                .is_empty()
        );
        assert!(
            score_one("CR:016", "CRM is not just software; it is a strategy.")
                .misconceptions
                .is_empty()
        );
    }
}
