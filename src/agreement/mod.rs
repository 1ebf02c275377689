//! How far the engine is from a judge: score a marked folder of responses and compare
//! with the judges' marks, per indicator (bands), per response (totals and ratings)
//! and per case (the order of the students). The figures are the graded set's
//! `check` script's, so a coach's folder and the project's measuring set are read
//! the same way.

mod figures;
pub mod folder;
pub mod marks;
pub mod stats;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::batch::Skipped;
use crate::engine::{IndicatorScore, Scorecard, Scorer};
use crate::error::Error;
use crate::model::{Band, Form, RubricSet};
pub use folder::{CaseResponses, Folder};
pub use marks::MarkSet;

/// One response scored by the engine.
#[derive(Clone, Debug)]
pub struct ScoredResponse {
    /// The case's key in the folder.
    pub case: String,
    /// The student.
    pub student: String,
    /// The engine's scorecard.
    pub card: Scorecard,
    /// The response, which the scorecard's spans point into.
    pub response: String,
}

/// Scores every response of every case, in parallel, with one compiled scorer per case.
pub fn score_all(
    cases: &[CaseResponses],
    rubrics: &RubricSet,
    form: &Form,
) -> Result<Vec<ScoredResponse>, Error> {
    let scorers: Vec<Scorer> = cases
        .par_iter()
        .map(|c| Scorer::new(&c.case, rubrics, form))
        .collect::<Result<_, _>>()?;
    let jobs: Vec<(usize, &(String, String))> = cases
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.responses.iter().map(move |r| (i, r)))
        .collect();
    Ok(jobs
        .into_par_iter()
        .map(|(i, (student, response))| ScoredResponse {
            case: cases[i].key.clone(),
            student: student.clone(),
            card: scorers[i].score(response),
            response: response.clone(),
        })
        .collect())
}

/// What the totals are made of: the judges' skills lines are only compared when every
/// mark has them (a CSV never does).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Indicators scaled to their share of the form (70 of 100) plus the skills lines.
    IndicatorsAndSkills,
    /// Indicators alone, scaled to the whole total (100), on both sides.
    IndicatorsOnly,
}

/// The whole comparison.
#[derive(Clone, Debug, Serialize)]
pub struct Agreement {
    /// What the totals are made of.
    pub basis: Basis,
    /// The judges, by name.
    pub judges: Vec<String>,
    /// Per case: the students in the engine's order and in the judges'.
    pub cases: Vec<CaseOrder>,
    /// Per student name, the means over the cases they answered.
    pub students: Vec<StudentMeans>,
    /// Per indicator, how far the engine's points are from the judges'.
    pub indicators: Vec<IndicatorGap>,
    /// The largest differences on one indicator, largest first.
    pub disagreements: Vec<Disagreement>,
    /// The figures over every compared response.
    pub overall: Overall,
    /// Each pair of judges against each other: the ceiling for the engine.
    pub between_judges: Vec<JudgePair>,
    /// Responses in the folder that no judge marked (`case/student`).
    pub unmarked: Vec<String>,
    /// Marks that name no response of the folder.
    pub skipped: Vec<Skipped>,
    /// Marks on an indicator the case does not test (they still count in the judge's
    /// total, as in `check`).
    pub stray_codes: Vec<Skipped>,
}

/// The figures over every compared response.
#[derive(Clone, Debug, Serialize)]
pub struct Overall {
    /// Responses compared.
    pub responses: usize,
    /// Spearman's rho of the engine's totals against the judges' mean totals.
    pub spearman: Option<f64>,
    /// QWK of the engine's rating against the rating of the judges' mean total.
    pub rating_qwk: Option<f64>,
    /// Per judge, QWK of the engine's indicator bands against the judge's.
    pub band_qwk: BTreeMap<String, Option<f64>>,
}

/// A case's students in both orders.
#[derive(Clone, Debug, Serialize)]
pub struct CaseOrder {
    /// The case's key in the folder.
    pub case: String,
    /// The case's title.
    pub title: String,
    /// Spearman's rho of the two orders.
    pub spearman: Option<f64>,
    /// Pairs of students the engine puts the other way round from the judges.
    pub swapped_pairs: usize,
    /// Pairs of students.
    pub pairs: usize,
    /// By the engine's total, highest first.
    pub engine: Vec<Placed>,
    /// By the judges' mean total, highest first.
    pub judges: Vec<Placed>,
}

/// A student's place in an order.
#[derive(Clone, Debug, Serialize)]
pub struct Placed {
    /// The student.
    pub student: String,
    /// The total.
    pub total: f64,
    /// The rating of that total.
    pub rating: Band,
}

