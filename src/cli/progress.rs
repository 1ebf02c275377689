//! `roleplay progress`: per indicator, how it is going and what to work on next.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;

use super::history::open as open_history;
use super::io_error;
use crate::error::Error;
use crate::history::progress::{IndicatorRecord, indicator_records, weakest};
use crate::report;
use crate::report::progress::{IndicatorLine, ProgressView, Total, TotalScale};

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
    let history = open_history()?;
    let attempts = history.list(None)?;
    super::history::warn_skipped(&history);
    let records = indicator_records(&attempts);
    let weak: Vec<_> = weakest(&records).into_iter().take(args.next).collect();
    let totals: Vec<u32> = attempts.iter().map(|a| a.total).collect();
    let out_of: Vec<Total> = attempts
        .iter()
        .map(|a| Total {
            total: a.total,
            max: a.score.form.total.max,
        })
        .collect();
    // The chart is drawn on the latest attempt's form (the default form before any).
    let form = match attempts.last() {
        Some(latest) => &latest.score.form,
        None => crate::library::shipped::default_form()?,
    };
    let scale = TotalScale {
        max: form.total.max,
        floors: form.total.band_floors,
        certificate: form.total.certificate,
    };
    let view = ProgressView {
        totals: out_of,
        scale,
        indicators: records.iter().map(line).collect(),
        weakest: weak.iter().map(|r| line(r)).collect(),
    };
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
        ProgressFormat::Html => report::progress::write(out, &view),
        ProgressFormat::Text if attempts.is_empty() => {
            writeln!(
                out,
                "No attempts yet. `roleplay practice` starts one; `roleplay score --save` records one."
            )
        }
        ProgressFormat::Text => report::progress::write_text(out, &view, color),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// An indicator's record as the progress reports show it.
fn line(r: &IndicatorRecord) -> IndicatorLine<'_> {
    IndicatorLine {
        code: r.code.as_str(),
        title: &r.title,
        attempts: r.attempts,
        average_points: r.average_points,
        max: r.max,
        band: r.band,
        trend: r.trend,
        history: &r.history,
        next_tip: r.next_tip.as_deref(),
    }
}
