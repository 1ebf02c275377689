//! Each indicator's line and the skills lines: the phrases found for an indicator
//! judged in context, its points from coverage and the response's level, and the total.

use rustc_hash::FxHashSet as HashSet;

use super::{Scorer, Target};
use crate::engine::matcher::Found;
use crate::engine::plan::ConceptSource;
use crate::engine::points;
use crate::engine::scorecard::{
    Evidence, IndicatorScore, MisconceptionHit, Missed, SkillScore, Status,
};
use crate::engine::skills;
use crate::engine::stuffing::{Hit, stuffed_sentences};
use crate::model::Band;
use crate::text::{Span, Tokenized};

/// What the whole response's reading gives each indicator's scoring.
#[derive(Clone, Copy)]
pub(super) struct Judged<'a> {
    pub(super) tokenized: &'a Tokenized,
    /// Spans of quoted or reported speech.
    pub(super) quoted: &'a [Span],
    pub(super) found: &'a [Found<Target>],
    pub(super) negations: &'a [Option<usize>],
    pub(super) stuffing: &'a [Option<crate::engine::stuffing::Stuffing>],
    pub(super) on_case: &'a [bool],
    /// Sentences that refuse, blame or belittle the customer.
    pub(super) rude: &'a [bool],
    /// Mistaken positions the response states.
    pub(super) misconceptions: &'a [MisconceptionHit],
}

impl Scorer {
    /// The form's 21st Century Skills lines, each with its points and the reason for
    /// them; `details` counts the concrete details used, and those not in the case.
    pub(super) fn skill_lines(
        &self,
        level: f64,
        reading: &crate::engine::Reading,
        questions: f64,
        (specifics, new_specifics): (usize, usize),
    ) -> Vec<SkillScore> {
        let form = &self.form.skills;
        form.lines
            .iter()
            .map(|line| {
                let share = points::skill(&line.id, level, reading, questions) / 6.0;
                let points = (share * f64::from(form.max)).round() as u32;
                SkillScore {
                    id: line.id,
                    label: line.label.clone(),
                    points,
                    max: form.max,
                    band: Band::for_points(points, &form.band_floors),
                    reason: skills::reason(&line.id, reading, questions, specifics, new_specifics),
                }
            })
            .collect()
    }

    /// For each sentence, the kind of keyword stuffing it is, if any (never, for drills).
    pub(super) fn stuffing(
        &self,
        tokenized: &Tokenized,
        found: &[Found<Target>],
        on_case: &[bool],
    ) -> Vec<Option<crate::engine::stuffing::Stuffing>> {
        if !self.judge_stuffing {
            return vec![None; tokenized.sentences.len()];
        }
        let hits: Vec<Hit> = found
            .iter()
            .map(|f| {
                (
                    f.sentence,
                    f.tokens.clone(),
                    (f.target.indicator, f.target.concept),
                )
            })
            .collect();
        stuffed_sentences(tokenized, &hits, on_case)
    }

    /// Sets each indicator's points from the response's level and the indicator's
    /// coverage against the others'; an indicator whose position is wrong is held
    /// below "meets", as a judge would not rate it meets.
    pub(super) fn set_points(
        &self,
        indicators: &mut [IndicatorScore],
        level: f64,
        held_share: f64,
        misconceptions: &[MisconceptionHit],
    ) {
        let mean_coverage =
            indicators.iter().map(|i| i.coverage).sum::<f64>() / indicators.len().max(1) as f64;
        let scale = f64::from(self.form.indicators.max) / 14.0;
        for line in indicators {
            let points = points::indicator(level, line.coverage, mean_coverage, held_share) * scale;
            line.points = (points.round() as u32).min(line.max);
            if misconceptions.iter().any(|m| m.code == line.code) {
                let below_meets = self.form.indicators.band_floors[2].saturating_sub(1);
                line.points = line.points.min(below_meets);
                line.capped = true;
            }
            line.band = Band::for_points(line.points, &self.form.indicators.band_floors);
        }
    }

    /// The form's total: the indicators' points scaled to their share, plus the skills.
    pub(super) fn total(&self, indicators: &[IndicatorScore], skills: &[SkillScore]) -> u32 {
        let indicator_points: u32 = indicators.iter().map(|i| i.points).sum();
        let indicator_max = (self.form.indicators.max * indicators.len() as u32).max(1);
        let scaled = f64::from(indicator_points) / f64::from(indicator_max)
            * f64::from(self.form.indicator_share());
        let skill_points: u32 = skills.iter().map(|s| s.points).sum();
        ((scaled + f64::from(skill_points)).round() as u32).min(self.form.total.max)
    }

