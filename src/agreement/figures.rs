//! The figures of a comparison, each from the compared responses: the orders per
//! case, the means per student, the gaps per indicator, the largest disagreements,
//! the overall figures and the judges against each other.

use std::collections::BTreeMap;

use super::MarkSet;
use super::{
    Basis, CaseOrder, Disagreement, IndicatorGap, JudgePair, Marked, Overall, Placed, Quote,
    StudentMeans, indicator_band, judge_total, rating, stats,
};
use crate::batch::Skipped;
use crate::engine::{IndicatorScore, Status};
use crate::model::Band;
use crate::model::Form;

pub(super) fn case_orders(compared: &[Marked], form: &Form) -> Vec<CaseOrder> {
    let mut orders: Vec<CaseOrder> = Vec::new();
    for chunk in compared.chunk_by(|a, b| a.scored.case == b.scored.case) {
        let engine: Vec<f64> = chunk.iter().map(|m| m.engine).collect();
        let judges: Vec<f64> = chunk.iter().map(|m| m.judges).collect();
        let (swapped_pairs, pairs) = stats::swapped_pairs(&engine, &judges);
        let placed = |pick: &dyn Fn(&Marked) -> (f64, Band)| {
            let mut list: Vec<Placed> = chunk
                .iter()
                .map(|m| {
                    let (total, rating) = pick(m);
                    Placed {
                        student: m.scored.student.clone(),
                        total,
                        rating,
                    }
                })
                .collect();
            list.sort_by(|a, b| b.total.total_cmp(&a.total).then(a.student.cmp(&b.student)));
            list
        };
        let first = &chunk[0].scored;
        orders.push(CaseOrder {
            case: first.case.clone(),
            title: first.card.case_title.clone(),
            spearman: stats::spearman(&engine, &judges),
            swapped_pairs,
            pairs,
            engine: placed(&|m| (m.engine, m.engine_rating)),
            judges: placed(&|m| (m.judges, rating(m.judges, form))),
        });
    }
    orders
}

pub(super) fn student_means(compared: &[Marked]) -> Vec<StudentMeans> {
    let mut by_student: BTreeMap<&str, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for m in compared {
        let entry = by_student.entry(&m.scored.student).or_default();
        entry.0.push(m.engine);
        entry.1.push(m.judges);
    }
    let mut means: Vec<StudentMeans> = by_student
        .into_iter()
        .map(|(student, (engine, judges))| StudentMeans {
            student: student.to_string(),
            responses: engine.len(),
            engine: stats::mean(&engine).unwrap_or(0.0),
            judges: stats::mean(&judges).unwrap_or(0.0),
        })
        .collect();
    means.sort_by(|a, b| b.judges.total_cmp(&a.judges));
    means
}

/// One indicator of one response, as the engine and one judge scored it.
struct Pair<'a> {
    marked: &'a Marked<'a>,
    line: &'a IndicatorScore,
    set: &'a MarkSet,
    points: u32,
}

impl Pair<'_> {
    fn gap(&self) -> u32 {
        self.line.points.abs_diff(self.points)
    }
}

