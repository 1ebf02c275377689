//! What a student has done: the attempts and drill cards store, and progress over time.

pub mod progress;
pub mod store;
