//! What the history keeps of each attempt's score: [`StoredScore`], versioned.
//!
//! The `scorecard` column of `attempts` holds one JSON object:
//!
//! ```json
//! { "version": 2,
//!   "form": { "id": "deca-series", "name": "...", "bands": [...], "indicators": {...},
//!             "skills": {...}, "total": {...} },
//!   "score": { ...exactly what `roleplay score --format json` prints... },
//!   "follow_ups": [ ...the follow-up questions asked, with the answers... ] }
//! ```
//!
//! `form` is the evaluation form the attempt was scored on, in the shape of a form file
//! (`rubrics/forms/*.yaml`): its column labels, maxima, band floors and certificate line,
//! so the attempt is shown again on its own form even when that was a coach's file given
//! with `--form`. `score` is [`WireScorecard`]. Version 1 (schema 3 and before) was the
//! engine's own result struct; opening such a history converts its rows (see
//! [`StoredScore::from_legacy`]).

use serde::{Deserialize, Serialize};

use crate::engine::Scorecard;
use crate::model::Asked;
use crate::model::Form;
use crate::wire::{WireScorecard, fits};

/// The version of the stored shape this release writes and reads.
pub const STORED_VERSION: u32 = 2;

/// An attempt's score as the history keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredScore {
    /// The shape's version, [`STORED_VERSION`].
    pub version: u32,
    /// The form it was scored on.
    pub form: Form,
    /// The score, as `roleplay score --format json` prints it.
    pub score: WireScorecard,
    /// The follow-up questions asked after the presentation, with the answers.
    pub follow_ups: Vec<Asked>,
}

impl StoredScore {
    /// The stored form of a fresh score of `text` (the response and its answers).
    pub fn new(card: &Scorecard, text: &str, form: &Form, follow_ups: &[Asked]) -> StoredScore {
        StoredScore {
            version: STORED_VERSION,
            form: form.clone(),
            score: WireScorecard::new(card, text),
            follow_ups: follow_ups.to_vec(),
        }
    }

    /// Reads a saved `scorecard` column; an older or damaged shape is an error that
    /// says which.
    pub fn parse(json: &str) -> Result<StoredScore, String> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| format!("its score is not JSON: {e}"))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(STORED_VERSION) => {}
            Some(v) => return Err(format!("its score is in an unknown shape, version {v}")),
            None => {
                return Err(
                    "its score is in the shape of an older release, which could not be converted"
                        .into(),
                );
            }
        }
        serde_json::from_value(value).map_err(|e| format!("its score cannot be read: {e}"))
    }

    /// The JSON written to the `scorecard` column.
    pub fn to_json(&self) -> String {
        // Strings, numbers, lists and maps with string keys: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Converts a row saved by schema 3 or earlier: the engine's own result struct
    /// (before `misconceptions`, `held` and `reading` existed, without them), with the
    /// follow-ups beside its keys. `text` is what was scored; `form` finds a shipped form
    /// by id. An error says why the row stays as it is.
    pub fn from_legacy(
        json: &str,
        text: &str,
        form: impl Fn(&str) -> Option<Form>,
        default_form: &Form,
    ) -> Result<StoredScore, String> {
        let mut value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| format!("its score is not JSON: {e}"))?;
        let object = value
            .as_object_mut()
            .ok_or("its score is not a JSON object")?;
        let follow_ups = match object.remove("follow_ups") {
            Some(list) => serde_json::from_value(list)
                .map_err(|e| format!("its follow-up questions cannot be read: {e}"))?,
            None => Vec::new(),
        };
        // What the releases before these three fields wrote meant "none".
        let empty = [
            ("misconceptions", serde_json::json!([])),
            ("held", serde_json::Value::Null),
            ("reading", to_value(&crate::engine::Reading::default())),
        ];
        for (key, none) in empty {
            object.entry(key).or_insert(none);
        }
        let card: Scorecard =
            serde_json::from_value(value).map_err(|e| format!("its score cannot be read: {e}"))?;
        if !fits(&card, text) {
            return Err("its saved score does not match its saved response".into());
        }
        let form = form(&card.form_id).unwrap_or_else(|| recovered_form(&card, default_form));
        Ok(StoredScore::new(&card, text, &form, &follow_ups))
    }
}