    /// The phrases found for one indicator, each judged in its context (quoted,
    /// contradicted, negated, rude, stuffed, repeated or credited), and which of the
    /// indicator's concepts were credited.
    pub(super) fn evidence(
        &self,
        index: usize,
        context: &Judged<'_>,
    ) -> (Vec<Evidence>, Vec<bool>) {
        let Judged {
            tokenized,
            quoted,
            found,
            negations,
            stuffing,
            on_case,
            rude,
            misconceptions,
        } = *context;
        let planned = &self.plan.indicators[index];
        let mut credited = vec![false; planned.concepts.len()];
        let mut evidence = Vec::new();
        for (f, negation) in found
            .iter()
            .zip(negations)
            .filter(|(f, _)| f.target.indicator == index)
        {
            let concept = &planned.concepts[f.target.concept];
            let sentence = tokenized.sentences[f.sentence].span;
            let wrong = misconceptions
                .iter()
                .find(|m| m.code == planned.code && sentence.contains(m.span));
            let status = if quoted.iter().any(|q| q.contains(f.span)) {
                Status::Quoted
            } else if let Some(m) = wrong {
                Status::Contradicted(m.span)
            } else if let Some(trigger) = negation {
                Status::Negated(tokenized.tokens[*trigger].span)
            } else if rude[f.sentence] {
                Status::Disrespectful
            } else if let Some(kind) = stuffing[f.sentence] {
                Status::Stuffed(kind)
            } else if credited[f.target.concept] {
                Status::Repeated
            } else {
                credited[f.target.concept] = true;
                Status::Credited
            };
            evidence.push(Evidence {
                concept: concept.id.clone(),
                label: concept.label.clone(),
                source: concept.source,
                span: f.span,
                context: quote_context(tokenized, f),
                sentence: f.sentence,
                case_specific: on_case[f.sentence],
                status,
            });
        }
        (evidence, credited)
    }

    /// One indicator's line: each phrase found judged in context, then points from
    /// coverage and depth, scaled by `context.scale` and held below "meets" when nothing
    /// ties it to the case. Also returns the weight of its "going beyond" points (light
    /// concepts and case points) and how much of it was earned, for the creativity line.
    pub(super) fn score_indicator(&self, index: usize, context: &Judged<'_>) -> IndicatorScore {
        let planned = &self.plan.indicators[index];
        let (evidence, credited) = self.evidence(index, context);
        let weight_of = |earned_only: bool, extras_only: bool| -> u32 {
            planned
                .concepts
                .iter()
                .zip(&credited)
                .filter(|(c, got)| {
                    (!earned_only || **got)
                        && (!extras_only || c.weight == 1 || c.source == ConceptSource::Case)
                })
                .map(|(c, _)| c.weight)
                .sum()
        };
        let earned = weight_of(true, false);
        let coverage = f64::from(earned) / f64::from(weight_of(false, false).max(1));
        // Sentences of evidence that also use the case's own details.
        let deep: HashSet<usize> = evidence
            .iter()
            .filter(|e| e.case_specific && matches!(e.status, Status::Credited | Status::Repeated))
            .map(|e| e.sentence)
            .collect();
        let case_point = planned
            .concepts
            .iter()
            .zip(&credited)
            .any(|(c, got)| *got && c.source == ConceptSource::Case);
        let tied = case_point || !deep.is_empty();
        let max = self.form.indicators.max;
        let mut missed: Vec<Missed> = planned
            .concepts
            .iter()
            .zip(&credited)
            .filter(|(_, got)| !**got)
            .map(|(c, _)| Missed {
                concept: c.id.clone(),
                label: c.label.clone(),
                tip: c.tip.clone(),
                weight: c.weight,
                source: c.source,
            })
            .collect();
        missed.sort_by_key(|m| std::cmp::Reverse(m.weight));
        // Points are set once every indicator's coverage is known.
        IndicatorScore {
            code: planned.code.clone(),
            title: planned.title.clone(),
            points: 0,
            max,
            band: Band::Little,
            coverage,
            tied_to_case: tied,
            capped: false,
            evidence,
            missed,
        }
    }
}

/// The text to quote around a match: its sentence, or its segment when the sentence is long.
fn quote_context(tokenized: &Tokenized, found: &Found<Target>) -> Span {
    let sentence = &tokenized.sentences[found.sentence];
    let words = sentence.tokens.len();
    if words <= 30 {
        return sentence.span;
    }
    let segment = tokenized.tokens[found.tokens.start].segment;
    let seg = &tokenized.segments[segment];
    let last = tokenized.tokens[found.tokens.end - 1].segment;
    seg.span.cover(tokenized.segments[last].span)
}
