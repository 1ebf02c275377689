//! `roleplay`: score DECA customer-relations role-play responses offline, with every
//! point explained. The scoring itself (model, text, engine) is the pure
//! `roleplay-core` crate; this crate loads, stores, shows and runs commands.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod agreement;
pub mod batch;
pub mod cli;
pub mod error;
pub mod followup;
pub mod history;
pub mod library;
pub mod load;
pub mod practice;
pub mod report;
pub mod speak;
pub mod suggest;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod transcript;
pub mod wire;
pub mod words;

pub use error::{Error, LoadError, Result};
pub use roleplay_core::{engine, model, text};
