//! Exact serde copies of the files, with `deny_unknown_fields` everywhere. Values are
//! checked as they are read, so every error carries the file position serde_yaml knows.

use std::collections::BTreeSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::context;
use super::suggest::closest;
use crate::model::{BandRange, Code, Level};
use crate::text::tokenize;

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

/// A case file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    #[serde(default)]
    pub id: Option<Identifier>,
    pub title: Text,
    #[serde(default)]
    pub event: Option<Text>,
    #[serde(default)]
    pub area: Option<Area>,
    pub participant_role: Text,
    pub judge_role: Text,
    pub situation: Text,
    pub indicators: IndicatorList,
    #[serde(default)]
    pub judge_questions: Vec<Text>,
    #[serde(default)]
    pub look_for: LookForMap,
    #[serde(default)]
    pub examples: Vec<RawExample>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLookForFields {
    label: Text,
    #[serde(default)]
    phrases: Vec<PhraseText>,
    #[serde(default)]
    patterns: Vec<PatternText>,
    #[serde(default)]
    tip: Option<Text>,
    #[serde(default)]
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

/// An example answer as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub name: Text,
    pub expect: ExpectText,
    pub response: Text,
}

/// A rubric file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRubric {
    pub code: CodeText,
    pub title: Text,
    pub level: Level,
    #[serde(default)]
    pub element: Option<Text>,
    pub definition: Text,
    #[serde(default)]
    pub approach: Vec<Text>,
    pub concepts: Vec<RawConcept>,
}

/// A concept as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConcept {
    pub id: Identifier,
    pub label: Text,
    pub weight: Weight,
    #[serde(default)]
    pub phrases: Vec<PhraseText>,
    #[serde(default)]
    pub patterns: Vec<PatternText>,
    pub tip: Text,
    #[serde(default)]
    pub examples: RawConceptExamples,
}

/// A concept's tests as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConceptExamples {
    #[serde(default)]
    pub credit: Vec<Text>,
    #[serde(default)]
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
                deserializer.deserialize_str(CheckedVisitor(check)).map($name)
            }
        }
    };
}

/// Visits a string (or a plain number, which YAML reads as one) and checks it.
struct CheckedVisitor(fn(&str) -> Result<(), String>);

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
    |s| if s.trim().is_empty() { Err("must not be empty".into()) } else { Ok(()) }
);

checked_string!(
    /// An identifier: lowercase letters, digits and hyphens.
    Identifier,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 80
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok { Ok(()) } else { Err(format!("`{s}` is not a valid id: use lowercase letters, digits and hyphens, like `voltmart-return-window`")) }
    }
);

checked_string!(
    /// An event area from [`AREAS`].
    Area,
    |s| {
        if AREAS.contains(&s) {
            return Ok(());
        }
        let hint = closest(s, AREAS).map(|b| format!(" (did you mean `{b}`?)")).unwrap_or_default();
        Err(format!("unknown area `{s}`{hint}; expected one of: {}", AREAS.join(", ")))
    }
);

checked_string!(
    /// A band or band range such as `meets..exceeds`.
    ExpectText,
    |s| s.parse::<BandRange>().map(|_| ())
);

checked_string!(
    /// A plain phrase: words, no regular-expression syntax.
    PhraseText,
    check_phrase
);

checked_string!(
    /// A regular expression that compiles.
    PatternText,
    |s| {
        regex::RegexBuilder::new(s)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
            .map(|_| ())
            .map_err(|e| format!("pattern `{s}` does not compile: {}", first_line(&e.to_string())))
    }
);

fn first_line(text: &str) -> String {
    text.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(text)
        .trim()
        .to_string()
}

fn check_phrase(phrase: &str) -> Result<(), String> {
    const REGEX_SIGNS: &[&str] = &[
        ".*", ".+", "\\b", "\\w", "\\s", "\\d", "(?", "|", "[", "]", "{", "}",
    ];
    let anchored = phrase.starts_with('^') || phrase.ends_with('$');
    if anchored || REGEX_SIGNS.iter().any(|sign| phrase.contains(sign)) {
        return Err(format!(
            "phrase `{phrase}` looks like a regular expression; phrases are plain words (word endings are already ignored), or move it under `patterns:`"
        ));
    }
    if tokenize(phrase).tokens.iter().all(|t| t.skip) {
        return Err(format!("phrase `{phrase}` has no words to match"));
    }
    Ok(())
}

/// A concept or look_for weight, 1 to 3.
#[derive(Debug, Clone, Copy)]
pub struct Weight(pub u32);

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        if (1..=3).contains(&value) {
            Ok(Weight(value as u32))
        } else {
            Err(de::Error::custom(format!(
                "weight {value} is out of range: use 1, 2 or 3"
            )))
        }
    }
}

