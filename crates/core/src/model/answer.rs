//! What the student said when the judge asked.

use serde::{Deserialize, Serialize};

/// A judge's question and the student's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The judge's question.
    pub question: String,
    /// What the student answered.
    pub answer: String,
}
