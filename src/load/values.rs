//! Every value that fails its check, over the positioned tree. serde's typed read
//! stops at the first bad value; these walks run the same check functions the raw
//! types run (`raw.rs`, `fields.rs`) at every place the raw types put them, and word
//! each problem as serde_yaml does (`look_for.CR:007[0].patterns[0]: ...`), so the
//! typed read's own report of the first one is the same error, not a second one.
//! Values of the wrong kind (a list where text belongs) are left to the typed read.

use super::check::Found;
use super::fields::{check_weight, parse_code};
use super::raw::{check_area, check_expect, check_id, check_pattern, check_phrase, check_text};
use super::tree::Node;
use crate::error::LoadErrorKind;

/// A check of one text value.
type Check = fn(&str) -> Result<(), String>;

/// Finds bad values under a node, naming each by its path as serde_yaml does.
struct Walk {
    found: Vec<Found>,
}

impl Walk {
    /// Checks the scalar `node` at `path`.
    fn value(&mut self, node: &Node, path: &str, check: Check) {
        if let Some(Err(message)) = node.text().map(check) {
            let kind = LoadErrorKind::Syntax(format!("{path}: {message}"));
            self.found.push((node.position, kind));
        }
    }

    /// Checks the value of `key` in the mapping at `path`.
    fn field(&mut self, node: &Node, path: &str, key: &str, check: Check) {
        if let Some(value) = node.get(key) {
            self.value(value, &join(path, key), check);
        }
    }

    /// Checks each item of the list under `key`.
    fn list(&mut self, node: &Node, path: &str, key: &str, check: Check) {
        let path = join(path, key);
        for (i, item) in items(node, key).enumerate() {
            self.value(item, &format!("{path}[{i}]"), check);
        }
    }

    /// Checks the keys of the mapping under `key` are codes, and each value.
    fn code_map(&mut self, node: &Node, path: &str, key: &str, check: Check) {
        let Some(map) = node.get(key) else { return };
        let path = join(path, key);
        for (code, value) in map.entries() {
            if let Some(text) = code.text() {
                if let Err(message) = parse_code(text) {
                    let kind = LoadErrorKind::Syntax(format!("{path}: {message}"));
                    self.found.push((code.position, kind));
                }
                self.value(value, &join(&path, text), check);
            }
        }
    }

    /// Checks a weight (a whole number; anything else is the typed read's to report).
    fn weight(&mut self, node: &Node, path: &str) {
        let Some(value) = node.get("weight") else {
            return;
        };
        let number = value.text().and_then(|t| t.parse::<i64>().ok());
        if let Some(Err(message)) = number.map(check_weight) {
            let kind = LoadErrorKind::Syntax(format!("{}: {message}", join(path, "weight")));
            self.found.push((value.position, kind));
        }
    }

    /// A `look_for` item or a rubric concept: the words that evidence it.
    fn evidence(&mut self, node: &Node, path: &str) {
        self.list(node, path, "phrases", check_phrase);
        self.list(node, path, "patterns", check_pattern);
        self.field(node, path, "tip", check_text);
        self.weight(node, path);
    }
}

/// Every bad value of a case file.
pub(crate) fn case(root: &Node) -> Vec<Found> {
    let mut walk = Walk { found: Vec::new() };
    walk.field(root, "", "id", check_id);
    for key in [
        "title",
        "event",
        "participant_role",
        "judge_role",
        "situation",
    ] {
        walk.field(root, "", key, check_text);
    }
    walk.field(root, "", "area", check_area);
    walk.list(root, "", "indicators", |s| parse_code(s).map(|_| ()));
    walk.list(root, "", "judge_questions", check_text);
    if let Some(look_for) = root.get("look_for") {
        for (key, items) in look_for.entries() {
            let Some(code) = key.text() else { continue };
            if let Err(message) = parse_code(code) {
                let kind = LoadErrorKind::Syntax(format!("look_for: {message}"));
                walk.found.push((key.position, kind));
            }
            for (i, item) in items.items().iter().enumerate() {
                let path = format!("look_for.{code}[{i}]");
                walk.field(item, &path, "label", check_text);
                walk.evidence(item, &path);
            }
        }
    }
    for (i, example) in items(root, "examples").enumerate() {
        let path = format!("examples[{i}]");
        walk.field(example, &path, "name", check_text);
        walk.field(example, &path, "expect", check_expect);
        walk.field(example, &path, "response", check_text);
        walk.code_map(example, &path, "bands", check_expect);
    }
    if let Some(notes) = root.get("judge_notes") {
        walk.field(notes, "judge_notes", "character", check_text);
        walk.list(notes, "judge_notes", "follow_ups", check_text);
        walk.code_map(notes, "judge_notes", "exceeds", check_text);
    }
    for (i, follow_up) in items(root, "follow_ups").enumerate() {
        let path = format!("follow_ups[{i}]");
        walk.field(follow_up, &path, "indicator", |s| parse_code(s).map(|_| ()));
        walk.field(follow_up, &path, "concept", check_id);
        walk.field(follow_up, &path, "question", check_text);
    }
    walk.found
}

/// Every bad value of a rubric file.
pub(crate) fn rubric(root: &Node) -> Vec<Found> {
    let mut walk = Walk { found: Vec::new() };
    walk.field(root, "", "code", |s| parse_code(s).map(|_| ()));
    for key in ["title", "element", "definition"] {
        walk.field(root, "", key, check_text);
    }
    walk.list(root, "", "approach", check_text);
    for (i, concept) in items(root, "concepts").enumerate() {
        let path = format!("concepts[{i}]");
        walk.field(concept, &path, "id", check_id);
        walk.field(concept, &path, "label", check_text);
        walk.evidence(concept, &path);
        walk.list(concept, &path, "probes", check_text);
        if let Some(examples) = concept.get("examples") {
            let path = join(&path, "examples");
            walk.list(examples, &path, "credit", check_text);
            walk.list(examples, &path, "no_credit", check_text);
        }
    }
    for (i, misconception) in items(root, "misconceptions").enumerate() {
        let path = format!("misconceptions[{i}]");
        walk.field(misconception, &path, "id", check_id);
        walk.field(misconception, &path, "label", check_text);
        walk.list(misconception, &path, "phrases", check_phrase);
        walk.field(misconception, &path, "correction", check_text);
    }
    walk.found
}

/// The items of the list under `key`.
fn items<'a>(node: &'a Node, key: &str) -> impl Iterator<Item = &'a Node> {
    let items = node.get(key).map(Node::items).unwrap_or_default();
    items.iter().map(AsRef::as_ref)
}

/// serde_yaml's path of `key` under `path`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
