//! Exact serde copies of the files, with `deny_unknown_fields` everywhere. Values are
//! checked as they are read, so every error carries the file position serde_yaml knows.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

pub use super::extras::{CodeMap, FormId, RawJudgeNotes};
pub use super::fields::{CodeText, IndicatorList, LookForMap, Weight};
use crate::model::{BandRange, CaseId, Level};
use crate::suggest::closest;

/// The event areas a case may name.
pub const AREAS: &[&str] = &[
    "retail",
    "hospitality",
    "food-service",
    "finance",
    "sports-entertainment",
    "automotive",
    "professional-services",
    "business-to-business",
    "marketing",
    "travel-tourism",
    "entrepreneurship",
    "management",
    "other",
];

/// A roleplay case: a DECA-style role-play situation and the indicators it tests.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "roleplay case")]
pub struct RawCase {
    /// Lowercase letters, digits and hyphens; defaults to the file's name.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<CaseIdText>,
    /// The case's title.
    #[schemars(with = "String")]
    pub title: Text,
    /// The DECA event the case is written for.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub event: Option<Text>,
    /// The event area.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub area: Option<Area>,
    /// Who the student plays.
    #[schemars(with = "String")]
    pub participant_role: Text,
    /// Who the judge plays.
    #[schemars(with = "String")]
    pub judge_role: Text,
    /// The situation, in DECA's second person ("You are to assume the role of ...").
    #[schemars(with = "String")]
    pub situation: Text,
    /// The performance indicators it tests: 1 to 7 codes such as CR:010.
    #[schemars(with = "Vec<String>", length(min = 1, max = 7))]
    pub indicators: IndicatorList,
    /// The judge's follow-up questions, asked after the presentation.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub judge_questions: Vec<Text>,
    /// Case-specific points, by indicator code (each code must be in `indicators`).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, Vec<RawLookForFields>>")]
    pub look_for: LookForMap,
    /// Example answers and the rating each must get: the case's own tests.
    #[serde(default)]
    pub examples: Vec<RawExample>,
    /// The evaluation form the case is judged on, by id: deca-series (the default),
    /// deca-principles or deca-team (the forms shipped in rubrics/forms/).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub form: Option<FormId>,
    /// Notes for whoever plays the judge, shown by `roleplay show --judge`.
    #[serde(default)]
    pub judge_notes: Option<RawJudgeNotes>,
    /// The coach's own follow-up questions: each names the indicator and the rubric
    /// concept it probes, and is asked when a response misses that concept.
    #[serde(default)]
    pub follow_ups: Vec<RawFollowUp>,
}

/// A coach's follow-up question for a case.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFollowUp {
    /// The indicator, such as CR:010 (one of the case's `indicators`).
    #[schemars(with = "String")]
    pub indicator: CodeText,
    /// The id of the concept it probes, in that indicator's rubric.
    #[schemars(with = "String")]
    pub concept: Identifier,
    /// The question, in the judge's voice.
    #[schemars(with = "String")]
    pub question: Text,
}

/// One `look_for` item as written.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawLookForFields")]
pub struct RawLookFor {
    pub label: String,
    pub phrases: Vec<PhraseText>,
    pub patterns: Vec<PatternText>,
    pub tip: Option<String>,
    pub weight: Option<Weight>,
}

/// A case-specific point for one indicator.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLookForFields {
    /// What the student should do.
    #[schemars(with = "String")]
    label: Text,
    /// Plain phrases that evidence it, matched without regard to case, punctuation or word endings.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    phrases: Vec<PhraseText>,
    /// Opt-in regular expressions, matched case-insensitively against each sentence.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    patterns: Vec<PatternText>,
    /// What to do when it is missing.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    tip: Option<Text>,
    /// How much it counts, 1 to 3 (2 when absent).
    #[serde(default)]
    #[schemars(with = "Option<u8>", range(min = 1, max = 3))]
    weight: Option<Weight>,
}

impl TryFrom<RawLookForFields> for RawLookFor {
    type Error = String;

