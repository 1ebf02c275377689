//! The types of `roleplay score --format json`, owned, read and written by serde: the
//! keys are listed in the parent module.

use serde::{Deserialize, Serialize};

use crate::engine::points::Held;
use crate::engine::{ConceptSource, Reading, Stats, Stuffing};
use crate::model::{Band, Code};

/// The whole of `roleplay score --format json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireScorecard {
    /// The case's id.
    pub case: String,
    /// The case's title.
    pub title: String,
    /// The form's id.
    pub form: String,
    /// The total.
    pub total: u32,
    /// The form's maximum total.
    pub max: u32,
    /// The band of the whole performance.
    pub rating: Band,
    /// Whether the total reaches the certificate line.
    pub certificate: bool,
    /// One line per indicator, in the case's order.
    pub indicators: Vec<WireIndicator>,
    /// The skills lines, in the form's order.
    pub skills: Vec<WireSkill>,
    /// Figures about the response.
    pub stats: Stats,
    /// What the whole response showed.
    pub reading: Reading,
    /// Why the whole response was held down, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<Held>,
    /// The same, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_reason: Option<String>,
    /// Sentences judged to be stuffing.
    pub stuffed: Vec<WireStuffed>,
    /// Mistaken ideas the response shows.
    pub misconceptions: Vec<WireMisconception>,
}

/// One performance indicator's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireIndicator {
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
    /// Credited weight over all weight, 0 to 1, to three decimals.
    pub coverage: f64,
    /// Some evidence used the case's own specifics.
    pub tied_to_case: bool,
    /// Held below "meets" by a mistaken position.
    pub capped: bool,
    /// The phrases that earned a concept.
    pub evidence: Vec<WireQuote>,
    /// The phrases that earned nothing, and why.
    pub dismissed: Vec<WireQuote>,
    /// Concepts not earned, heaviest first.
    pub missed: Vec<WireMissed>,
}

/// A phrase found in the response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireQuote {
    /// The concept's id (or a case point's label).
    pub concept: String,
    /// What the student did.
    pub label: String,
    /// The clause around the match, without the spaces at its ends.
    pub quote: String,
    /// The matched words.
    #[serde(rename = "match")]
    pub matched: String,
    /// Byte offset of the match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// 1-based line of the match.
    pub line: usize,
    /// 1-based column of the match, in characters.
    pub column: usize,
    /// Rubric or case.
    pub source: ConceptSource,
    /// The sentence names something specific to the case.
    pub case_specific: bool,
    /// Why it earned nothing; absent for evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Dismissal>,
    /// The same, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Byte offset of the clause quoted.
    pub context_start: usize,
    /// Byte offset just past the clause quoted.
    pub context_end: usize,
    /// The sentence, 0-based.
    pub sentence: usize,
    /// The negating or contradicting words' start, for those statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_start: Option<usize>,
    /// The negating or contradicting words' end, for those statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_end: Option<usize>,
    /// The kind of stuffing, for `stuffed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stuffing: Option<Stuffing>,
}

/// Why a phrase earned nothing: the stable keys of [`Status`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dismissal {
    /// Already credited earlier.
    Repeated,
    /// Refused by a negation.
    Negated,
    /// In a sentence judged to be stuffing.
    Stuffed,
    /// Someone else's words.
    Quoted,
    /// In a sentence that takes the wrong position.
    Contradicted,
    /// Said in a way that dismisses or blames the customer.
    Disrespectful,
}

/// A concept the response never earned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireMissed {
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

/// One 21st Century Skills line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireSkill {
    /// The measure's id.
    pub id: String,
    /// The form's label.
    pub label: String,
    /// Points awarded.
    pub points: u32,
    /// The form's maximum.
    pub max: u32,
    /// The column the points fall in.
    pub band: Band,
    /// What the text showed.
    pub reason: String,
}

/// A sentence judged to be stuffing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireStuffed {
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Why, in words.
    pub reason: String,
    /// The kind.
    pub kind: Stuffing,
}

/// A mistaken idea the response shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireMisconception {
    /// The indicator whose rubric names it.
    pub code: Code,
    /// The misconception's id.
    pub id: String,
    /// The mistake.
    pub label: String,
    /// A short correction.
    pub correction: String,
    /// The clause around the words, without the spaces at its ends.
    pub quote: String,
    /// The words that show it.
    #[serde(rename = "match")]
    pub matched: String,
    /// Byte offset of the words.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
    /// Byte offset of the clause quoted.
    pub context_start: usize,
    /// Byte offset just past the clause quoted.
    pub context_end: usize,
}
