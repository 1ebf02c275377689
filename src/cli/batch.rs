//! `roleplay batch`: score a class at once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{
    CaseFolders, EXIT_FAILURE, FileFormat, ReportFormat, catalog, form_for, io_error,
    render_report, rubrics_and_form, warn,
};
use crate::batch::read::{self, Item};
use crate::batch::{self, Row, Skipped};
use crate::engine::Scorer;
use crate::error::Error;
use crate::history::store::AtomicFile;
use crate::library::catalog::Catalog;
use crate::model::{Case, Form, RubricSet};
use crate::report;
use crate::report::roster::CaseTitles;
use crate::report::spreadsheet::{self, Scored};

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

/// Rows read and scored at a time: enough to keep every core busy, few enough that
/// memory does not grow with the class.
const CHUNK: usize = 2048;

pub(super) fn run(args: BatchArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    let catalog = catalog(&args.folders, rubrics)?;
    let format = format_of(&args)?;
    let mut items = read_items(&args)?.peekable();
    let mut tally = Tally {
        args: &args,
        form: &form,
        jsonl: format == BatchFormat::Jsonl,
        reports: args
            .reports
            .as_ref()
            .map(|dir| Reports::new(dir, args.report_format))
            .transpose()?,
        file: match &args.output {
            Some(path) => Some(AtomicFile::create(path).map_err(|source| Error::Io {
                action: "write",
                path: path.clone(),
                source,
            })?),
            None => None,
        },
        scored: Vec::new(),
        skipped: Vec::new(),
        count: 0,
    };
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("scoring {pos} rows")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let tick = || bar.inc(1);
    let mut cases = Cases::default();
    while items.peek().is_some() {
        let rows = tally.next_chunk(&mut items);
        // A case is scored on the form it names unless --form says otherwise.
        let explicit = args.form.is_some();
        cases.compile(&rows, &catalog, rubrics, (&form, explicit));
        let keep_cards = tally.reports.is_some();
        let results = batch::score(
            rows,
            &cases.scorers,
            &cases.unknown,
            (tally.jsonl, keep_cards),
            &tick,
        );
        for result in results {
            tally.take(result, &cases, out)?;
        }
    }
    bar.finish_and_clear();
    if tally.count == 0 && tally.skipped.is_empty() {
        return nothing_scored(&args);
    }
    tally.finish(format, &cases, out)
}

/// What a batch has scored and skipped so far, and where it writes.
struct Tally<'a> {
    args: &'a BatchArgs,
    form: &'a Form,
    jsonl: bool,
    reports: Option<Reports>,
    file: Option<AtomicFile>,
    scored: Vec<Scored>,
    skipped: Vec<Skipped>,
    count: usize,
}