/// A student's means over the cases they answered (the graded set's tiers).
#[derive(Clone, Debug, Serialize)]
pub struct StudentMeans {
    /// The student.
    pub student: String,
    /// Responses compared.
    pub responses: usize,
    /// The engine's mean total.
    pub engine: f64,
    /// The judges' mean total.
    pub judges: f64,
}

/// How far the engine is from the judges on one indicator, over every case.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorGap {
    /// The code.
    pub code: String,
    /// The title.
    pub title: String,
    /// Marks compared (a response marked by two judges counts twice).
    pub marks: usize,
    /// Mean of |engine − judge| points.
    pub mean_abs: f64,
    /// Mean of engine − judge points: below 0, the engine is the harsher.
    pub mean_diff: f64,
    /// QWK of the bands, every judge pooled.
    pub band_qwk: Option<f64>,
}

/// One indicator of one response where the engine and a judge are far apart.
#[derive(Clone, Debug, Serialize)]
pub struct Disagreement {
    /// The case's key.
    pub case: String,
    /// The student.
    pub student: String,
    /// The judge.
    pub judge: String,
    /// The indicator.
    pub code: String,
    /// Its title.
    pub title: String,
    /// The engine's points.
    pub engine: u32,
    /// The judge's points.
    pub judge_points: u32,
    /// What the engine credited for it.
    pub credited: Vec<Quote>,
    /// What the judge wrote (on this indicator, else on the response).
    pub note: Option<String>,
}

/// A phrase the engine credited, in the clause around it.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    /// What the student did, as the rubric names it.
    pub label: String,
    /// The clause around the matched words.
    pub context: String,
    /// The matched words.
    pub matched: String,
    /// Where the matched words start in `context`, in bytes.
    pub at: usize,
}

/// Two judges against each other.
#[derive(Clone, Debug, Serialize)]
pub struct JudgePair {
    /// One judge.
    pub a: String,
    /// The other.
    pub b: String,
    /// Responses both marked.
    pub responses: usize,
    /// QWK of their indicator bands.
    pub band_qwk: Option<f64>,
    /// QWK of their ratings.
    pub rating_qwk: Option<f64>,
    /// Spearman's rho of their totals.
    pub spearman: Option<f64>,
}

/// A scored response with the marks for it, and both totals on the same basis.
struct Marked<'a> {
    scored: &'a ScoredResponse,
    marks: Vec<&'a MarkSet>,
    engine: f64,
    engine_rating: Band,
    /// The judges' mean total.
    judges: f64,
}

