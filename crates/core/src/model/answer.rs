//! What the student said when the judge asked.

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// A judge's question and the student's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The judge's question.
    pub question: String,
    /// What the student answered.
    pub answer: String,
}

/// The text the engine scores for a presentation and its answers: the presentation,
/// then each answer as a paragraph, all of it the student's own words; and each
/// answer's span in it (`None` for an empty answer).
pub fn joined(response: &str, answers: &[Answer]) -> (String, Vec<Option<Span>>) {
    let mut text = response.trim_end().to_string();
    let mut spans = Vec::with_capacity(answers.len());
    for answer in answers {
        let said = answer.answer.trim();
        if said.is_empty() {
            spans.push(None);
            continue;
        }
        text.push_str("\n\n");
        let start = text.len();
        text.push_str(said);
        spans.push(Some(Span::new(start, text.len())));
    }
    (text, spans)
}
