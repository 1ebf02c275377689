//! Practice: the timed session with its judge, and drills on one indicator.

pub mod drill;
pub mod session;
