//! `roleplay batch`: score a class at once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{
    CaseFolders, EXIT_FAILURE, FileFormat, ReportFormat, catalog, io_error, render_report,
    rubrics_and_form, warn,
};
use crate::batch::{self, Row, Skipped};
use crate::engine::Scorer;
use crate::error::Error;
use crate::model::Case;
use crate::report;

/// Output formats of `roleplay batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One row per student: student, case, total, rating, points per indicator
    Csv,
    /// One JSON object per student, with the full score
    Jsonl,
    /// A printable class roster with the class average per indicator
    Html,
}

/// Arguments of `roleplay batch`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Inputs: a folder of response files for one case (--case CASE DIR; a student per file, named by its stem), \
or a .csv or .jsonl file with student, case and response columns.\n\
Exit status: 0 when every row was scored, 1 when some were skipped (each is reported on standard error with its line)."
)]
pub struct BatchArgs {
    /// The input: a folder of responses (with --case), or a .csv or .jsonl file
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// The case every response in a folder answers
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,
    /// Output format (default: from the -o file's extension, else CSV)
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// An evaluation form file to score against instead of the shipped DECA form
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    /// Also write each student's own report (the form with feedback) into this folder
    #[arg(long, value_name = "DIR")]
    pub reports: Option<PathBuf>,
    /// The format of the --reports files
    #[arg(long, value_enum, default_value_t = FileFormat::Html, requires = "reports")]
    pub report_format: FileFormat,
    /// Score only this student's responses
    #[arg(long, value_name = "NAME")]
    pub student: Option<String>,
    #[command(flatten)]
    pub folders: CaseFolders,
}

pub(super) fn run(args: BatchArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    let catalog = catalog(&args.folders, rubrics)?;
    let name = args.input.display().to_string();
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, None) => BatchFormat::Csv,
        (None, Some(path)) => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match ext.as_deref() {
                Some("html" | "htm") => BatchFormat::Html,
                Some("jsonl" | "ndjson") => BatchFormat::Jsonl,
                Some("csv") => BatchFormat::Csv,
                _ => {
                    return Err(Error::Usage(format!(
                        "cannot tell a format from the name {}: end it in .csv, .jsonl or .html, or give --format",
                        path.display()
                    )));
                }
            }
        }
    };
    let (mut rows, mut skipped): (Vec<Row>, Vec<Skipped>) = if args.input.is_dir() {
        let case = args.case.as_deref().ok_or_else(|| {
            Error::Usage("a folder of responses needs --case CASE: the case they answer".into())
        })?;
        batch::rows_from_folder(&args.input, case)?
    } else {
        let text = std::fs::read_to_string(&args.input).map_err(|source| Error::Io {
            action: "read",
            path: args.input.clone(),
            source,
        })?;
        match args.input.extension().and_then(|e| e.to_str()) {
            Some("csv") => batch::rows_from_csv(&text, &name),
            Some("jsonl" | "ndjson") => batch::rows_from_jsonl(&text, &name),
            _ => {
                return Err(Error::Usage(format!(
                    "{name}: give a folder, a .csv or a .jsonl file"
                )));
            }
        }
    };

    if let Some(student) = &args.student {
        rows.retain(|r| r.student.trim().eq_ignore_ascii_case(student.trim()));
        if rows.is_empty() {
            return Err(Error::Usage(format!(
                "no response by `{student}` in {name}"
            )));
        }
    }
    if rows.is_empty() && skipped.is_empty() {
        let looked = if args.input.is_dir() {
            "no response files (.txt, .md, or no extension) in this folder"
        } else {
            "no rows in this file"
        };
        warn(&format!("{name}: {looked}; nothing was scored"));
        return Ok(ExitCode::from(EXIT_FAILURE));
    }

    // One compiled scorer per case named by any row, compiled in parallel.
    let mut names: Vec<&String> = rows.iter().map(|r| &r.case).collect();
    names.sort();
    names.dedup();
    type Compiled = (String, Result<(Case, Scorer), Error>);
    let compiled: Vec<Compiled> = names
        .par_iter()
        .map(|name| {
            let result = catalog.resolve(name, rubrics).and_then(|case| {
                let scorer = Scorer::new(&case, rubrics, &form)?;
                Ok((case, scorer))
            });
            ((*name).clone(), result)
        })
        .collect();
    let mut scorers = BTreeMap::new();
    let mut unknown = BTreeMap::new();
    for (name, result) in compiled {
        match result {
            Ok(pair) => {
                scorers.insert(name, pair);
            }
            Err(e) => {
                unknown.insert(name, e.to_string());
            }
        }
    }
    let bar = ProgressBar::with_draw_target(Some(rows.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("scoring {bar:40} {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let tick = || bar.inc(1);
    let (mut scored, more) = batch::score(rows, &scorers, &unknown, &tick);
    bar.finish_and_clear();
    skipped.extend(more);
    scored.sort_by(|a, b| (&a.case, &a.student).cmp(&(&b.case, &b.student)));

    let mut bytes = Vec::new();
    match format {
        BatchFormat::Csv => {
            batch::write_csv(&mut bytes, &scored).map_err(|e| Error::Internal(e.to_string()))?
        }
        BatchFormat::Jsonl => {
            for s in &scored {
                let line = serde_json::json!({
                    "student": s.student,
                    "case": s.case,
                    "total": s.total,
                    "rating": s.rating,
                    "indicators": s.indicators,
                    "score": report::json::value(&s.card, &s.response),
                });
                writeln!(bytes, "{line}").map_err(|e| io_error(e, "write", "the output"))?;
            }
        }
        BatchFormat::Html => report::roster::write(&mut bytes, &scored, &form)
            .map_err(|e| io_error(e, "write", "the output"))?,
    }
    match &args.output {
        Some(path) => crate::store::write_atomic(path, &bytes).map_err(|source| Error::Io {
            action: "write",
            path: path.clone(),
            source,
        })?,
        None => out
            .write_all(&bytes)
            .map_err(|e| io_error(e, "write", "standard output"))?,
    }
    if let Some(dir) = &args.reports {
        let written = write_reports(dir, args.report_format, &scored, &scorers, &form)?;
        #[allow(clippy::print_stderr)]
        {
            eprintln!("Wrote {written} student report(s) in {}.", dir.display());
        }
    }
    for s in &skipped {
        warn(&format!("{}: skipped: {}", s.origin, s.reason));
    }
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{} scored, {} skipped", scored.len(), skipped.len());
    }
    Ok(if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILURE)
    })
}

