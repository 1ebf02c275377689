//! What field checks need to know while serde walks a file: the codes the rubrics
//! define and the case's own indicators. Checking inside `Deserialize` is what lets
//! serde_yaml put a line and column on the error.

use std::cell::RefCell;

use crate::model::Code;

#[derive(Default)]
pub(crate) struct Context {
    /// Codes some rubric defines; empty means "do not check".
    pub known: Vec<Code>,
    /// The case's indicators, when a second pass checks `look_for` keys against them.
    pub indicators: Option<Vec<Code>>,
    /// Ids of the forms a case may name; empty means "do not check".
    pub forms: Vec<String>,
}

thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::new(Context::default());
}

/// Runs `f` with `context` in force, restoring the previous one afterwards.
pub(crate) fn with_context<T>(context: Context, f: impl FnOnce() -> T) -> T {
    let previous = CONTEXT.with(|c| c.replace(context));
    let result = f();
    CONTEXT.with(|c| c.replace(previous));
    result
}

/// Reads the context in force.
pub(crate) fn read<T>(f: impl FnOnce(&Context) -> T) -> T {
    CONTEXT.with(|c| f(&c.borrow()))
}