    fn try_from(raw: RawLookForFields) -> Result<Self, String> {
        if raw.phrases.is_empty() && raw.patterns.is_empty() {
            return Err(format!(
                "look_for item `{}` needs at least one phrase",
                raw.label.0
            ));
        }
        Ok(RawLookFor {
            label: raw.label.0,
            phrases: raw.phrases,
            patterns: raw.patterns,
            tip: raw.tip.map(|t| t.0),
            weight: raw.weight,
        })
    }
}

/// An example answer and the rating it must get.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// Its name, such as strong or weak.
    #[schemars(with = "String")]
    pub name: Text,
    /// The rating it must get: a band (little, below, meets, exceeds) or a range such as meets..exceeds.
    #[schemars(with = "String")]
    pub expect: ExpectText,
    /// The answer.
    #[schemars(with = "String")]
    pub response: Text,
    /// The band each indicator must get, by code: a band or a range such as below..meets.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub bands: CodeMap<ExpectText>,
}

/// A rubric: one performance indicator and what a judge listens for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "roleplay rubric")]
pub struct RawRubric {
    /// The code, such as CR:010.
    #[schemars(with = "String")]
    pub code: CodeText,
    /// The indicator's title.
    #[schemars(with = "String")]
    pub title: Text,
    /// CS (career-sustaining), SP (specialist), or criterion for another framework.
    pub level: Level,
    /// The performance element it belongs to.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub element: Option<Text>,
    /// What it means.
    #[schemars(with = "String")]
    pub definition: Text,
    /// How to show it in a role-play.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub approach: Vec<Text>,
    /// What a judge listens for.
    pub concepts: Vec<RawConcept>,
    /// Mistaken ideas a judge would catch, with phrases that spot them.
    #[serde(default)]
    pub misconceptions: Vec<RawMisconception>,
}

/// A mistaken idea a judge would catch.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMisconception {
    /// Lowercase letters, digits and hyphens.
    #[schemars(with = "String")]
    pub id: Identifier,
    /// The mistake, as feedback names it.
    #[schemars(with = "String")]
    pub label: Text,
    /// Phrases that show it.
    #[schemars(with = "Vec<String>")]
    pub phrases: Vec<PhraseText>,
    /// A short correction.
    #[schemars(with = "String")]
    pub correction: Text,
}

/// One thing a judge listens for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConcept {
    /// Lowercase letters, digits and hyphens; unique in the rubric.
    #[schemars(with = "String")]
    pub id: Identifier,
    /// What the student did, as a report says it.
    #[schemars(with = "String")]
    pub label: Text,
    /// How much it counts, 1 to 3.
    #[schemars(with = "u8", range(min = 1, max = 3))]
    pub weight: Weight,
    /// Plain phrases that evidence it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub phrases: Vec<PhraseText>,
    /// Opt-in regular expressions.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub patterns: Vec<PatternText>,
    /// What to do when it is missing.
    #[schemars(with = "String")]
    pub tip: Text,
    /// Sentences that must, or must not, earn it.
    #[serde(default)]
    pub examples: RawConceptExamples,
    /// One or two questions a judge asks when a response misses it; `{company}`,
    /// `{policy}`, `{amount}` and `{product}` are filled from the case.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub probes: Vec<Text>,
}

/// A concept's tests.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConceptExamples {
    /// Each must earn the concept.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub credit: Vec<Text>,
    /// None may earn it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub no_credit: Vec<Text>,
}

/// Declares a newtype over `String` whose `Deserialize` runs a check. The check runs
/// inside the visitor, so serde_yaml marks the error at the scalar itself.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub String);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let check: fn(&str) -> Result<(), String> = $check;
                deserializer.deserialize_str($crate::load::raw::CheckedVisitor(check)).map($name)
            }
        }
    };
}

/// Visits a string (or a plain number, which YAML reads as one) and checks it.
pub(super) struct CheckedVisitor(pub(super) fn(&str) -> Result<(), String>);

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        (self.0)(value).map_err(E::custom)?;
        Ok(value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<String, E> {
        self.visit_str(&value.to_string())
    }
}

