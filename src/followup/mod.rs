//! Follow-up questions: after the presentation and the case's fixed questions, a judge
//! presses where the response was thin. The questions are rubric data (each concept's
//! `probes`, and a case's own `follow_ups`), chosen from the heaviest concepts the
//! response missed, never about something it already covered, and rotated by how many
//! times the case was tried so the same wording does not come twice in a row.

pub mod answers;
pub mod ask;
pub mod check;
pub mod credit;
pub mod render;
mod slots;

use serde::{Deserialize, Serialize};

use crate::engine::{ConceptSource, Scorecard};
use crate::model::{Case, Code, RubricSet};

pub use credit::{Asked, credit};

/// How many follow-ups `practice`, `questions` and `score --answers` ask by default.
pub const DEFAULT_COUNT: usize = 2;

/// One follow-up question, aimed at one missed concept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The indicator whose concept it probes.
    pub indicator: Code,
    /// The concept's id in that indicator's rubric.
    pub concept: String,
    /// What the concept is, as a report says it.
    pub label: String,
    /// How much the concept counts, 1 to 3.
    pub weight: u32,
    /// The question, slots filled from the case.
    pub question: String,
}

/// A missed concept that has questions, and where it stands in the choice.
struct Candidate {
    weight: u32,
    indicator: usize,
    order: usize,
    follow_up: FollowUp,
}

/// Up to `limit` follow-ups for a scored response: the heaviest missed concepts that
/// have questions, one per indicator before any indicator gets a second. `turn` (the
/// number of earlier attempts at the case) picks among a concept's questions, so the
/// wording changes from one attempt to the next.
pub fn choose(
    case: &Case,
    rubrics: &RubricSet,
    card: &Scorecard,
    limit: usize,
    turn: usize,
) -> Vec<FollowUp> {
    let mut candidates = Vec::new();
    for (indicator, line) in card.indicators.iter().enumerate() {
        let Some(rubric) = rubrics.get(&line.code) else {
            continue;
        };
        for (order, missed) in line.missed.iter().enumerate() {
            if missed.source != ConceptSource::Rubric {
                continue;
            }
            let Some(concept) = rubric.concepts.iter().find(|c| c.id == missed.concept) else {
                continue;
            };
            // The coach's own questions come first: they know the case.
            let mut questions: Vec<&str> = case
                .follow_ups
                .iter()
                .filter(|f| f.indicator == line.code && f.concept == concept.id)
                .map(|f| f.question.as_str())
                .collect();
            questions.extend(concept.probes.iter().map(String::as_str));
            if questions.is_empty() {
                continue;
            }
            let template = questions[turn % questions.len()];
            candidates.push(Candidate {
                weight: concept.weight,
                indicator,
                order,
                follow_up: FollowUp {
                    indicator: line.code.clone(),
                    concept: concept.id.clone(),
                    label: concept.label.clone(),
                    weight: concept.weight,
                    question: slots::fill(template, case),
                },
            });
        }
    }
    candidates.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then(a.indicator.cmp(&b.indicator))
            .then(a.order.cmp(&b.order))
    });
    // Spread over the indicators first, as a judge would, then the rest by weight.
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut rest = Vec::new();
    for candidate in candidates {
        if chosen.iter().any(|c| c.indicator == candidate.indicator) {
            rest.push(candidate);
        } else {
            chosen.push(candidate);
        }
    }
    chosen.extend(rest);
    chosen.truncate(limit);
    chosen.into_iter().map(|c| c.follow_up).collect()
}

/// The follow-ups saved with an attempt's scorecard (`follow_ups` beside the
/// contract's keys); none for an attempt without them or from an older release.
pub fn saved(scorecard: &serde_json::Value) -> Vec<Asked> {
    scorecard
        .get("follow_ups")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// How many attempts at this case the history holds: the rotation's turn. Zero when
/// there is no history yet (it is never created just to count).
pub fn turn(case_id: &str) -> usize {
    let Some(home) = crate::library::paths::home() else {
        return 0;
    };
    let path = crate::history::store::history::default_path(&home);
    if !path.is_file() {
        return 0;
    }
    crate::history::store::History::open(&path)
        .and_then(|h| h.list(Some(case_id)))
        .map_or(0, |attempts| attempts.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scorer;
    use crate::library::shipped;

    fn case(id: &str) -> Case {
        shipped::cases()
            .iter()
            .filter_map(|c| c.as_ref().ok())
            .find(|c| c.id == id)
            .expect("shipped case")
            .clone()
    }

    fn chosen(text: &str, limit: usize, turn: usize) -> Vec<FollowUp> {
        let case = case("summit-gear-ski-return");
        let rubrics = shipped::rubrics().expect("rubrics");
        let form = shipped::default_form().expect("form");
        let card = Scorer::new(&case, rubrics, form)
            .expect("scorer")
            .score(text);
        choose(&case, rubrics, &card, limit, turn)
    }

    #[test]
    fn an_empty_response_gets_the_heaviest_concepts_one_per_indicator() {
        let asked = chosen("", 3, 0);
        assert_eq!(asked.len(), 3);
        assert!(asked.iter().all(|f| f.weight == 3));
        let codes: Vec<&str> = asked.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(codes, ["CR:010", "CR:009", "CR:007"]);
    }

    #[test]
    fn every_shipped_concept_has_one_or_two_questions_with_known_slots() {
        let slot = regex::Regex::new(r"\{([^}]*)\}").expect("regex");
        for rubric in shipped::shipped_rubrics().expect("rubrics").iter() {
            for concept in &rubric.concepts {
                let n = concept.probes.len();
                assert!(
                    (1..=2).contains(&n),
                    "{} {}: {n} probes",
                    rubric.code,
                    concept.id
                );
                for probe in &concept.probes {
                    assert!(probe.ends_with('?') || probe.ends_with('.'), "{probe}");
                    for name in slot.captures_iter(probe) {
                        assert!(
                            ["company", "policy", "amount"].contains(&&name[1]),
                            "{}: unknown slot {{{}}}",
                            rubric.code,
                            &name[1]
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn zero_asks_nothing_and_the_wording_rotates_by_turn() {
        assert!(chosen("", 0, 0).is_empty());
        let first = chosen("", 1, 0);
        let second = chosen("", 1, 1);
        assert_eq!(first[0].concept, second[0].concept);
        assert_ne!(first[0].question, second[0].question);
        assert_eq!(chosen("", 1, 2), first);
    }
}
