//! `roleplay batch`: score a class at once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{CaseFolders, EXIT_FAILURE, catalog, form_for, io_error, rubrics_and_form, warn};
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
    #[command(flatten)]
    pub folders: CaseFolders,
}

pub(super) fn run(args: BatchArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    let explicit = args.form.is_some();
    let catalog = catalog(&args.folders, rubrics)?;
    let name = args.input.display().to_string();
    let (rows, mut skipped): (Vec<Row>, Vec<Skipped>) = if args.input.is_dir() {
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

    // One compiled scorer per case named by any row, compiled in parallel.
    let mut names: Vec<&String> = rows.iter().map(|r| &r.case).collect();
    names.sort();
    names.dedup();
    type Compiled = (String, Result<(Case, Scorer), Error>);
    let compiled: Vec<Compiled> = names
        .par_iter()
        .map(|name| {
            let result = catalog.resolve(name, rubrics).and_then(|case| {
                let scorer = Scorer::new(&case, rubrics, &form_for(&case, explicit, &form)?)?;
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

    let format = args
        .format
        .or_else(|| {
            let ext = args
                .output
                .as_ref()?
                .extension()?
                .to_str()?
                .to_ascii_lowercase();
            match ext.as_str() {
                "html" | "htm" => Some(BatchFormat::Html),
                "jsonl" | "ndjson" => Some(BatchFormat::Jsonl),
                "csv" => Some(BatchFormat::Csv),
                _ => None,
            }
        })
        .unwrap_or(BatchFormat::Csv);
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
