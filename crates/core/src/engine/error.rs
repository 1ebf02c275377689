//! What can stop the engine from compiling a case: structured, for the application to word.

use crate::model::Code;

/// Why a case cannot be scored.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The case names an indicator that no loaded rubric defines.
    #[error("case `{case}` uses `{code}`, which no loaded rubric defines")]
    UnknownIndicator {
        /// The case's id.
        case: String,
        /// The indicator it names.
        code: Code,
    },
}
