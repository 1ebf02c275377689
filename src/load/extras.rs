//! Optional case keys of our own beyond the contract: the form a case is judged on,
//! notes for the judge, and per-indicator bands for an example answer.

use std::fmt;
use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::fields::LookForKey;
use super::raw::Text;
use crate::model::Code;

checked_string!(
    /// The id of an evaluation form; whether the project ships it is checked over the
    /// tree, beside the other checks that need more than the file.
    FormId,
    |_| Ok(())
);

/// What the person playing the judge reads: the character, extra questions, and what
/// an answer that exceeds expectations holds for each indicator.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJudgeNotes {
    /// The role to play: what the character wants and how they react.
    #[schemars(with = "String")]
    pub character: Text,
    /// Questions beyond the fixed judge_questions, to ask if time allows.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub follow_ups: Vec<Text>,
    /// By indicator code (each in `indicators`): what an "exceeds" answer would contain.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub exceeds: CodeMap<Text>,
}

/// A map keyed by the case's own indicator codes, in file order, no code twice.
#[derive(Debug)]
pub struct CodeMap<T>(pub Vec<(Code, T)>);

impl<T> Default for CodeMap<T> {
    fn default() -> Self {
        CodeMap(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for CodeMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for MapVisitor<T> {
            type Value = CodeMap<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from the case's indicator codes, like CR:010")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CodeMap<T>, A::Error> {
                let mut entries: Vec<(Code, T)> = Vec::new();
                while let Some(LookForKey(code)) = map.next_key()? {
                    if entries.iter().any(|(c, _)| *c == code) {
                        return Err(de::Error::custom(format!("`{code}` appears twice")));
                    }
                    let value: T = map.next_value()?;
                    entries.push((code, value));
                }
                Ok(CodeMap(entries))
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}
