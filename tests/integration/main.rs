//! Integration tests: one binary, a module per feature.

mod bad_input;
mod cli;
mod rubrics;
mod score;
mod util;