/// Writes each scored student's report into `dir` as `<student>-<case>.<ext>`, the
/// student's name on the form; returns how many were written.
fn write_reports(
    dir: &std::path::Path,
    format: FileFormat,
    scored: &[batch::Scored],
    scorers: &BTreeMap<String, (Case, Scorer)>,
    form: &crate::model::Form,
) -> Result<usize, Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.to_path_buf(),
        source,
    })?;
    let (as_report, ext) = match format {
        FileFormat::Text => (ReportFormat::Text, "txt"),
        FileFormat::Json => (ReportFormat::Json, "json"),
        FileFormat::Markdown => (ReportFormat::Markdown, "md"),
        FileFormat::Html => (ReportFormat::Html, "html"),
        FileFormat::Pdf => (ReportFormat::Html, "pdf"),
    };
    let mut used = std::collections::BTreeSet::new();
    for s in scored {
        let case = scorers.get(&s.case).map(|(case, _)| case);
        let context = report::Context {
            case,
            student: Some(&s.student),
            ..Default::default()
        };
        let mut bytes = Vec::new();
        render_report(
            as_report,
            &mut bytes,
            &s.card,
            &s.response,
            form,
            &context,
            false,
        )
        .map_err(|e| io_error(e, "write", "a report"))?;
        let mut stem = format!("{}-{}", file_safe(&s.student), file_safe(&s.case));
        let mut n = 2;
        while !used.insert(stem.clone()) {
            stem = format!("{}-{}-{n}", file_safe(&s.student), file_safe(&s.case));
            n += 1;
        }
        let path = dir.join(format!("{stem}.{ext}"));
        if format == FileFormat::Pdf {
            super::pdf::write(&bytes, &path)?;
        } else {
            crate::store::write_atomic(&path, &bytes).map_err(|source| Error::Io {
                action: "write",
                path: path.clone(),
                source,
            })?;
        }
    }
    Ok(scored.len())
}

/// A name usable as a file name on every system: letters, digits, `-` and `_` kept,
/// anything else (slashes, dots, spaces) becomes `_`.
fn file_safe(name: &str) -> String {
    let safe: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    if safe.is_empty() {
        "student".into()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_student_name_becomes_a_safe_file_name() {
        assert_eq!(super::file_safe("Ana Díaz"), "Ana_Díaz");
        assert_eq!(super::file_safe("../../etc/passwd"), "______etc_passwd");
        assert_eq!(super::file_safe("  "), "student");
    }
}
