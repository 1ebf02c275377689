//! Integration tests: one binary, a module per feature.

mod rubrics;
mod util;
