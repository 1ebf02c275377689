//! Checking a case's own `follow_ups` while it loads: each must name one of the case's
//! indicators and a concept of that indicator's rubric, and use only the slots a case
//! can fill, so `validate` reports a typo where it was made.

use std::path::Path;

use crate::error::{LoadError, LoadErrorKind, Position};
use crate::load::raw::{RawCase, RawFollowUp};
use crate::model::{CaseFollowUp, RubricSet};

/// Checks every follow-up of a case as read; the first problem, with its position.
pub(crate) fn case_follow_ups(
    raw: &RawCase,
    rubrics: &RubricSet,
    path: &Path,
    text: &str,
) -> Result<(), LoadError> {
    for follow_up in &raw.follow_ups {
        let code = &follow_up.indicator.0;
        let concept = follow_up.concept.0.as_str();
        let problem = if let Some(slot) = super::slots::unknown(&follow_up.question.0) {
            Some(format!(
                "the follow-up for `{concept}` asks about `{{{slot}}}`, which the case cannot fill; \
                 a question may use {{company}}, {{policy}} and {{amount}}"
            ))
        } else if !raw.indicators.0.contains(code) {
            Some(format!(
                "the follow-up for `{concept}` names {code}, which is not in the case's indicators"
            ))
        } else {
            rubrics.get(code).and_then(|rubric| {
                (!rubric.concepts.iter().any(|c| c.id == concept)).then(|| {
                    let ids: Vec<&str> = rubric.concepts.iter().map(|c| c.id.as_str()).collect();
                    format!(
                        "{code} has no concept `{concept}`; its concepts are: {}",
                        ids.join(", ")
                    )
                })
            })
        };
        if let Some(message) = problem {
            let position = position_of(text, concept);
            return Err(LoadError::at(
                path,
                text,
                position,
                LoadErrorKind::Invalid(message),
            ));
        }
    }
    Ok(())
}

/// The position of the line that names the concept (`concept: id`), for the caret.
fn position_of(text: &str, concept: &str) -> Option<Position> {
    text.lines().enumerate().find_map(|(index, line)| {
        let at = line.find("concept:")?;
        let value = line[at + "concept:".len()..]
            .trim()
            .trim_matches(['"', '\'']);
        (value == concept).then(|| Position {
            line: index + 1,
            column: line[..at].chars().count() + "concept: ".chars().count() + 1,
        })
    })
}

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