fn to_value(reading: &crate::engine::Reading) -> serde_json::Value {
    serde_json::to_value(reading).unwrap_or(serde_json::Value::Null)
}

/// The form of an old attempt scored on a coach's form file, which was not saved: the
/// default form's column labels, with the maxima and skills labels the scorecard itself
/// records and the floors and certificate line scaled to them.
fn recovered_form(card: &Scorecard, default: &Form) -> Form {
    let mut form = default.clone();
    form.id.clone_from(&card.form_id);
    let scale = |floors: &mut [u32; 4], from: u32, to: u32| {
        for floor in floors.iter_mut() {
            *floor = (f64::from(*floor) * f64::from(to) / f64::from(from.max(1))).round() as u32;
        }
    };
    if let Some(max) = card.indicators.iter().map(|i| i.max).max() {
        scale(&mut form.indicators.band_floors, form.indicators.max, max);
        form.indicators.max = max;
    }
    if let Some(max) = card.skills.iter().map(|s| s.max).max() {
        scale(&mut form.skills.band_floors, form.skills.max, max);
        form.skills.max = max;
    }
    for (line, skill) in form.skills.lines.iter_mut().zip(&card.skills) {
        line.label.clone_from(&skill.label);
    }
    let mut certificate = [form.total.certificate; 4];
    scale(&mut certificate, form.total.max, card.max);
    scale(&mut form.total.band_floors, form.total.max, card.max);
    form.total.certificate = certificate[0];
    form.total.max = card.max;
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        crate::library::shipped::default_form().unwrap().clone()
    }

    #[test]
    fn an_older_shape_is_named_not_read_with_defaults() {
        let error = StoredScore::parse(r#"{"case_id": "x", "total": 3}"#).unwrap_err();
        assert!(error.contains("older release"), "{error}");
        let error = StoredScore::parse(r#"{"version": 9}"#).unwrap_err();
        assert!(error.contains("version 9"), "{error}");
        let error = StoredScore::parse("not json").unwrap_err();
        assert!(error.contains("not JSON"), "{error}");
    }

    #[test]
    fn a_legacy_row_that_cannot_be_read_or_misses_its_text_is_refused() {
        let error = StoredScore::from_legacy("[1]", "", |_| None, &form()).unwrap_err();
        assert!(error.contains("not a JSON object"), "{error}");
        let error = StoredScore::from_legacy(r#"{"case_id": 1}"#, "", |_| None, &form());
        assert!(error.unwrap_err().contains("cannot be read"));
        let text = "I am sorry, I will fix it today.";
        let card = crate::testing::score_one("CR:010", text);
        let legacy = serde_json::to_string(&card).unwrap();
        let shipped = |id: &str| crate::library::shipped::form(id).cloned();
        let error = StoredScore::from_legacy(&legacy, "I am", shipped, &form()).unwrap_err();
        assert!(error.contains("does not match"), "{error}");
        let stored = StoredScore::from_legacy(&legacy, text, shipped, &form()).unwrap();
        assert_eq!(stored, StoredScore::new(&card, text, &form(), &[]));
    }

    #[test]
    fn a_lost_form_keeps_the_maxima_the_scorecard_recorded() {
        let default = form();
        let mut card = crate::testing::score_one("CR:010", "I am sorry, I will fix it.");
        card.max = 50;
        for skill in &mut card.skills {
            skill.max = 3;
        }
        let recovered = recovered_form(&card, &default);
        assert_eq!(recovered.total.max, 50);
        assert_eq!(recovered.total.certificate, default.total.certificate / 2);
        assert_eq!(recovered.skills.max, 3);
        assert_eq!(recovered.bands, default.bands);
    }
}
