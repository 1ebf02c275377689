//! Unknown keys, every one of them, over the positioned tree. serde's typed read stops
//! at the first; a coach with three typos should hear of all three. The keys each part
//! of a file may have come from the raw types themselves (the field list serde's derive
//! hands its deserializer), so this list cannot drift from what the read accepts.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::check::Found;
use super::extras::RawJudgeNotes;
use super::raw::{
    RawCase, RawConcept, RawConceptExamples, RawExample, RawFollowUp, RawLookForFields,
    RawMisconception, RawRubric,
};
use super::tree::Node;
use crate::error::LoadErrorKind;

/// Every unknown key of a case file.
pub(crate) fn case(root: &Node) -> Vec<Found> {
    let mut found = Vec::new();
    unknown(root, fields::<RawCase>(), &mut found);
    for example in items(root, "examples") {
        unknown(example, fields::<RawExample>(), &mut found);
    }
    if let Some(notes) = root.get("judge_notes") {
        unknown(notes, fields::<RawJudgeNotes>(), &mut found);
    }
    for follow_up in items(root, "follow_ups") {
        unknown(follow_up, fields::<RawFollowUp>(), &mut found);
    }
    let look_for = root.get("look_for").map(Node::entries).unwrap_or_default();
    for item in look_for.iter().flat_map(|(_, items)| items.items()) {
        unknown(item, fields::<RawLookForFields>(), &mut found);
    }
    found
}

/// Every unknown key of a rubric file.
pub(crate) fn rubric(root: &Node) -> Vec<Found> {
    let mut found = Vec::new();
    unknown(root, fields::<RawRubric>(), &mut found);
    for concept in items(root, "concepts") {
        unknown(concept, fields::<RawConcept>(), &mut found);
        if let Some(examples) = concept.get("examples") {
            unknown(examples, fields::<RawConceptExamples>(), &mut found);
        }
    }
    for misconception in items(root, "misconceptions") {
        unknown(misconception, fields::<RawMisconception>(), &mut found);
    }
    found
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
            .map(|(at, kind)| match kind {
                LoadErrorKind::UnknownKey { key, .. } => (at.line, at.column, key),
                other => panic!("{other:?}"),
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