/// Compares the engine's scores with the marks. `keys` are every case of the folder,
/// so marks for a case left out on purpose are dropped quietly while marks for a
/// case or student that does not exist are reported. `worst` disagreements are kept.
pub fn compare(
    scored: &[ScoredResponse],
    marks: &[MarkSet],
    keys: &[String],
    form: &Form,
    worst: usize,
) -> Agreement {
    let picked: BTreeSet<&str> = scored.iter().map(|s| s.case.as_str()).collect();
    let mut skipped = Vec::new();
    let mut by_response: BTreeMap<(&str, &str), Vec<&MarkSet>> = BTreeMap::new();
    for m in marks {
        let exists = scored
            .iter()
            .any(|s| s.case == m.case && s.student == m.student);
        if exists {
            by_response
                .entry((&m.case, &m.student))
                .or_default()
                .push(m);
        } else if !keys.contains(&m.case) {
            skipped.push(skip(m, format!("no case `{}` in the folder", m.case)));
        } else if picked.contains(m.case.as_str()) {
            skipped.push(skip(m, format!("no response {}/{}.txt", m.case, m.student)));
        }
    }
    let used: Vec<&MarkSet> = by_response.values().flatten().copied().collect();
    let basis = if !used.is_empty() && used.iter().all(|m| m.skills.is_some()) {
        Basis::IndicatorsAndSkills
    } else {
        Basis::IndicatorsOnly
    };
    let judges: Vec<String> = used
        .iter()
        .map(|m| m.judge.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    let mut compared = Vec::new();
    let mut unmarked = Vec::new();
    for s in scored {
        let Some(marks) = by_response.remove(&(s.case.as_str(), s.student.as_str())) else {
            unmarked.push(format!("{}/{}", s.case, s.student));
            continue;
        };
        let totals: Vec<f64> = marks.iter().map(|m| judge_total(m, form, basis)).collect();
        let (engine, engine_rating) = engine_total(&s.card, &marks, form, basis);
        compared.push(Marked {
            scored: s,
            judges: stats::mean(&totals).unwrap_or(0.0),
            marks,
            engine,
            engine_rating,
        });
    }
    compared.sort_by(|a, b| {
        (&a.scored.case, &a.scored.student).cmp(&(&b.scored.case, &b.scored.student))
    });

    Agreement {
        basis,
        cases: figures::case_orders(&compared, form),
        students: figures::student_means(&compared),
        indicators: figures::indicator_gaps(&compared, form),
        disagreements: figures::disagreements(&compared, worst),
        overall: figures::overall(&compared, &judges, form),
        between_judges: figures::between_judges(&compared, &judges, form, basis),
        stray_codes: figures::stray_codes(&compared),
        judges,
        unmarked,
        skipped,
    }
}

fn skip(m: &MarkSet, reason: String) -> Skipped {
    Skipped {
        origin: m.origin.clone(),
        reason,
    }
}

/// A judge's total the way `check` makes it: the indicators scaled to their share of
/// the form, plus the skills; without skills, the indicators scaled to the whole.
pub fn judge_total(m: &MarkSet, form: &Form, basis: Basis) -> f64 {
    let points: u32 = m.indicators.values().sum();
    let scale = match basis {
        Basis::IndicatorsAndSkills => form.indicator_share(),
        Basis::IndicatorsOnly => form.total.max,
    };
    let possible = form.indicators.max * m.indicators.len() as u32;
    let indicators = if possible == 0 {
        0.0
    } else {
        f64::from(points) * f64::from(scale) / f64::from(possible)
    };
    match (basis, &m.skills) {
        (Basis::IndicatorsAndSkills, Some(skills)) => {
            indicators + f64::from(skills.iter().sum::<u32>())
        }
        _ => indicators,
    }
}

/// The engine's total and rating on the same basis as the judges'. Without skills,
/// only the indicators the judges marked count: a coach who marked two of five
/// indicators is compared on those two.
fn engine_total(card: &Scorecard, marks: &[&MarkSet], form: &Form, basis: Basis) -> (f64, Band) {
    match basis {
        Basis::IndicatorsAndSkills => (f64::from(card.total), card.rating),
        Basis::IndicatorsOnly => {
            let marked: Vec<&IndicatorScore> = card
                .indicators
                .iter()
                .filter(|i| marks.iter().any(|m| m.indicators.contains_key(&i.code)))
                .collect();
            let lines: Vec<&IndicatorScore> = if marked.is_empty() {
                card.indicators.iter().collect()
            } else {
                marked
            };
            let points: u32 = lines.iter().map(|i| i.points).sum();
            let possible = (form.indicators.max * lines.len() as u32).max(1);
            let total = f64::from(points) * f64::from(form.total.max) / f64::from(possible);
            (total, rating(total, form))
        }
    }
}

/// The rating of a total, by the form's floors.
fn rating(total: f64, form: &Form) -> Band {
    Band::ALL[stats::band(total, &form.total.band_floors)]
}

/// The band (0 to 3) of an indicator's points, by the form's floors.
fn indicator_band(points: u32, form: &Form) -> usize {
    stats::band(f64::from(points), &form.indicators.band_floors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(indicators: &[u32], skills: Option<Vec<u32>>) -> MarkSet {
        MarkSet {
            case: "c".into(),
            student: "s".into(),
            judge: "j".into(),
            indicators: indicators
                .iter()
                .enumerate()
                .filter_map(|(i, &p)| Some((crate::model::Code::parse(&format!("CR:00{i}"))?, p)))
                .collect(),
            skills,
            note: None,
            notes: BTreeMap::new(),
            origin: "m:1".into(),
        }
    }

    #[test]
    fn judge_totals_are_checks() {
        let form = crate::library::shipped::default_form().unwrap();
        // check: sum x 70 / (14 x 4) + skills = 22 x 70 / 56 + 15 = 42.5.
        let m = mark(&[8, 4, 6, 4], Some(vec![3, 3, 4, 2, 3]));
        assert_eq!(judge_total(&m, form, Basis::IndicatorsAndSkills), 42.5);
        // Without skills the indicators fill the whole 100: 22 x 100 / 56.
        let m = mark(&[8, 4, 6, 4], None);
        assert_eq!(
            judge_total(&m, form, Basis::IndicatorsOnly),
            22.0 * 100.0 / 56.0
        );
        assert_eq!(rating(24.9, form), Band::Little);
        assert_eq!(rating(60.0, form), Band::Meets);
    }
}
