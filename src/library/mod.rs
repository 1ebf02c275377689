//! Where cases, rubrics and forms come from: the shipped library, the user's folders,
//! coaches' own rubrics, and the catalog of every case found.

pub mod catalog;
pub mod coach_rubrics;
pub mod paths;
pub mod shipped;