impl Tally<'_> {
    /// Up to [`CHUNK`] wanted rows; skipped rows and warnings on the way are kept or said.
    fn next_chunk(&mut self, items: &mut impl Iterator<Item = Item>) -> Vec<Row> {
        let mut rows: Vec<Row> = Vec::with_capacity(CHUNK);
        for item in items.by_ref() {
            match item {
                Item::Row(row) => {
                    let wanted = self.args.student.as_ref().is_none_or(|student| {
                        row.student.trim().eq_ignore_ascii_case(student.trim())
                    });
                    if wanted {
                        rows.push(row);
                    }
                }
                Item::Skipped(s) => self.skipped.push(s),
                Item::Warning(w) => warn(&w),
            }
            if rows.len() == CHUNK {
                break;
            }
        }
        rows
    }

    /// One row's result: its report and JSON line written, its CSV row kept.
    fn take(
        &mut self,
        result: Result<batch::Output, Skipped>,
        cases: &Cases,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let batch::Output {
            scored: row,
            line,
            card,
        } = match result {
            Ok(output) => output,
            Err(s) => {
                self.skipped.push(s);
                return Ok(());
            }
        };
        self.count += 1;
        if let (Some(reports), Some((card, response))) = (&mut self.reports, card) {
            let case = cases.scorers.get(&row.case).map(|(case, _)| case);
            let form = match case {
                Some(case) => form_for(case, self.args.form.is_some(), self.form)?,
                None => self.form.clone(),
            };
            reports.write(&row.student, case, &card, &response, &form)?;
        }
        if let Some(line) = line {
            let sink: &mut dyn Write = match &mut self.file {
                Some(file) => file,
                None => out,
            };
            writeln!(sink, "{line}").map_err(|e| io_error(e, "write", "the output"))?;
        }
        if !self.jsonl {
            self.scored.push(row);
        }
        Ok(())
    }

    /// Writes the CSV or roster, commits the output file, and says what was done.
    fn finish(
        mut self,
        format: BatchFormat,
        cases: &Cases,
        out: &mut dyn Write,
    ) -> Result<ExitCode, Error> {
        self.scored
            .sort_by(|a, b| (&a.case, &a.student).cmp(&(&b.case, &b.student)));
        let sink: &mut dyn Write = match &mut self.file {
            Some(file) => file,
            None => out,
        };
        match format {
            BatchFormat::Csv => spreadsheet::write_csv(sink, &self.scored)
                .map_err(|e| Error::Internal(e.to_string()))?,
            BatchFormat::Jsonl => {}
            BatchFormat::Html => {
                report::roster::write(sink, &self.scored, &cases.titles, self.form)
                    .map_err(|e| io_error(e, "write", "the output"))?
            }
        }
        if let (Some(file), Some(path)) = (self.file, &self.args.output) {
            file.commit().map_err(|source| Error::Io {
                action: "write",
                path: path.clone(),
                source,
            })?;
        }
        if let (Some(reports), Some(dir)) = (&self.reports, &self.args.reports) {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "Wrote {} student report(s) in {}.",
                    reports.written,
                    dir.display()
                );
            }
        }
        for s in &self.skipped {
            warn(&format!("{}: skipped: {}", s.origin, s.reason));
        }
        #[allow(clippy::print_stderr)]
        {
            eprintln!("{} scored, {} skipped", self.count, self.skipped.len());
        }
        Ok(if self.skipped.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_FAILURE)
        })
    }
}

/// An input with nothing to score: an error for a student not found, a warning for an
/// empty input.
fn nothing_scored(args: &BatchArgs) -> Result<ExitCode, Error> {
    let name = args.input.display();
    if let Some(student) = &args.student {
        return Err(Error::Usage(format!(
            "no response by `{student}` in {name}"
        )));
    }
    let looked = if args.input.is_dir() {
        "no response files (.txt, .md, or no extension) in this folder"
    } else {
        "no rows in this file"
    };
    warn(&format!("{name}: {looked}; nothing was scored"));
    Ok(ExitCode::from(EXIT_FAILURE))
}

/// The input's rows, read one at a time.
fn read_items(args: &BatchArgs) -> Result<Box<dyn Iterator<Item = Item>>, Error> {
    let name = args.input.display().to_string();
    if args.input.is_dir() {
        let case = args.case.as_deref().ok_or_else(|| {
            Error::Usage("a folder of responses needs --case CASE: the case they answer".into())
        })?;
        return Ok(Box::new(read::folder(&args.input, case)?.flatten()));
    }
    let extension = args.input.extension().and_then(|e| e.to_str());
    if !matches!(extension, Some("csv" | "jsonl" | "ndjson")) {
        return Err(Error::Usage(format!(
            "{name}: give a folder, a .csv or a .jsonl file"
        )));
    }
    let file = std::fs::File::open(&args.input).map_err(|source| Error::Io {
        action: "read",
        path: args.input.clone(),
        source,
    })?;
    let input = std::io::BufReader::new(file);
    Ok(match extension {
        Some("csv") => read::csv(input, &name),
        _ => Box::new(read::jsonl(input, &name)),
    })
}

/// The output format: `--format`, else the -o file's extension, else CSV. An -o name
/// whose extension says no format is refused before anything is scored.
fn format_of(args: &BatchArgs) -> Result<BatchFormat, Error> {
    Ok(match (args.format, &args.output) {
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
    })
}

