//! `roleplay agreement`: how far the engine is from a judge's own marks on a folder
//! of cases and responses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Format, io_error, rubrics_and_form, style, warn};
use crate::agreement::{self, marks};
use crate::error::Error;
use crate::report;

/// Marks files looked for in the folder when `--marks` is not given, in this order.
const DEFAULT_MARKS: [&str; 3] = ["judges.jsonl", "judges.csv", "judge-sheets.jsonl"];
/// At most this many bad lines are listed; a file with more is likely not marks at all.
const SHOWN_ERRORS: usize = 20;

/// Arguments of `roleplay agreement`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The folder holds case files <case>.yaml, each with a folder <case>/ of responses, one student per file (<student>.txt).\n\
Marks, one of:\n  \
JSON Lines: {\"response\": \"<case>/<student>\", \"judge\": \"judge-1\", \"indicators\": {\"CR:004\": 0-14, ...}, \"skills\": [five 0-6], \"note\": \"...\"}\n  \
CSV: student,case,code,points with optional judge and note columns, a row per indicator (no skills: totals then use the indicators alone).\n\
Exit status: 0 when the comparison was made (marks for responses that do not exist are skipped with a warning), \
1 when the folder, a case or the marks cannot be read, 2 for a bad command line."
)]
pub struct AgreementArgs {
    /// The folder of cases and responses
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The judge's marks, JSON Lines or CSV [default: DIR/judges.jsonl, DIR/judges.csv or DIR/judge-sheets.jsonl]
    #[arg(long, value_name = "FILE")]
    pub marks: Option<PathBuf>,
    /// Only these cases of the folder (their file names without .yaml, comma-separated)
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub cases: Vec<String>,
    /// Leave these cases out (comma-separated), to measure on cases you did not tune on
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// How many of the largest disagreements to show, with the quotes behind them
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub worst: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// An evaluation form file to score against instead of the shipped DECA form
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

pub(super) fn run(
    args: AgreementArgs,
    out: &mut dyn Write,
    color: bool,
) -> Result<ExitCode, Error> {
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    let folder = agreement::folder::read(&args.dir, &args.cases, &args.exclude, rubrics)?;
    let marks_path = match &args.marks {
        Some(path) => path.clone(),
        None => default_marks(&args.dir)?,
    };
    let limits = marks::Limits {
        indicator_max: form.indicators.max,
        skill_max: form.skills.max,
        skill_lines: form.skills.lines.len(),
    };
    let marks = read_marks(&marks_path, limits)?;
    for s in &folder.skipped {
        warn(&format!("{}: skipped: {}", s.origin, s.reason));
    }
    let scored = agreement::score_all(&folder.cases, rubrics, &form)?;
    let result = agreement::compare(&scored, &marks, &folder.keys, &form, args.worst);
    for s in &result.skipped {
        warn(&format!("{}: skipped: {}", s.origin, s.reason));
    }
    for s in &result.stray_codes {
        warn(&format!("{}: {}", s.origin, s.reason));
    }
    if !result.skipped.is_empty() {
        warn(&format!(
            "{} mark(s) skipped: they name no response of {}",
            result.skipped.len(),
            args.dir.display()
        ));
    }
    if result.overall.responses == 0 {
        return Err(Error::Usage(format!(
            "nothing to compare: no response of the picked cases of {} has marks in {}",
            args.dir.display(),
            marks_path.display()
        )));
    }
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &result)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out)),
        Format::Text => report::agreement::write(out, &result, style(color)),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

fn default_marks(dir: &Path) -> Result<PathBuf, Error> {
    DEFAULT_MARKS
        .iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
        .ok_or_else(|| {
            Error::Usage(format!(
                "{} has no marks ({}): give the judge's marks with --marks FILE",
                dir.display(),
                DEFAULT_MARKS.join(", ")
            ))
        })
}

/// Reads marks as CSV or JSON Lines: by the extension, else by the first character
/// (JSON Lines start with `{`).
fn read_marks(path: &Path, limits: marks::Limits) -> Result<Vec<marks::MarkSet>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    let name = path.display().to_string();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let csv = match extension.as_deref() {
        Some("csv") => true,
        Some("jsonl" | "ndjson" | "json") => false,
        _ => !text.trim_start().starts_with('{'),
    };
    let read = if csv {
        marks::from_csv(&text, &name, limits)
    } else {
        marks::from_jsonl(&text, &name, limits)
    };
    read.map_err(|errors| {
        let mut lines: Vec<String> = errors
            .iter()
            .take(SHOWN_ERRORS)
            .map(ToString::to_string)
            .collect();
        if errors.len() > SHOWN_ERRORS {
            lines.push(format!("and {} more", errors.len() - SHOWN_ERRORS));
        }
        Error::Usage(format!("the marks cannot be read:\n{}", lines.join("\n")))
    })
}
