//! The files shipped in the binary, read from the JSON the build made of their YAML.
//! The tests check every shipped file in full (`library::shipped`'s tests and
//! `validate`), so start-up reads them typed only; a file the typed read refuses (or
//! with no JSON) is read in full from its YAML text, for a positioned report.

use std::path::Path;

use super::raw::RawCase;
use super::{Known, case_from_raw, case_from_str, form_from_str, rubric_from_str};
use crate::error::LoadError;
use crate::model::{Case, CaseSource, Form, Rubric};

/// A case shipped in the binary, typed from `json`, or read in full from its YAML
/// `text` when that fails.
pub fn shipped_case_from_str(
    text: &str,
    json: &str,
    path: &Path,
    source: CaseSource,
    known: Known<'_>,
) -> Result<Case, LoadError> {
    match shipped_case_from_json(json, path, source.clone()) {
        Some(case) => case,
        None => case_from_str(text, path, source, known),
    }
}

/// A case shipped in the binary, typed from `json` alone (which needs no rubrics);
/// `None` when the JSON is no case, for [`shipped_case_from_str`] to report from the YAML.
pub fn shipped_case_from_json(
    json: &str,
    path: &Path,
    source: CaseSource,
) -> Option<Result<Case, LoadError>> {
    let raw = serde_json::from_str::<RawCase>(json).ok()?;
    Some(case_from_raw(raw, path, source))
}

/// A rubric shipped in the binary, read from `json` straight into the model: its
/// phrases are not checked again one by one (stemming six thousand phrases was most of
/// reading the rubrics). The shipped files are fixed when the binary is built, and a
/// test holds each to the full check and to the same result; a document of another
/// shape is read from its YAML `text` with the full check.
pub fn shipped_rubric_from_str(text: &str, json: &str, path: &Path) -> Result<Rubric, LoadError> {
    match serde_json::from_str::<Rubric>(json) {
        Ok(rubric) => Ok(rubric),
        Err(_) => rubric_from_str(text, path),
    }
}

/// A form shipped in the binary, typed from `json` and checked, as
/// [`shipped_case_from_str`] reads a case.
pub fn shipped_form_from_str(text: &str, json: &str, path: &Path) -> Result<Form, LoadError> {
    match serde_json::from_str::<Form>(json) {
        Ok(form) if form.check().is_ok() => Ok(form),
        _ => form_from_str(text, path),
    }
}
