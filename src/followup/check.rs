//! A case's own `follow_ups` as the model holds them. Whether each names one of the
//! case's indicators and a concept of its rubric is checked while the case loads
//! (`load/check.rs`), where the positions are.

use crate::load::raw::RawFollowUp;
use crate::model::CaseFollowUp;

/// The follow-ups as the model holds them.
pub(crate) fn into_model(raw: Vec<RawFollowUp>) -> Vec<CaseFollowUp> {
    raw.into_iter()
        .map(|f| CaseFollowUp {
            indicator: f.indicator.0,
            concept: f.concept.0,
            question: f.question.0,
        })
        .collect()
}
