//! The scoring engine. Pure: a case, its rubrics, a form and a response in; a
//! [`Scorecard`] out. No terminal, no files, no clock.

pub mod case_tie;
pub mod error;
mod frequency;
mod lexicon;
pub mod matcher;
pub mod negation;
mod phrase_list;
pub mod plan;
pub mod points;
pub mod reading;
pub mod score;
pub mod scorecard;
pub mod skills;
pub mod stuffing;
pub mod synonyms;

pub use error::EngineError;
pub use plan::{ConceptSource, Plan};
pub use reading::Reading;
pub use score::Scorer;
pub use scorecard::{
    Evidence, IndicatorScore, MisconceptionHit, Missed, Scorecard, SkillScore, Stats, Status,
};
pub use stuffing::Stuffing;

use crate::model::{Case, Form, RubricSet};

/// A case with one indicator and nothing else: for scoring what a student says about
/// an indicator itself (drills, a rubric's own examples).
pub fn bare_case(code: &crate::model::Code, situation: &str) -> Case {
    Case {
        id: crate::model::CaseId::drill(code),
        title: format!("{code}"),
        event: None,
        area: None,
        participant_role: "a student".into(),
        judge_role: "a judge".into(),
        situation: situation.into(),
        indicators: vec![code.clone()],
        judge_questions: vec![],
        look_for: vec![],
        examples: vec![],
        form: None,
        judge_notes: None,
        follow_ups: vec![],
        source: crate::model::CaseSource::Shipped("drill".into()),
    }
}

/// Builds the engine's shared tables (word sets, the phrase lists' automaton, patterns)
/// now instead of on first use. They are the same for every case: a command can build
/// them on another thread while it reads its case, and score sooner.
pub fn warm_up() {
    // In the order compiling and scoring first need them.
    std::sync::LazyLock::force(&case_tie::COMMON_NORMS);
    negation::warm();
    lexicon::warm();
    skills::warm();
}

/// Scores one response to a case. To score many, build a [`Scorer`] once.
pub fn score(
    case: &Case,
    rubrics: &RubricSet,
    form: &Form,
    response: &str,
) -> Result<Scorecard, EngineError> {
    Ok(Scorer::new(case, rubrics, form)?.score(response))
}
