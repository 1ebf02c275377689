//! `roleplay progress`: per indicator, how it is going and what to work on next.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;

use super::history::open as open_history;
use super::{io_error, rubrics_and_form};
use crate::error::Error;
use crate::history::progress::{indicator_records, weakest};
use crate::report;

/// Output formats of `roleplay progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProgressFormat {
    /// A compact chart for the terminal
    Text,
    /// One JSON object, for scripts
    Json,
    /// A page with inline SVG charts
    Html,
}

/// Arguments of `roleplay progress`.
#[derive(Debug, clap::Args)]
pub struct ProgressArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ProgressFormat::Text)]
    pub format: ProgressFormat,
    /// How many weak indicators to suggest
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub next: usize,
}

pub(super) fn run(args: ProgressArgs, out: &mut dyn Write, color: bool) -> Result<ExitCode, Error> {
    let (_, form) = rubrics_and_form(None)?;
    let history = open_history()?;
    let attempts = history.list(None)?;
    super::history::warn_skipped(&history);
    let records = indicator_records(&attempts, &form)?;
    let weak: Vec<_> = weakest(&records).into_iter().take(args.next).collect();
    let totals: Vec<u32> = attempts.iter().map(|a| a.total).collect();
    let written = match args.format {
        ProgressFormat::Json => {
            let value = serde_json::json!({
                "attempts": attempts.len(),
                "totals": totals,
                "indicators": records,
                "weakest": weak.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut *out, &value)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        ProgressFormat::Html => report::progress::write(out, &records, &totals, &weak),
        ProgressFormat::Text if attempts.is_empty() => {
            writeln!(
                out,
                "No attempts yet. `roleplay practice` starts one; `roleplay score --save` records one."
            )
        }
        ProgressFormat::Text => {
            report::progress::write_text(out, attempts.len(), &totals, &records, &weak, color)
        }
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}