checked_string!(
    /// A well-formed indicator code (not checked against the rubrics).
    CodeString,
    |s| parse_code(s).map(|_| ())
);

/// A well-formed indicator code (not checked against the rubrics).
#[derive(Debug, Clone)]
pub struct CodeText(pub Code);

impl<'de> Deserialize<'de> for CodeText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = CodeString::deserialize(deserializer)?;
        parse_code(&text.0).map(CodeText).map_err(de::Error::custom)
    }
}

fn parse_code(text: &str) -> Result<Code, String> {
    Code::parse(text)
        .ok_or_else(|| format!("`{text}` is not an indicator code; write it like `CR:010`"))
}

/// An indicator code that a rubric defines.
#[derive(Debug, Clone)]
pub struct KnownCode(pub Code);

checked_string!(
    /// An indicator code that a rubric defines.
    KnownCodeString,
    |s| check_known(&parse_code(s)?)
);

impl<'de> Deserialize<'de> for KnownCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = KnownCodeString::deserialize(deserializer)?;
        parse_code(&text.0)
            .map(KnownCode)
            .map_err(de::Error::custom)
    }
}

fn check_known(code: &Code) -> Result<(), String> {
    context::read(|ctx| {
        if ctx.known.is_empty() || ctx.known.contains(code) {
            return Ok(());
        }
        let names: Vec<&str> = ctx.known.iter().map(Code::as_str).collect();
        let hint = closest(code.as_str(), &names)
            .map(|b| format!(" (did you mean `{b}`?)"))
            .unwrap_or_default();
        Err(format!(
            "unknown indicator code `{code}`{hint}; `roleplay rubric` lists the known ones"
        ))
    })
}

/// The case's indicators: 1 to 7 known codes, none twice.
#[derive(Debug, Clone)]
pub struct IndicatorList(pub Vec<Code>);

impl<'de> Deserialize<'de> for IndicatorList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;

        impl<'de> Visitor<'de> for ListVisitor {
            type Value = IndicatorList;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of 1 to 7 indicator codes, like [CR:010, CR:007]")
            }

            // Checked while visiting, so the error carries the list's position.
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<IndicatorList, A::Error> {
                let mut codes: Vec<Code> = Vec::new();
                let mut seen = BTreeSet::new();
                while let Some(KnownCode(code)) = seq.next_element()? {
                    if !seen.insert(code.clone()) {
                        return Err(de::Error::custom(format!(
                            "indicator `{code}` is listed twice"
                        )));
                    }
                    codes.push(code);
                }
                if codes.is_empty() || codes.len() > 7 {
                    return Err(de::Error::custom(format!(
                        "a case lists 1 to 7 indicators, this one lists {}",
                        codes.len()
                    )));
                }
                Ok(IndicatorList(codes))
            }
        }

        deserializer.deserialize_seq(ListVisitor)
    }
}

/// `look_for`, in file order, with each key a known code listed in `indicators`.
#[derive(Debug, Default)]
pub struct LookForMap(pub Vec<(Code, Vec<RawLookFor>)>);

struct LookForKey(Code);

checked_string!(
    /// A `look_for` key: a known code that the case lists in `indicators`.
    LookForKeyString,
    |s| {
        let code = parse_code(s)?;
        check_known(&code)?;
        context::read(|ctx| match &ctx.indicators {
            Some(listed) if !listed.contains(&code) => Err(format!(
                "`{code}` in look_for is not one of this case's indicators ({})",
                listed.iter().map(Code::as_str).collect::<Vec<_>>().join(", ")
            )),
            _ => Ok(()),
        })
    }
);

impl<'de> Deserialize<'de> for LookForKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = LookForKeyString::deserialize(deserializer)?;
        parse_code(&text.0)
            .map(LookForKey)
            .map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for LookForMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;

        impl<'de> Visitor<'de> for MapVisitor {
            type Value = LookForMap;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from indicator codes to lists of points")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LookForMap, A::Error> {
                let mut entries: Vec<(Code, Vec<RawLookFor>)> = Vec::new();
                while let Some(LookForKey(code)) = map.next_key()? {
                    if entries.iter().any(|(c, _)| *c == code) {
                        return Err(de::Error::custom(format!(
                            "`{code}` appears twice in look_for"
                        )));
                    }
                    let items: Vec<RawLookFor> = map.next_value()?;
                    entries.push((code, items));
                }
                Ok(LookForMap(entries))
            }
        }

        deserializer.deserialize_map(MapVisitor)
    }
}
