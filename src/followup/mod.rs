//! Follow-up questions: after the presentation and the case's fixed questions, a judge
//! presses where the response was thin. The questions are rubric data (each concept's
//! `probes`, and a case's own `follow_ups`), chosen from the heaviest concepts the
//! response missed, never about something it already covered, and worded apart from
//! the follow-ups of the case's latest attempt (see [`Turn`]), so the same wording
//! never comes twice in a row.

pub mod answers;
pub mod ask;
pub mod credit;
pub mod render;
pub(crate) mod slots;

use crate::engine::{ConceptSource, Scorecard};
use crate::model::{Case, RubricSet};

pub use crate::model::{Asked, FollowUp};
pub use credit::credit;

/// How many follow-ups `practice`, `questions` and `score --answers` ask by default.
pub const DEFAULT_COUNT: usize = 2;

/// A missed concept that has questions, and where it stands in the choice.
struct Candidate {
    weight: u32,
    indicator: usize,
    order: usize,
    follow_up: FollowUp,
}

/// Where a case stands in the rotation of wordings, read from the history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Turn {
    /// How many attempts at the case the history holds: which of a concept's wordings
    /// comes first, so the wording moves on with each attempt.
    pub count: usize,
    /// The follow-ups the latest attempt that had any asked, as worded then: none of
    /// them is asked again straight after.
    pub last: Vec<String>,
}

