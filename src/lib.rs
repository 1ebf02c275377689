//! `roleplay`: score DECA customer-relations role-play responses offline, with every
//! point explained.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod text;
