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
mod hostile_cases;
mod injection;
mod judging;
mod library;
mod originality;
mod practice;
mod reports;
mod rubrics;
mod saving;
mod score;
mod util;
mod validate;
