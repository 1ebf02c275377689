//! A follow-up question a judge asks where a response was thin, and the answer as
//! credited: data the engine's callers choose, ask and store (the choosing and
//! crediting live in the application); and the `{slots}` a question may hold.

use serde::{Deserialize, Serialize};

use super::Code;

/// One follow-up question, aimed at one missed concept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The indicator whose concept it probes.
    pub indicator: Code,
    /// The concept's id in that indicator's rubric.
    pub concept: String,
    /// What the concept is, as a report says it.
    pub label: String,
    /// How much the concept counts, 1 to 3.
    pub weight: u32,
    /// The question, slots filled from the case.
    pub question: String,
}

/// A follow-up as asked and answered, and what the answer earned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Asked {
    /// The question and the concept it probes.
    #[serde(flatten)]
    pub follow_up: FollowUp,
    /// The student's answer, as given.
    pub answer: String,
    /// The words of the answer that earned the concept, if it did.
    pub credited: Option<String>,
    /// Points added to the indicator.
    pub points: u32,
    /// The most a prompted answer could add for this concept.
    pub cap: u32,
    /// The indicator's points before this answer.
    pub points_before: u32,
    /// The response or an earlier answer had already earned the concept.
    #[serde(default)]
    pub already: bool,
}

/// The slots a question may use.
pub const SLOTS: [&str; 3] = ["company", "policy", "amount"];

/// The first `{name}` in a question that is not one of [`SLOTS`]: left as it is, the
/// student would hear the braces.
pub fn unknown_slot(template: &str) -> Option<&str> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        if !SLOTS.contains(&name) {
            return Some(name);
        }
        rest = &after[close + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_slot_is_found() {
        assert_eq!(unknown_slot("At {company}, about {amount}?"), None);
        assert_eq!(unknown_slot("No slots at all?"), None);
        assert_eq!(unknown_slot("At {compny}?"), Some("compny"));
        assert_eq!(unknown_slot("At {company} and {store}?"), Some("store"));
    }
}
