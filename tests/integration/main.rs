//! Integration tests: one binary, a module per feature.

mod agreement;
mod bad_input;
mod batch;
mod cases;
mod cli;
mod coach;
mod coach_rubrics;
mod drill;
mod forms;
mod judging;
mod library;
mod originality;
mod practice;
mod reports;
mod rubrics;
mod score;
mod util;
mod validate;
