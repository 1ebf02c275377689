//! Integration tests: one binary, a module per feature.

mod agreement;
mod bad_input;
mod batch;
mod batch_reports;
mod cases;
mod cli;
mod cli_polish;
mod coach;
mod coach_flow;
mod drill;
mod help;
mod history;
mod judging;
mod library;
mod practice;
mod reports;
mod rubrics;
mod score;
mod session;
mod util;
mod validate;
