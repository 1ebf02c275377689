//! `roleplay`: score DECA customer-relations role-play responses offline, with every
//! point explained.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod agreement;
pub mod batch;
pub mod catalog;
pub mod cli;
pub mod coach_rubrics;
pub mod drill;
pub mod engine;
pub mod error;
pub mod followup;
pub mod load;
pub mod model;
pub mod paths;
pub mod progress;
pub mod report;
pub mod session;
pub mod shipped;
pub mod speak;
pub mod store;
pub mod text;
pub mod transcript;
pub mod validate;

pub use error::{Error, LoadError, Result};
