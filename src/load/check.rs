//! Checks that need more than the file itself (the codes the rubrics define, the
//! shipped forms, the case's own indicators) or that compare values across the file
//! (an indicator or concept id used twice). They run over the positioned tree, so each
//! problem is placed where it is written, and every one is found in the same pass.

use crate::error::{LoadErrorKind, Position};
use crate::model::{Code, RubricSet};
use crate::suggest::closest;

use super::tree::Node;

/// What checking a case needs to know beyond the file, passed in by the caller.
pub(crate) struct Context<'a> {
    /// The rubrics the case is read against; an empty set means "do not check codes".
    pub rubrics: &'a RubricSet,
    /// Ids of the forms a case may name; empty means "do not check".
    pub forms: &'a [String],
}

/// A problem found by a check, and where.
pub(crate) type Found = (Position, LoadErrorKind);

/// Every problem of a case's codes, form and follow-ups.
pub(crate) fn case(root: &Node, context: &Context) -> Vec<Found> {
    let mut found = Vec::new();
    let known: Vec<&Code> = context.rubrics.codes().collect();
    let known_code = |code: &Code| known.is_empty() || known.contains(&code);
    let indicators = root.get("indicators");
    let mut listed: Vec<Code> = Vec::new();
    for (i, item) in indicators
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        // A code that is not a code at all is reported by the typed read.
        let Some(code) = item.text().and_then(Code::parse) else {
            continue;
        };
        if !known_code(&code) {
            let message = unknown_code(&code, &known);
            found.push((item.position, syntax(format!("indicators[{i}]: {message}"))));
        } else if listed.contains(&code) {
            let message = format!("indicators[{i}]: indicator `{code}` is listed twice");
            found.push((item.position, syntax(message)));
        } else {
            listed.push(code);
        }
    }
    let listed = indicators.map(|_| listed.as_slice());
    // The maps keyed by the case's own codes.
    let mut keyed: Vec<(String, &Node)> = Vec::new();
    keyed.extend(root.get("look_for").map(|m| ("look_for".to_string(), m)));
    let exceeds = root.get("judge_notes").and_then(|n| n.get("exceeds"));
    keyed.extend(exceeds.map(|m| ("judge_notes.exceeds".to_string(), m)));
    let examples = root.get("examples").map(Node::items).unwrap_or_default();
    for (i, example) in examples.iter().enumerate() {
        keyed.extend(
            example
                .get("bands")
                .map(|m| (format!("examples[{i}].bands"), m)),
        );
    }
    for (at, map) in keyed {
        for (key, _) in map.entries() {
            let Some(code) = key.text().and_then(Code::parse) else {
                continue;
            };
            let problem = if !known_code(&code) {
                Some(unknown_code(&code, &known))
            } else {
                listed
                    .filter(|listed| !listed.contains(&code))
                    .map(|listed| not_listed(&code, listed))
            };
            if let Some(message) = problem {
                found.push((key.position, syntax(format!("{at}: {message}"))));
            }
        }
    }
    if let Some(form) = root.get("form") {
        let message = form.text().and_then(|id| unknown_form(id, context.forms));
        found.extend(message.map(|m| (form.position, syntax(format!("form: {m}")))));
    }
    follow_ups(
        root,
        listed.unwrap_or_default(),
        context.rubrics,
        &mut found,
    );
    found
}

/// Each follow-up must name one of the case's indicators and a concept of its rubric,
/// and use only the slots a case can fill.
fn follow_ups(root: &Node, listed: &[Code], rubrics: &RubricSet, found: &mut Vec<Found>) {
    let items = root.get("follow_ups").map(Node::items).unwrap_or_default();
    for item in items {
        let code = item
            .get("indicator")
            .and_then(Node::text)
            .and_then(Code::parse);
        let Some((code, concept)) = code.zip(item.get("concept")) else {
            continue;
        };
        let id = concept.text().unwrap_or_default();
        // A slot the case cannot fill would be read out with its braces.
        let question = item.get("question");
        let slot = question
            .and_then(Node::text)
            .and_then(crate::model::follow_up::unknown_slot);
        if let (Some(slot), Some(question)) = (slot, question) {
            let message = format!(
                "the follow-up for `{id}` asks about `{{{slot}}}`, which the case cannot fill; \
                 a question may use {{company}}, {{policy}} and {{amount}}"
            );
            found.push((question.position, LoadErrorKind::Invalid(message)));
            continue;
        }
        let problem = if !listed.contains(&code) {
            Some(format!(
                "the follow-up for `{id}` names {code}, which is not in the case's indicators"
            ))
        } else {
            rubrics.get(&code).and_then(|rubric| {
                (!rubric.concepts.iter().any(|c| c.id == id)).then(|| {
                    let ids: Vec<&str> = rubric.concepts.iter().map(|c| c.id.as_str()).collect();
                    format!(
                        "{code} has no concept `{id}`; its concepts are: {}",
                        ids.join(", ")
                    )
                })
            })
        };
        if let Some(message) = problem {
            found.push((concept.position, LoadErrorKind::Invalid(message)));
        }
    }
}

/// Every problem of a rubric's concepts: none at all, an id used twice (at its second
/// use), a concept with nothing to match.
pub(crate) fn rubric(root: &Node) -> Vec<Found> {
    let mut found = Vec::new();
    let Some(concepts) = root.get("concepts") else {
        // A missing key is reported by the typed read.
        return found;
    };
    if concepts.items().is_empty() {
        let message = "a rubric needs at least one concept".to_string();
        found.push((concepts.position, LoadErrorKind::Invalid(message)));
    }
    let mut ids: Vec<&str> = Vec::new();
    for concept in concepts.items() {
        let Some(id_node) = concept.get("id") else {
            continue;
        };
        let id = id_node.text().unwrap_or_default();
        if ids.contains(&id) {
            let message = format!("concept id `{id}` is used twice");
            found.push((id_node.position, LoadErrorKind::Invalid(message)));
        }
        ids.push(id);
        let empty = |key: &str| concept.get(key).is_none_or(|list| list.items().is_empty());
        if empty("phrases") && empty("patterns") {
            let message = format!("concept `{id}` needs at least one phrase");
            found.push((id_node.position, LoadErrorKind::Invalid(message)));
        }
    }
    found
}

fn syntax(message: String) -> LoadErrorKind {
    LoadErrorKind::Syntax(message)
}

fn unknown_code(code: &Code, known: &[&Code]) -> String {
    let names: Vec<&str> = known.iter().map(|c| c.as_str()).collect();
    let hint = closest(code.as_str(), &names)
        .map(|b| format!(" (did you mean `{b}`?)"))
        .unwrap_or_default();
    format!("unknown indicator code `{code}`{hint}; `roleplay rubric` lists the known ones")
}

fn not_listed(code: &Code, listed: &[Code]) -> String {
    let names: Vec<&str> = listed.iter().map(Code::as_str).collect();
    format!(
        "`{code}` is not one of this case's indicators ({})",
        names.join(", ")
    )
}

fn unknown_form(id: &str, forms: &[String]) -> Option<String> {
    if forms.is_empty() || forms.iter().any(|f| f == id) {
        return None;
    }
    let names: Vec<&str> = forms.iter().map(String::as_str).collect();
    let hint = closest(id, &names)
        .map(|b| format!(" (did you mean `{b}`?)"))
        .unwrap_or_default();
    Some(format!(
        "unknown form `{id}`{hint}; the shipped forms are: {}",
        names.join(", ")
    ))
}
