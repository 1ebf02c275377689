//! The pure core of `roleplay`: checked case, rubric and form types, text handling and
//! the scoring engine. A case, its rubrics, a form and a response in; a scorecard out.
//! No files, no clock, no terminal, no thread-local state: the application crate does
//! loading, storing and showing.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod engine;
pub mod model;
pub mod text;
