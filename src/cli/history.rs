//! `roleplay history` and `roleplay show-attempt`: the saved attempts.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{FileFormat, Format, ReportFormat, io_error};
use crate::error::Error;
use crate::history::store::attempt::stamp;
use crate::history::store::{Attempt, History, history};
use crate::library::{paths, shipped};
use crate::report;
use crate::report::attempts::{AttemptPage, AttemptRow, local_time, write_attempt, write_rows};

/// Arguments of `roleplay history`.
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// Only attempts at this case
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Arguments of `roleplay show-attempt`.
#[derive(Debug, clap::Args)]
pub struct ShowAttemptArgs {
    /// The attempt's number, or `latest`
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// Arguments of `roleplay report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The attempt's number, or `latest`
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format (default: from the -o file's extension; text on the terminal)
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
    /// The student's name to print on the form (default: the one saved with the attempt)
    #[arg(long, value_name = "NAME")]
    pub student: Option<String>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Open the written file with the system's viewer
    #[arg(long, requires = "output")]
    pub open: bool,
}

/// Opens the history in the data folder.
pub(super) fn open() -> Result<History, Error> {
    let home = paths::home().ok_or_else(|| {
        Error::Usage(format!(
            "no data folder could be found; set {} to a folder",
            paths::HOME_VAR
        ))
    })?;
    History::open(&history::default_path(&home))
}

pub(super) fn run_history(args: HistoryArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let history = open()?;
    let attempts = history.list(args.case.as_deref())?;
    warn_skipped(&history);
    let rows: Vec<AttemptRow> = attempts
        .iter()
        .map(|a| AttemptRow {
            id: a.id,
            case: &a.case_id,
            title: &a.case_title,
            student: a.student.as_deref(),
            started_at: a.started_at,
            finished_at: a.finished_at,
            origin: a.origin,
            total: a.total,
            max: a.score.score.max,
            rating: a.rating,
        })
        .collect();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &rows)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out)),
        Format::Text if rows.is_empty() => {
            writeln!(out, "No attempts yet. `roleplay practice` starts one.")
        }
        Format::Text => write_rows(out, &rows, super::style(false).width),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

fn find(history: &History, id: &str) -> Result<Attempt, Error> {
    let attempt = if id == "latest" {
        history.latest()?
    } else {
        let number: i64 = id
            .parse()
            .map_err(|_| Error::Usage(format!("`{id}` is not an attempt number or `latest`")))?;
        history.get(number)?
    };
    warn_skipped(history);
    attempt.ok_or_else(|| Error::Usage(format!("no attempt `{id}`; `roleplay history` lists them")))
}

/// Names each saved attempt that was skipped because its row cannot be read.
pub(super) fn warn_skipped(history: &History) {
    for row in history.skipped() {
        super::warn(&format!(
            "attempt {} in your history cannot be read and was skipped ({}); the file was left as it is",
            row.id, row.why
        ));
    }
}

