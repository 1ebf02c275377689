//! Crediting follow-up answers as a judge does: an answer that says the probed concept
//! earns it, but less than volunteering it would have. The main response's score is
//! never touched; the credit is added on top, line by line, and the total follows.

use super::FollowUp;
use crate::engine::{ConceptSource, Scorecard, Scorer, Status};
use crate::model::{Asked, Band, Case, Form, RubricSet};

/// The most a prompted answer can add for a concept: half the concept's share of the
/// indicator's points (its weight over the weight of everything the indicator listens
/// for), rounded down, and at least one. Volunteering it moves the indicator by its
/// whole share; a judge credits the prompted answer less.
pub fn cap(case: &Case, rubrics: &RubricSet, form: &Form, follow_up: &FollowUp) -> u32 {
    let rubric_weight = rubrics
        .get(&follow_up.indicator)
        .map_or(0, |r| r.total_weight());
    let case_weight: u32 = case
        .look_for(&follow_up.indicator)
        .iter()
        .map(|l| l.weight)
        .sum();
    let all = (rubric_weight + case_weight).max(1);
    (form.indicators.max * follow_up.weight / (2 * all)).max(1)
}

/// The scorecard with each answer's credit added, and each follow-up's outcome. An
/// answer earns its concept when the engine, reading the answer alone, credits that
/// concept; a concept the response already earned earns nothing again.
pub fn credit(
    scorer: &Scorer,
    case: &Case,
    rubrics: &RubricSet,
    form: &Form,
    card: &Scorecard,
    answered: Vec<(FollowUp, String)>,
) -> (Scorecard, Vec<Asked>) {
    let mut card = card.clone();
    let mut asked = Vec::with_capacity(answered.len());
    for (follow_up, answer) in answered {
        let cap = cap(case, rubrics, form, &follow_up);
        let line = card
            .indicators
            .iter_mut()
            .find(|l| l.code == follow_up.indicator);
        let Some(line) = line else {
            asked.push(Asked {
                follow_up,
                answer,
                credited: None,
                points: 0,
                cap,
                points_before: 0,
                already: false,
            });
            continue;
        };
        let still_missed = line.missed.iter().any(|m| m.concept == follow_up.concept);
        let credited = still_missed
            .then(|| earned_words(scorer, &follow_up, &answer))
            .flatten();
        let points_before = line.points;
        let points = match credited {
            Some(_) => cap.min(line.max.saturating_sub(line.points)),
            None => 0,
        };
        if credited.is_some() {
            line.points += points;
            line.band = Band::for_points(line.points, &form.indicators.band_floors);
            // Earned now, even if prompted: it is not asked or counted twice.
            line.missed.retain(|m| m.concept != follow_up.concept);
        }
        asked.push(Asked {
            follow_up,
            answer,
            credited,
            points,
            cap,
            points_before,
            already: !still_missed,
        });
    }
    if asked.iter().any(|a| a.points > 0) {
        retotal(&mut card, form);
    }
    (card, asked)
}

/// The words of the answer the engine credits for the probed concept, if any.
fn earned_words(scorer: &Scorer, follow_up: &FollowUp, answer: &str) -> Option<String> {
    let alone = scorer.score(answer);
    let line = alone
        .indicators
        .iter()
        .find(|l| l.code == follow_up.indicator)?;
    line.evidence
        .iter()
        .find(|e| {
            e.concept == follow_up.concept
                && e.source == ConceptSource::Rubric
                && e.status == Status::Credited
        })
        .map(|e| answer[e.context].trim().to_string())
}

/// The total and rating again, the way the engine adds up the form.
fn retotal(card: &mut Scorecard, form: &Form) {
    let indicator_points: u32 = card.indicators.iter().map(|i| i.points).sum();
    let indicator_max = (form.indicators.max * card.indicators.len() as u32).max(1);
    let scaled =
        f64::from(indicator_points) / f64::from(indicator_max) * f64::from(form.indicator_share());
    let skill_points: u32 = card.skills.iter().map(|s| s.points).sum();
    card.total = ((scaled + f64::from(skill_points)).round() as u32).min(form.total.max);
    card.rating = Band::for_points(card.total, &form.total.band_floors);
    card.certificate = card.total >= form.total.certificate;
}
