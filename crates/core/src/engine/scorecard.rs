//! The engine's result: scores, and the evidence behind every point, as spans into
//! the response. Reports render it; they never search the text again.

use serde::{Deserialize, Serialize};

use super::plan::ConceptSource;
use super::stuffing::Stuffing;
use crate::model::{Band, Code};
use crate::text::Span;

/// Whether a phrase found in the response earned its concept, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "status", content = "why")]
pub enum Status {
    /// It earned the concept.
    Credited,
    /// The concept was already credited earlier: it counts once.
    Repeated,
    /// A negation refused it ("I won't apologize"); the span is the negating word.
    Negated(Span),
    /// It sits in a sentence judged to be keyword stuffing.
    Stuffed(Stuffing),
    /// Someone else's words: a quotation or reported speech ("she said ...").
    Quoted,
    /// The sentence takes the wrong position on this indicator ("legally that counts
    /// as consent"); the span is the words that show it.
    Contradicted(Span),
    /// The sentence refuses, blames or belittles the customer: the right words said
    /// that way earn nothing.
    Disrespectful,
}

impl Status {
    /// The stable key used in JSON, or `None` for credited evidence.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Status::Credited => None,
            Status::Repeated => Some("repeated"),
            Status::Negated(_) => Some("negated"),
            Status::Stuffed(_) => Some("stuffed"),
            Status::Quoted => Some("quoted"),
            Status::Contradicted(_) => Some("contradicted"),
            Status::Disrespectful => Some("disrespectful"),
        }
    }

    /// Why the phrase earned nothing, in words, quoting the negating word from
    /// `response`; `None` for credited evidence. Every report says it the same way.
    pub fn why(self, response: &str) -> Option<String> {
        match self {
            Status::Credited => None,
            Status::Repeated => Some("already credited earlier; a concept counts once".into()),
            Status::Negated(by) => Some(format!("negated by \"{}\"", &response[by])),
            Status::Stuffed(kind) => Some(kind.reason().into()),
            Status::Quoted => Some("someone else's words, quoted or reported, not yours".into()),
            Status::Contradicted(by) => Some(format!(
                "the sentence takes the wrong position: \"{}\"",
                &response[by]
            )),
            Status::Disrespectful => {
                Some("said in a way that dismisses or blames the customer".into())
            }
        }
    }
}

/// Why an indicator is held below "meets", as every report says it.
pub const CAPPED_REASON: &str = "held below \"meets\": the response takes a mistaken position on this indicator (see the correction below)";

/// A phrase of a concept found in the response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The concept's id (or a case point's label).
    pub concept: String,
    /// What the student did.
    pub label: String,
    /// Rubric or case.
    pub source: ConceptSource,
    /// The matched words.
    pub span: Span,
    /// The clause around them, for quoting.
    pub context: Span,
    /// The sentence, by index.
    pub sentence: usize,
    /// The sentence names something specific to the case.
    pub case_specific: bool,
    /// Credited, or why not.
    pub status: Status,
}

/// A concept the response never earned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Missed {
    /// The concept's id (or a case point's label).
    pub concept: String,
    /// What the student should have done.
    pub label: String,
    /// How to do it.
    pub tip: String,
    /// How much it counts.
    pub weight: u32,
    /// Rubric or case.
    pub source: ConceptSource,
}

/// One performance indicator's line on the form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    /// The code.
    pub code: Code,
    /// The title.
    pub title: String,
    /// Points awarded.
    pub points: u32,
    /// The form's maximum.
    pub max: u32,
    /// The column the points fall in.
    pub band: Band,
    /// Credited weight over all weight, 0 to 1.
    pub coverage: f64,
    /// Some evidence used the case's own specifics.
    pub tied_to_case: bool,
    /// Points were held below "meets" because the response states a mistaken position
    /// on this indicator (one of its rubric's misconceptions); see [`CAPPED_REASON`].
    pub capped: bool,
    /// Every phrase found, credited or not, by position.
    pub evidence: Vec<Evidence>,
    /// Concepts not earned, heaviest first.
    pub missed: Vec<Missed>,
}

/// One 21st Century Skills line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SkillScore {
    /// The measure the line weighs, `reasoning` in JSON.
    pub id: crate::model::SkillMeasure,
    /// The form's label.
    pub label: String,
    /// Points awarded.
    pub points: u32,
    /// The form's maximum.
    pub max: u32,
    /// The column the points fall in.
    pub band: Band,
    /// What the text showed, in a sentence.
    pub reason: String,
}

/// Figures about the response that reports and skills use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Words in the response.
    pub words: usize,
    /// Sentences in the response.
    pub sentences: usize,
    /// Share of sentences that use the case's specifics, 0 to 1.
    pub case_tie: f64,
    /// The case's specifics the response used.
    pub case_terms_used: Vec<String>,
    /// Share of found phrases that were negated or stuffing, 0 to 1.
    pub dismissed: f64,
    /// Judge questions the response seems to answer, of how many.
    pub questions_answered: (usize, usize),
}

/// A mistaken idea the response shows, with its correction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MisconceptionHit {
    /// The indicator whose rubric names the mistake.
    pub code: Code,
    /// The misconception's id.
    pub id: String,
    /// The mistake.
    pub label: String,
    /// A short correction.
    pub correction: String,
    /// The words that show it.
    pub span: Span,
    /// The sentence (or clause) around them.
    pub context: Span,
}

/// The whole result for one response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The case's id.
    pub case_id: String,
    /// The case's title.
    pub case_title: String,
    /// The form's id.
    pub form_id: String,
    /// One line per indicator, in the case's order.
    pub indicators: Vec<IndicatorScore>,
    /// The skills lines, in the form's order.
    pub skills: Vec<SkillScore>,
    /// The total.
    pub total: u32,
    /// The form's maximum total.
    pub max: u32,
    /// The column of the whole performance.
    pub rating: Band,
    /// Whether the total reaches the certificate line.
    pub certificate: bool,
    /// Figures about the response.
    pub stats: Stats,
    /// Sentences judged to be stuffing, with why.
    pub stuffed: Vec<(Span, Stuffing)>,
    /// Mistaken ideas the response shows.
    pub misconceptions: Vec<MisconceptionHit>,
    /// Why the whole response was held down, if it was.
    pub held: Option<super::points::Held>,
    /// What the whole response showed before any one indicator was scored.
    pub reading: super::Reading,
}
