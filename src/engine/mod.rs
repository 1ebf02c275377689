//! The scoring engine. Pure: a case, its rubrics, a form and a response in; a
//! [`Scorecard`] out. No terminal, no files, no clock.

pub mod case_tie;
pub mod matcher;
pub mod negation;
pub mod plan;
pub mod score;
pub mod scorecard;
pub mod skills;
pub mod stuffing;
#[doc(hidden)]
pub mod testing;

pub use plan::{ConceptSource, Plan};
pub use score::Scorer;
pub use scorecard::{Evidence, IndicatorScore, Missed, Scorecard, SkillScore, Stats, Status};
pub use stuffing::Stuffing;

use crate::error::Error;
use crate::model::{Case, Form, RubricSet};

/// Scores one response to a case. To score many, build a [`Scorer`] once.
pub fn score(
    case: &Case,
    rubrics: &RubricSet,
    form: &Form,
    response: &str,
) -> Result<Scorecard, Error> {
    Ok(Scorer::new(case, rubrics, form)?.score(response))
}
