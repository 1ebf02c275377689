//! Role-play cases: the situation and what it tests.

use std::path::PathBuf;

use serde::Serialize;

use super::band::BandRange;
use super::case_id::CaseId;
use super::code::Code;
use super::rubric::{Pattern, Phrase};

/// Where a case came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "path")]
pub enum CaseSource {
    /// Compiled into the binary from `cases/`.
    Shipped(String),
    /// A file on disk.
    File(PathBuf),
}

/// A case-specific point for one indicator.
#[derive(Clone, Debug, Serialize)]
pub struct LookFor {
    /// What the student should do.
    pub label: String,
    /// Phrases that evidence it.
    pub phrases: Vec<Phrase>,
    /// Opt-in patterns that evidence it.
    pub patterns: Vec<Pattern>,
    /// What to do when it is missing.
    pub tip: Option<String>,
    /// How much it counts, 1 to 3; 2 unless the case says otherwise.
    pub weight: u32,
}

/// An example answer and the rating it must get.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    /// Its name, `strong`.
    pub name: String,
    /// The ratings it must get.
    #[serde(serialize_with = "serialize_display")]
    pub expect: BandRange,
    /// The answer.
    pub response: String,
    /// The band each listed indicator must get, in the case's order; empty when the
    /// example only checks the overall rating.
    #[serde(serialize_with = "serialize_bands")]
    pub bands: Vec<(Code, BandRange)>,
}

fn serialize_bands<S: serde::Serializer>(
    value: &[(Code, BandRange)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(value.len()))?;
    for (code, range) in value {
        map.serialize_entry(code.as_str(), &range.to_string())?;
    }
    map.end()
}

fn serialize_notes<S: serde::Serializer>(
    value: &[(Code, String)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(value.len()))?;
    for (code, text) in value {
        map.serialize_entry(code.as_str(), text)?;
    }
    map.end()
}

/// What the person playing the judge reads before the role-play: who they are, what
/// they want and how they react, questions beyond the fixed ones, and what an answer
/// that exceeds expectations would hold for each indicator.
#[derive(Clone, Debug, Default, Serialize)]
pub struct JudgeNotes {
    /// The character to play: what they want and how they react.
    pub character: String,
    /// Questions the judge may add after the fixed `judge_questions`.
    pub follow_ups: Vec<String>,
    /// Per indicator, in the case's order: what an "exceeds" answer would contain.
    #[serde(serialize_with = "serialize_notes")]
    pub exceeds: Vec<(Code, String)>,
}

fn serialize_display<S: serde::Serializer>(value: &BandRange, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// A role-play case.
#[derive(Clone, Debug, Serialize)]
pub struct Case {
    /// Lowercase letters, digits and hyphens (see [`CaseId`]).
    pub id: CaseId,
    /// The title.
    pub title: String,
    /// The DECA event it is written for.
    pub event: Option<String>,
    /// The event area, such as `retail`.
    pub area: Option<String>,
    /// Who the student plays.
    pub participant_role: String,
    /// Who the judge plays.
    pub judge_role: String,
    /// The situation, in DECA's second person.
    pub situation: String,
    /// The indicators it tests, in the case's order.
    pub indicators: Vec<Code>,
    /// The judge's follow-up questions.
    pub judge_questions: Vec<String>,
    /// Case-specific points, by indicator, in the order of `indicators`.
    pub look_for: Vec<(Code, Vec<LookFor>)>,
    /// Example answers.
    pub examples: Vec<Example>,
    /// The id of the evaluation form the case is judged on (`deca-team`); the default
    /// form when absent.
    pub form: Option<String>,
    /// Notes for whoever plays the judge; hidden from the student's view.
    pub judge_notes: Option<JudgeNotes>,
    /// The coach's own follow-up questions, each probing one concept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<CaseFollowUp>,
    /// Where it came from.
    pub source: CaseSource,
}

/// A coach's follow-up question for a case: asked when the response misses the
/// concept it probes.
#[derive(Clone, Debug, Serialize)]
pub struct CaseFollowUp {
    /// The indicator whose concept it probes.
    pub indicator: Code,
    /// The concept's id in that indicator's rubric.
    pub concept: String,
    /// The question, in the judge's voice.
    pub question: String,
}

impl Case {
    /// The case-specific points for one indicator.
    pub fn look_for(&self, code: &Code) -> &[LookFor] {
        self.look_for
            .iter()
            .find(|(c, _)| c == code)
            .map_or(&[], |(_, items)| items)
    }
}