/// Renders an attempt in a format, on the form it was scored on. JSON is the saved
/// `score --format json` object with the attempt's own fields around it.
fn render_attempt(
    format: ReportFormat,
    out: &mut dyn Write,
    attempt: &Attempt,
    color: bool,
    student: Option<&str>,
) -> Result<(), Error> {
    let stored = &attempt.score;
    let damaged = |why: String| Error::Damaged {
        path: PathBuf::from(format!("attempt {}", attempt.id)),
        why,
    };
    let card = stored.score.to_scorecard().map_err(&damaged)?;
    let text = scored_text(attempt);
    if !report::json::fits(&card, &text) {
        return Err(damaged(
            "its saved score does not match its saved response".into(),
        ));
    }
    let form = &stored.form;
    let case = shipped::cases()
        .iter()
        .filter_map(|c| c.as_ref().ok())
        .find(|c| c.id == attempt.case_id);
    let when = local_time(&attempt.finished_at);
    let student = student.or(attempt.student.as_deref());
    let context = report::Context {
        case,
        answers: &attempt.answers,
        when: Some(&when),
        student,
    };
    let asked = &stored.follow_ups;
    let written = match format {
        ReportFormat::Json => {
            let mut score = stored.score.to_value();
            super::questions::add_json(&mut score, asked, None);
            let value = serde_json::json!({
                "attempt": attempt.id,
                "started_at": stamp(&attempt.started_at),
                "finished_at": stamp(&attempt.finished_at),
                "origin": attempt.origin,
                "student": student,
                "response": attempt.response,
                "answers": attempt.answers,
                "score": score,
            });
            serde_json::to_writer_pretty(&mut *out, &value)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        _ => {
            if format == ReportFormat::Text {
                write_attempt(out, &attempt_page(attempt, student))
                    .map_err(|e| io_error(e, "write", "the report"))?;
            }
            super::questions::render_with_extras(
                format, out, &card, &text, form, &context, color, asked, None,
            )
        }
    };
    written.map_err(|e| io_error(e, "write", "the report"))
}

/// What the text report's heading shows of an attempt.
fn attempt_page<'a>(attempt: &'a Attempt, student: Option<&'a str>) -> AttemptPage<'a> {
    AttemptPage {
        id: attempt.id,
        case: &attempt.case_id,
        title: &attempt.case_title,
        student,
        finished_at: attempt.finished_at,
        origin: attempt.origin,
        response: &attempt.response,
        answers: &attempt.answers,
    }
}

pub(super) fn run_show_attempt(
    args: ShowAttemptArgs,
    out: &mut dyn Write,
    color: bool,
) -> Result<ExitCode, Error> {
    let attempt = find(&open()?, &args.id)?;
    // The feedback runs longer than a screen: a terminal reads it through the pager.
    let mut bytes = Vec::new();
    render_attempt(args.format, &mut bytes, &attempt, color, None)?;
    super::pager::page(out, &bytes).map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn run_report(
    args: ReportArgs,
    out: &mut dyn Write,
    color: bool,
) -> Result<ExitCode, Error> {
    let attempt = find(&open()?, &args.id)?;
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(path)) => FileFormat::for_path(path)?,
        (None, None) => FileFormat::Text,
    };
    let student = args.student.as_deref();
    let as_report = |format: FileFormat| match format {
        FileFormat::Text => ReportFormat::Text,
        FileFormat::Json => ReportFormat::Json,
        FileFormat::Markdown => ReportFormat::Markdown,
        FileFormat::Html | FileFormat::Pdf => ReportFormat::Html,
    };
    match &args.output {
        None if format == FileFormat::Pdf => {
            return Err(Error::Usage("a PDF goes to a file: add -o FILE.pdf".into()));
        }
        None => {
            let mut bytes = Vec::new();
            render_attempt(
                as_report(format),
                &mut bytes,
                &attempt,
                color && format == FileFormat::Text,
                student,
            )?;
            if format == FileFormat::Text {
                super::pager::page(out, &bytes)
            } else {
                out.write_all(&bytes)
            }
            .map_err(|e| io_error(e, "write", "standard output"))?;
        }
        Some(path) => {
            let mut bytes = Vec::new();
            if matches!(format, FileFormat::Text | FileFormat::Markdown) {
                // Text for people: control characters shown visibly, as on the terminal.
                let mut shown = crate::report::visible::Visible::new(&mut bytes, false);
                render_attempt(as_report(format), &mut shown, &attempt, false, student)?;
            } else {
                render_attempt(as_report(format), &mut bytes, &attempt, false, student)?;
            }
            if format == FileFormat::Pdf {
                super::pdf::write(&bytes, path)?;
            } else {
                crate::history::store::write_atomic(path, &bytes).map_err(|source| Error::Io {
                    action: "write",
                    path: path.clone(),
                    source,
                })?;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("Wrote {}.", path.display());
            }
            if args.open {
                open_file(path);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a file with the system's viewer; a failure is only a warning.
fn open_file(path: &std::path::Path) {
    if let Err(e) = opener::open(path) {
        super::warn(&format!(
            "could not open {}: {e}; open it yourself",
            path.display()
        ));
    }
}

/// The text that was scored: the presentation and the answers.
pub(super) fn scored_text(attempt: &Attempt) -> String {
    crate::practice::session::Finished {
        response: attempt.response.clone(),
        answers: attempt.answers.clone(),
    }
    .scored_text()
}