/// The cases named by the rows so far, each compiled once, and those that failed.
#[derive(Default)]
struct Cases {
    scorers: BTreeMap<String, (Case, Scorer)>,
    unknown: BTreeMap<String, String>,
    titles: BTreeMap<String, CaseTitles>,
}

impl Cases {
    /// Compiles, in parallel, the cases of `rows` not seen before.
    fn compile(
        &mut self,
        rows: &[Row],
        catalog: &Catalog,
        rubrics: &RubricSet,
        (form, explicit): (&Form, bool),
    ) {
        let mut names: Vec<&String> = rows
            .iter()
            .map(|r| &r.case)
            .filter(|c| !self.scorers.contains_key(*c) && !self.unknown.contains_key(*c))
            .collect();
        names.sort();
        names.dedup();
        type Compiled = (String, Result<(Case, Scorer), Error>);
        let compiled: Vec<Compiled> = names
            .par_iter()
            .map(|name| {
                let result = catalog.resolve(name, rubrics).and_then(|case| {
                    let scorer = Scorer::new(&case, rubrics, &form_for(&case, explicit, form)?)?;
                    Ok((case, scorer))
                });
                ((*name).clone(), result)
            })
            .collect();
        for (name, result) in compiled {
            match result {
                Ok((case, scorer)) => {
                    // An empty response's card carries the titles the roster shows.
                    let card = scorer.score("");
                    self.titles.insert(
                        case.id.to_string(),
                        CaseTitles {
                            title: card.case_title.clone(),
                            indicators: card
                                .indicators
                                .iter()
                                .map(|i| (i.code.to_string(), i.title.clone()))
                                .collect(),
                        },
                    );
                    self.scorers.insert(name, (case, scorer));
                }
                Err(e) => {
                    self.unknown.insert(name, e.to_string());
                }
            }
        }
    }
}

/// Each student's own report, written into a folder as the rows are scored.
struct Reports {
    dir: PathBuf,
    format: FileFormat,
    used: std::collections::BTreeSet<String>,
    written: usize,
}

impl Reports {
    fn new(dir: &std::path::Path, format: FileFormat) -> Result<Reports, Error> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create",
            path: dir.to_path_buf(),
            source,
        })?;
        Ok(Reports {
            dir: dir.to_path_buf(),
            format,
            used: std::collections::BTreeSet::new(),
            written: 0,
        })
    }

    /// Writes one student's report as `<student>-<case>.<ext>`, the name on the form.
    fn write(
        &mut self,
        student: &str,
        case: Option<&Case>,
        card: &crate::engine::Scorecard,
        response: &str,
        form: &Form,
    ) -> Result<(), Error> {
        let (as_report, ext) = match self.format {
            FileFormat::Text => (ReportFormat::Text, "txt"),
            FileFormat::Json => (ReportFormat::Json, "json"),
            FileFormat::Markdown => (ReportFormat::Markdown, "md"),
            FileFormat::Html => (ReportFormat::Html, "html"),
            FileFormat::Pdf => (ReportFormat::Html, "pdf"),
        };
        let context = report::Context {
            case,
            student: Some(student),
            ..Default::default()
        };
        let mut bytes = Vec::new();
        render_report(as_report, &mut bytes, card, response, form, &context, false)
            .map_err(|e| io_error(e, "write", "a report"))?;
        let base = format!("{}-{}", file_safe(student), file_safe(&card.case_id));
        let mut stem = base.clone();
        let mut n = 2;
        while !self.used.insert(stem.clone()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        let path = self.dir.join(format!("{stem}.{ext}"));
        if self.format == FileFormat::Pdf {
            super::pdf::write(&bytes, &path)?;
        } else {
            crate::history::store::write_atomic(&path, &bytes).map_err(|source| Error::Io {
                action: "write",
                path: path.clone(),
                source,
            })?;
        }
        self.written += 1;
        Ok(())
    }
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
