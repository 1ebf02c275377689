//! Checked field types of the raw files: weights, codes, indicator lists and `look_for`
//! maps, each checked as it is read so its error carries the position serde_yaml knows.
//! What needs the rubrics or the rest of the case (a known code, a code listed twice)
//! is checked afterwards over the positioned tree (`check.rs`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::raw::RawLookFor;
use crate::model::Code;

/// A concept or look_for weight, 1 to 3.
#[derive(Debug, Clone, Copy)]
pub struct Weight(pub u32);

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        check_weight(value)
            .map(|_| Weight(value as u32))
            .map_err(de::Error::custom)
    }
}

/// A weight is 1, 2 or 3.
pub(super) fn check_weight(value: i64) -> Result<(), String> {
    if (1..=3).contains(&value) {
        Ok(())
    } else {
        Err(format!("weight {value} is out of range: use 1, 2 or 3"))
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

/// A well-formed code, or why not.
pub(super) fn parse_code(text: &str) -> Result<Code, String> {
    Code::parse(text)
        .ok_or_else(|| format!("`{text}` is not an indicator code; write it like `CR:010`"))
}

/// The case's indicators: 1 to 7 well-formed codes.
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
                while let Some(CodeText(code)) = seq.next_element()? {
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

/// `look_for`, in file order, each key a well-formed code.
#[derive(Debug, Default)]
pub struct LookForMap(pub Vec<(Code, Vec<RawLookFor>)>);

pub(super) struct LookForKey(pub(super) Code);

impl<'de> Deserialize<'de> for LookForKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CodeText::deserialize(deserializer).map(|c| LookForKey(c.0))
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