/// Up to `limit` follow-ups for a scored response: the heaviest missed concepts that
/// have questions, one per indicator before any indicator gets a second. The turn's
/// count picks the first wording to try among a concept's questions; a wording the
/// last follow-ups asked is passed over for the concept's next one, and a concept
/// whose every wording was just asked (a concept with one question) sits this attempt
/// out, so the same wording never comes twice in a row.
pub fn choose(
    case: &Case,
    rubrics: &RubricSet,
    card: &Scorecard,
    limit: usize,
    turn: Turn,
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
            let questions: Vec<String> = case
                .follow_ups
                .iter()
                .filter(|f| f.indicator == line.code && f.concept == concept.id)
                .map(|f| f.question.as_str())
                .chain(concept.probes.iter().map(String::as_str))
                .map(|template| slots::fill(template, case))
                .collect();
            let Some(question) = wording(&questions, &turn) else {
                continue;
            };
            candidates.push(Candidate {
                weight: concept.weight,
                indicator,
                order,
                follow_up: FollowUp {
                    indicator: line.code.clone(),
                    concept: concept.id.clone(),
                    label: concept.label.clone(),
                    weight: concept.weight,
                    question,
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

/// The wording to ask among a concept's questions (filled): the turn's own, or the
/// next one after it that the last follow-ups did not ask; `None` when there is no
/// such wording.
fn wording(questions: &[String], turn: &Turn) -> Option<String> {
    let n = questions.len();
    (0..n)
        .map(|k| &questions[(turn.count + k) % n])
        .find(|q| !turn.last.contains(q))
        .cloned()
}

/// Where the case stands in the rotation: how many attempts at it the history holds,
/// and what the latest of them that asked follow-ups asked. The first turn when there
/// is no history yet (it is never created just to read it).
pub fn turn(case_id: &str) -> Turn {
    let Some(home) = crate::library::paths::home() else {
        return Turn::default();
    };
    let path = crate::history::store::history::default_path(&home);
    if !path.is_file() {
        return Turn::default();
    }
    crate::history::store::History::open(&path)
        .and_then(|h| h.list(Some(case_id)))
        .map_or_else(|_| Turn::default(), |attempts| turn_after(&attempts))
}

/// The turn after these attempts at a case, oldest first.
pub fn turn_after(attempts: &[crate::history::store::Attempt]) -> Turn {
    let last = attempts
        .iter()
        .rev()
        .map(|a| &a.score.follow_ups)
        .find(|asked| !asked.is_empty())
        .map(|asked| asked.iter().map(|a| a.follow_up.question.clone()).collect())
        .unwrap_or_default();
    Turn {
        count: attempts.len(),
        last,
    }
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

    fn chosen(text: &str, limit: usize, count: usize) -> Vec<FollowUp> {
        let turn = Turn {
            count,
            last: Vec::new(),
        };
        chosen_after(&case("summit-gear-ski-return"), None, text, limit, turn)
    }

    /// The follow-ups for `text`, with the shipped rubrics or `rubrics`.
    fn chosen_after(
        case: &Case,
        rubrics: Option<&RubricSet>,
        text: &str,
        limit: usize,
        turn: Turn,
    ) -> Vec<FollowUp> {
        let rubrics = rubrics.unwrap_or_else(|| shipped::rubrics().expect("rubrics"));
        let form = shipped::default_form().expect("form");
        let card = Scorer::new(case, rubrics, form)
            .expect("scorer")
            .score(text);
        choose(case, rubrics, &card, limit, turn)
    }

    /// The questions of `asked`, as the next turn's `last`.
    fn after(count: usize, asked: &[FollowUp]) -> Turn {
        Turn {
            count,
            last: asked.iter().map(|f| f.question.clone()).collect(),
        }
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
    fn every_shipped_concept_has_two_questions_with_known_slots() {
        for rubric in shipped::shipped_rubrics().expect("rubrics").iter() {
            for concept in &rubric.concepts {
                let n = concept.probes.len();
                assert_eq!(n, 2, "{} {}: {n} probes", rubric.code, concept.id);
                assert_ne!(concept.probes[0], concept.probes[1]);
                for probe in &concept.probes {
                    assert!(probe.ends_with('?') || probe.ends_with('.'), "{probe}");
                    assert_eq!(
                        crate::model::follow_up::unknown_slot(probe),
                        None,
                        "{}: {probe}",
                        rubric.code
                    );
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

    #[test]
    fn a_wording_asked_last_time_is_passed_over_even_when_the_count_points_at_it() {
        let first = chosen("", 1, 0);
        // The count did not move (an attempt deleted, say): the other wording comes.
        let again = chosen_after(
            &case("summit-gear-ski-return"),
            None,
            "",
            1,
            after(0, &first),
        );
        assert_eq!(again[0].concept, first[0].concept);
        assert_ne!(again[0].question, first[0].question);
    }

    #[test]
    fn a_concept_with_one_question_sits_out_the_attempt_after_it_was_asked() {
        let case = case("summit-gear-ski-return");
        let shipped = shipped::rubrics().expect("rubrics");
        // A coach's rubrics where every concept has a single question.
        let single = RubricSet::new(shipped.iter().cloned().map(|mut rubric| {
            for concept in &mut rubric.concepts {
                concept.probes.truncate(1);
            }
            rubric
        }));
        let first = chosen_after(&case, Some(&single), "", 2, Turn::default());
        assert_eq!(first.len(), 2);
        let second = chosen_after(&case, Some(&single), "", 2, after(1, &first));
        assert_eq!(second.len(), 2, "other missed concepts are asked instead");
        for f in &second {
            assert!(!first.iter().any(|g| g.question == f.question), "{f:?}");
        }
        // The attempt after that may ask them again: they were not asked last time.
        let third = chosen_after(&case, Some(&single), "", 2, after(2, &second));
        assert_eq!(third, first);
    }

    #[test]
    fn no_shipped_case_hears_the_same_follow_up_twice_in_a_row() {
        let rubrics = shipped::rubrics().expect("rubrics");
        let mut asked_anything = 0;
        for case in shipped::cases().iter().filter_map(|c| c.as_ref().ok()) {
            // An empty response misses every concept; a thin one misses most.
            for text in ["", &case.situation] {
                let mut turn = Turn::default();
                for count in 0..4 {
                    let asked = chosen_after(case, Some(rubrics), text, 3, turn);
                    for f in &asked {
                        assert!(f.question.ends_with('?') || f.question.ends_with('.'));
                    }
                    turn = after(count + 1, &asked);
                    asked_anything += asked.len();
                    let previous = turn.last.clone();
                    let next = chosen_after(case, Some(rubrics), text, 3, turn.clone());
                    for f in &next {
                        assert!(
                            !previous.contains(&f.question),
                            "{}: `{}` asked twice in a row",
                            case.id,
                            f.question
                        );
                    }
                    // With two wordings for every concept, nothing sits out.
                    assert_eq!(next.len(), asked.len(), "{}", case.id);
                }
            }
        }
        assert!(asked_anything > 0);
    }
}
