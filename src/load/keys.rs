//! Unknown and missing keys, every one of them, over the positioned tree. serde's typed
//! read stops at the first; a coach with three typos should hear of all three. The keys
//! each part of a file may have come from the raw types themselves (the field list
//! serde's derive hands its deserializer, and the required keys of the schema derived
//! from the same types), so these lists cannot drift from what the read accepts.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::check::Found;
use super::extras::RawJudgeNotes;
use super::raw::{
    RawCase, RawConcept, RawConceptExamples, RawExample, RawFollowUp, RawLookForFields,
    RawMisconception, RawRubric,
};
use super::tree::{Node, Value};
use crate::error::LoadErrorKind;

/// Every unknown or missing key of a case file.
pub(crate) fn case(root: &Node) -> Vec<Found> {
    let mut found = Vec::new();
    keys::<RawCase>(root, "", &mut found);
    for (i, example) in items(root, "examples").enumerate() {
        keys::<RawExample>(example, &format!("examples[{i}]"), &mut found);
    }
    if let Some(notes) = root.get("judge_notes") {
        keys::<RawJudgeNotes>(notes, "judge_notes", &mut found);
    }
    for (i, follow_up) in items(root, "follow_ups").enumerate() {
        keys::<RawFollowUp>(follow_up, &format!("follow_ups[{i}]"), &mut found);
    }
    let look_for = root.get("look_for").map(Node::entries).unwrap_or_default();
    for (code, items) in look_for {
        let code = code.text().unwrap_or_default();
        for (i, item) in items.items().iter().enumerate() {
            let path = format!("look_for.{code}[{i}]");
            keys::<RawLookForFields>(item, &path, &mut found);
        }
    }
    found
}

/// Every unknown or missing key of a rubric file.
pub(crate) fn rubric(root: &Node) -> Vec<Found> {
    let mut found = Vec::new();
    keys::<RawRubric>(root, "", &mut found);
    for (i, concept) in items(root, "concepts").enumerate() {
        let path = format!("concepts[{i}]");
        keys::<RawConcept>(concept, &path, &mut found);
        if let Some(examples) = concept.get("examples") {
            keys::<RawConceptExamples>(examples, &format!("{path}.examples"), &mut found);
        }
    }
    for (i, misconception) in items(root, "misconceptions").enumerate() {
        let path = format!("misconceptions[{i}]");
        keys::<RawMisconception>(misconception, &path, &mut found);
    }
    found
}

/// The unknown keys of the mapping `node` (a `T` at `path`), and the keys `T` needs
/// that it lacks, placed where serde_yaml places them: at the mapping.
fn keys<'de, T: Deserialize<'de> + JsonSchema>(node: &Node, path: &str, found: &mut Vec<Found>) {
    if !matches!(node.value, Value::Map(_)) {
        // Not a mapping at all: the typed read says so.
        return;
    }
    unknown(node, fields::<T>(), found);
    let schema = schemars::schema_for!(T);
    let required = schema.get("required").and_then(|r| r.as_array());
    for key in required.into_iter().flatten().filter_map(|k| k.as_str()) {
        if node.get(key).is_none() {
            let key = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
            found.push((node.position, LoadErrorKind::MissingKey(key)));
        }
    }
}

/// The items of the list under `key`.
fn items<'a>(node: &'a Node, key: &str) -> impl Iterator<Item = &'a Node> {
    let items = node.get(key).map(Node::items).unwrap_or_default();
    items.iter().map(AsRef::as_ref)
}

/// The keys of a mapping that are not among `fields`, worded as serde words them.
fn unknown(node: &Node, fields: &'static [&'static str], found: &mut Vec<Found>) {
    if fields.is_empty() {
        return;
    }
    for (key, _) in node.entries() {
        let Some(name) = key.text() else { continue };
        if !fields.contains(&name) {
            let kind = LoadErrorKind::UnknownKey {
                key: name.to_string(),
                expected: fields.iter().map(|f| f.to_string()).collect(),
            };
            found.push((key.position, kind));
        }
    }
}

/// The fields a derived `Deserialize` struct reads, in declaration order.
fn fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Probed::Fields(fields)) => fields,
        _ => &[],
    }
}

/// A deserializer that only asks a struct for its field list.
struct Probe;

/// What the probe learnt: the field list, or that the type is not a struct.
#[derive(Debug)]
enum Probed {
    Fields(&'static [&'static str]),
    NotAStruct,
}

impl fmt::Display for Probed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probed for fields")
    }
}

impl std::error::Error for Probed {}

impl de::Error for Probed {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Probed::NotAStruct
    }
}

impl<'de> Deserializer<'de> for Probe {
    type Error = Probed;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Probed> {
        Err(Probed::NotAStruct)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Probed> {
        Err(Probed::Fields(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_lists_come_from_the_raw_types() {
        assert_eq!(
            fields::<RawFollowUp>(),
            ["indicator", "concept", "question"]
        );
        assert_eq!(fields::<RawConceptExamples>(), ["credit", "no_credit"]);
        assert!(fields::<String>().is_empty());
    }

    #[test]
    fn every_unknown_key_is_found_where_it_is_written() {
        let text = "title: T\ntitel: x\nexamples:\n  - name: a\n    expcet: meets\nlook_for:\n  CR:010:\n    - label: x\n      phrase: [y]\n";
        let (root, _) = super::super::tree::parse(text).unwrap();
        let found: Vec<(usize, usize, String)> = case(&root)
            .into_iter()
            .filter_map(|(at, kind)| match kind {
                LoadErrorKind::UnknownKey { key, .. } => Some((at.line, at.column, key)),
                _ => None,
            })
            .collect();
        assert_eq!(
            found,
            [
                (2, 1, "titel".to_string()),
                (5, 5, "expcet".to_string()),
                (9, 7, "phrase".to_string())
            ]
        );
    }
}