/// Every indicator the engine and a judge both scored, over the compared responses.
fn pairs<'a>(compared: &'a [Marked<'a>]) -> impl Iterator<Item = Pair<'a>> {
    compared.iter().flat_map(|marked| {
        marked.marks.iter().flat_map(move |set| {
            marked
                .scored
                .card
                .indicators
                .iter()
                .filter_map(move |line| {
                    set.indicators.get(&line.code).map(|&points| Pair {
                        marked,
                        line,
                        set,
                        points,
                    })
                })
        })
    })
}

pub(super) fn indicator_gaps(compared: &[Marked], form: &Form) -> Vec<IndicatorGap> {
    let mut by_code: BTreeMap<&str, Vec<Pair>> = BTreeMap::new();
    for pair in pairs(compared) {
        by_code
            .entry(pair.line.code.as_str())
            .or_default()
            .push(pair);
    }
    by_code
        .into_iter()
        .map(|(code, pairs)| {
            let diffs: Vec<f64> = pairs
                .iter()
                .map(|p| f64::from(p.line.points) - f64::from(p.points))
                .collect();
            let abs: Vec<f64> = diffs.iter().map(|d| d.abs()).collect();
            let (engine, judge): (Vec<usize>, Vec<usize>) = pairs
                .iter()
                .map(|p| (p.line.band.index(), indicator_band(p.points, form)))
                .unzip();
            IndicatorGap {
                code: code.to_string(),
                title: pairs
                    .first()
                    .map(|p| p.line.title.clone())
                    .unwrap_or_default(),
                marks: pairs.len(),
                mean_abs: stats::mean(&abs).unwrap_or(0.0),
                mean_diff: stats::mean(&diffs).unwrap_or(0.0),
                band_qwk: stats::qwk(&engine, &judge),
            }
        })
        .collect()
}

pub(super) fn disagreements(compared: &[Marked], worst: usize) -> Vec<Disagreement> {
    // Equal points are no disagreement, however few the gaps.
    let mut all: Vec<Pair> = pairs(compared).filter(|p| p.gap() > 0).collect();
    // Largest first; among equals, by case, student, indicator and judge, so the
    // list does not change from run to run.
    all.sort_by(|a, b| {
        b.gap()
            .cmp(&a.gap())
            .then_with(|| a.marked.scored.case.cmp(&b.marked.scored.case))
            .then_with(|| a.marked.scored.student.cmp(&b.marked.scored.student))
            .then_with(|| a.line.code.cmp(&b.line.code))
            .then_with(|| a.set.judge.cmp(&b.set.judge))
    });
    all.into_iter()
        .take(worst)
        .map(|p| Disagreement {
            case: p.marked.scored.case.clone(),
            student: p.marked.scored.student.clone(),
            judge: p.set.judge.clone(),
            code: p.line.code.to_string(),
            title: p.line.title.clone(),
            engine: p.line.points,
            judge_points: p.points,
            credited: credited(p.line, &p.marked.scored.response),
            note: p
                .set
                .notes
                .get(&p.line.code)
                .or(p.set.note.as_ref())
                .cloned(),
        })
        .collect()
}

/// The phrases the engine credited for an indicator, each in its clause.
fn credited(line: &IndicatorScore, response: &str) -> Vec<Quote> {
    line.evidence
        .iter()
        .filter(|e| e.status == Status::Credited)
        .filter_map(|e| {
            let context = e.context.cover(e.span);
            Some(Quote {
                label: e.label.clone(),
                context: response.get(context.start..context.end)?.to_string(),
                matched: response.get(e.span.start..e.span.end)?.to_string(),
                at: e.span.start - context.start,
            })
        })
        .collect()
}

pub(super) fn overall(compared: &[Marked], judges: &[String], form: &Form) -> Overall {
    let engine: Vec<f64> = compared.iter().map(|m| m.engine).collect();
    let mean: Vec<f64> = compared.iter().map(|m| m.judges).collect();
    let engine_ratings: Vec<usize> = compared.iter().map(|m| m.engine_rating.index()).collect();
    let judge_ratings: Vec<usize> = mean
        .iter()
        .map(|&t| stats::band(t, &form.total.band_floors))
        .collect();
    let band_qwk = judges
        .iter()
        .map(|judge| {
            let (e, j): (Vec<usize>, Vec<usize>) = pairs(compared)
                .filter(|p| &p.set.judge == judge)
                .map(|p| (p.line.band.index(), indicator_band(p.points, form)))
                .unzip();
            (judge.clone(), stats::qwk(&e, &j))
        })
        .collect();
    Overall {
        responses: compared.len(),
        spearman: stats::spearman(&engine, &mean),
        rating_qwk: stats::qwk(&engine_ratings, &judge_ratings),
        band_qwk,
    }
}

pub(super) fn between_judges(
    compared: &[Marked],
    judges: &[String],
    form: &Form,
    basis: Basis,
) -> Vec<JudgePair> {
    let mut result = Vec::new();
    for (i, a) in judges.iter().enumerate() {
        for b in &judges[i + 1..] {
            let both: Vec<(&MarkSet, &MarkSet)> = compared
                .iter()
                .filter_map(|m| {
                    let find = |name: &String| m.marks.iter().find(|s| &s.judge == name).copied();
                    Some((find(a)?, find(b)?))
                })
                .collect();
            let (mut bands_a, mut bands_b) = (Vec::new(), Vec::new());
            for (x, y) in &both {
                for (code, &points) in &x.indicators {
                    if let Some(&other) = y.indicators.get(code) {
                        bands_a.push(indicator_band(points, form));
                        bands_b.push(indicator_band(other, form));
                    }
                }
            }
            let totals_a: Vec<f64> = both
                .iter()
                .map(|(x, _)| judge_total(x, form, basis))
                .collect();
            let totals_b: Vec<f64> = both
                .iter()
                .map(|(_, y)| judge_total(y, form, basis))
                .collect();
            let ratings = |totals: &[f64]| -> Vec<usize> {
                totals
                    .iter()
                    .map(|&t| stats::band(t, &form.total.band_floors))
                    .collect()
            };
            result.push(JudgePair {
                a: a.clone(),
                b: b.clone(),
                responses: both.len(),
                band_qwk: stats::qwk(&bands_a, &bands_b),
                rating_qwk: stats::qwk(&ratings(&totals_a), &ratings(&totals_b)),
                spearman: stats::spearman(&totals_a, &totals_b),
            });
        }
    }
    result
}

pub(super) fn stray_codes(compared: &[Marked]) -> Vec<Skipped> {
    let mut stray = Vec::new();
    for m in compared {
        for set in &m.marks {
            for code in set.indicators.keys() {
                if !m.scored.card.indicators.iter().any(|l| &l.code == code) {
                    stray.push(Skipped {
                        origin: set.origin.clone(),
                        reason: format!(
                            "{} does not test {code}; {} marked it",
                            m.scored.case, set.judge
                        ),
                    });
                }
            }
        }
    }
    stray
}