checked_string!(
    /// Text that must not be blank.
    Text,
    check_text
);

/// Text must not be blank.
pub(super) fn check_text(s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err("must not be empty".into())
    } else {
        Ok(())
    }
}

/// An id follows the one rule for ids ([`CaseId`]).
pub(super) fn check_id(s: &str) -> Result<(), String> {
    CaseId::parse(s).map(|_| ()).ok_or_else(|| invalid_id(s))
}

checked_string!(
    /// A concept's or misconception's id: the same rule as a case id ([`CaseId`]).
    Identifier,
    check_id
);

/// A case's `id:`, checked by the one rule for case ids ([`CaseId`]).
#[derive(Debug, Clone)]
pub struct CaseIdText(pub CaseId);

impl<'de> Deserialize<'de> for CaseIdText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = deserializer.deserialize_str(CheckedVisitor(check_id))?;
        CaseId::parse(&text)
            .map(CaseIdText)
            .ok_or_else(|| de::Error::custom(invalid_id(&text)))
    }
}

/// Why `text` is not an id, for a case id and a concept id alike.
fn invalid_id(text: &str) -> String {
    format!(
        "`{text}` is not a valid id: use lowercase letters, digits and hyphens, like `voltmart-return-window`"
    )
}

checked_string!(
    /// An event area from [`AREAS`].
    Area,
    check_area
);

/// An area is one of [`AREAS`].
pub(super) fn check_area(s: &str) -> Result<(), String> {
    if AREAS.contains(&s) {
        return Ok(());
    }
    let hint = closest(s, AREAS)
        .map(|b| format!(" (did you mean `{b}`?)"))
        .unwrap_or_default();
    Err(format!(
        "unknown area `{s}`{hint}; expected one of: {}",
        AREAS.join(", ")
    ))
}

/// A band or a band range.
pub(super) fn check_expect(s: &str) -> Result<(), String> {
    s.parse::<BandRange>().map(|_| ())
}

checked_string!(
    /// A band or band range such as `meets..exceeds`.
    ExpectText,
    check_expect
);

checked_string!(
    /// A plain phrase: words, no regular-expression syntax.
    PhraseText,
    check_phrase
);

checked_string!(
    /// A regular expression that compiles.
    PatternText,
    check_pattern
);

/// A pattern compiles, with the size limit matching uses.
pub(super) fn check_pattern(s: &str) -> Result<(), String> {
    crate::model::Pattern::compile(s).map(|_| ()).map_err(|e| {
        format!(
            "pattern `{s}` does not compile: {}",
            last_line(&e.to_string())
        )
    })
}

/// The last non-blank line of an error message: the regex crate puts the cause there.
fn last_line(text: &str) -> String {
    text.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(text)
        .trim()
        .to_string()
}

/// A phrase is plain words, with at least one word to match.
pub(super) fn check_phrase(phrase: &str) -> Result<(), String> {
    const REGEX_SIGNS: &[&str] = &[
        ".*", ".+", "\\b", "\\w", "\\s", "\\d", "(?", "|", "[", "]", "{", "}",
    ];
    // Every sign starts with one of these bytes: most phrases hold none, and are read once.
    let suspect = phrase.bytes().any(|b| {
        matches!(
            b,
            b'.' | b'\\' | b'(' | b'|' | b'[' | b']' | b'{' | b'}' | b'^' | b'$'
        )
    });
    let anchored = phrase.starts_with('^') || phrase.ends_with('$');
    if suspect && (anchored || REGEX_SIGNS.iter().any(|sign| phrase.contains(sign))) {
        return Err(format!(
            "phrase `{phrase}` looks like a regular expression; phrases are plain words (word endings are already ignored), or move it under `patterns:`"
        ));
    }
    if !crate::text::has_matchable_word(phrase) {
        return Err(format!("phrase `{phrase}` has no words to match"));
    }
    Ok(())
}
