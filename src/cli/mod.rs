//! The command line: clap types and the commands. The only module that prints or
//! picks exit codes.

mod agreement;
mod batch;
mod coverage;
mod drill;
mod help;
mod history;
mod judge_sheet;
mod list;
mod new;
mod pager;
mod pdf;
mod practice;
mod progress;
mod questions;
mod random;
mod response;
mod rubric;
mod schema;
mod score;
mod test;
mod validate;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::library::shipped;
use crate::load;
use crate::model::{Case, Form, RubricSet};
use crate::report::Style;
use crate::report::visible::{Visible, visible};

/// Exit status when a command ran but found problems (a file that fails to load,
/// an example answer out of its range).
pub const EXIT_FAILURE: u8 = 1;
/// Exit status for a command line that does not parse (clap's own).
pub const EXIT_USAGE: u8 = 2;

/// Rehearse DECA customer-relations role-plays offline: score a response against a
/// case's performance indicators, with every point explained.
#[derive(Debug, Parser)]
#[command(name = "roleplay", version, about, long_about = None, arg_required_else_help = true)]
pub struct Cli {
    /// When to colour: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        global = true,
        hide_possible_values = true,
        hide_default_value = true,
        display_order = 900
    )]
    pub color: ColorChoice,
    /// A folder of your own rubric files, added to the shipped indicators or replacing
    /// one with the same code (can be repeated); the data folder's rubrics/ is read too
    #[arg(long = "rubrics", value_name = "DIR", global = true)]
    pub rubrics: Vec<PathBuf>,
    /// The subcommand
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

/// Output formats for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report for the terminal
    Text,
    /// One JSON object, for scripts
    Json,
}

/// Output formats for a scored response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable report for the terminal
    Text,
    /// One JSON object, for scripts
    Json,
    /// Markdown, for a learning platform
    Markdown,
    /// One printable HTML page laid out like the evaluation form
    Html,
}

impl ReportFormat {
    /// The format a file name's extension names: `.txt`, `.md`, `.html`, `.json`;
    /// `None` for any other.
    pub fn for_path(path: &std::path::Path) -> Option<ReportFormat> {
        match extension(path).as_deref() {
            Some("html" | "htm") => Some(ReportFormat::Html),
            Some("md" | "markdown") => Some(ReportFormat::Markdown),
            Some("json") => Some(ReportFormat::Json),
            Some("txt" | "text") => Some(ReportFormat::Text),
            _ => None,
        }
    }
}

/// A file's extension, lower case.
fn extension(path: &std::path::Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Formats a report can be written to a file in: the report formats, and PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    /// A readable report for the terminal
    Text,
    /// One JSON object, for scripts
    Json,
    /// Markdown, for a learning platform
    Markdown,
    /// One printable HTML page laid out like the evaluation form
    Html,
    /// The HTML page printed to PDF by headless Chromium
    Pdf,
}

impl FileFormat {
    /// The format a file name's extension names, or an error that lists the known ones.
    pub fn for_path(path: &std::path::Path) -> Result<FileFormat, Error> {
        if extension(path).as_deref() == Some("pdf") {
            return Ok(FileFormat::Pdf);
        }
        ReportFormat::for_path(path)
            .map(FileFormat::from)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "cannot tell a format from the name {}: end it in .txt, .md, .html, .pdf or .json, or give --format",
                    path.display()
                ))
            })
    }
}

impl From<ReportFormat> for FileFormat {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Text => FileFormat::Text,
            ReportFormat::Json => FileFormat::Json,
            ReportFormat::Markdown => FileFormat::Markdown,
            ReportFormat::Html => FileFormat::Html,
        }
    }
}

/// Writes a scored response in any report format.
pub(crate) fn render_report(
    format: ReportFormat,
    out: &mut dyn Write,
    card: &crate::engine::Scorecard,
    response: &str,
    form: &Form,
    context: &crate::report::Context<'_>,
    color: bool,
) -> io::Result<()> {
    questions::render_with_extras(format, out, card, response, form, context, color, &[], None)
}

/// Options shared by commands that need cases.
#[derive(Debug, Clone, clap::Args)]
pub struct CaseFolders {
    /// A folder of your own case files (can be repeated); ROLEPLAY_CASES and the data folder's cases/ are read too
    #[arg(long = "cases", value_name = "DIR")]
    pub folders: Vec<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rehearse a role-play: read the case, prepare, present, answer the judge, see your score
    Practice(practice::PracticeArgs),
    /// Score a response to a case
    Score(score::ScoreArgs),
    /// The judge's questions for a written response: the case's own, then follow-ups on what it missed
    Questions(questions::QuestionsArgs),
    /// List your saved attempts
    History(history::HistoryArgs),
    /// Show a saved attempt again, with its feedback
    ShowAttempt(history::ShowAttemptArgs),
    /// Write a saved attempt's report: HTML to print, Markdown, JSON or text
    Report(history::ReportArgs),
    /// Your progress per indicator, and what to work on next
    Progress(progress::ProgressArgs),
    /// Flashcards of the indicators: learn, test, review (spaced repetition) or match
    Drill(drill::DrillArgs),
    /// List the cases, filtered by indicator, event area or words
    List(list::ListArgs),
    /// Show a case: the situation, the roles and the indicators it tests
    Show(list::ShowArgs),
    /// Show the performance indicators: definitions, tips and what judges listen for
    Rubric(rubric::RubricArgs),
    /// Score every case's example answers and report those outside their expected rating
    Test(test::TestArgs),
    /// Score a whole class: a folder of responses, or a CSV or JSONL file
    Batch(batch::BatchArgs),
    /// Check case files: every error with its line and column, and warnings
    Validate(validate::ValidateArgs),
    /// Which indicators the cases test, how often, and the gaps
    Coverage(coverage::CoverageArgs),
    /// How far the engine is from a judge's marks on a folder of cases and responses
    Agreement(agreement::AgreementArgs),
    /// Write a new, commented case file to fill in
    New(new::NewArgs),
    /// Print the JSON Schema of case or rubric files, for editor completion
    Schema(schema::SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(help::CompletionsArgs),
    /// Print the manual page (roff), for `man`
    Man,
}

impl Command {
    /// Whether the command writes data for programs (JSON, CSV, JSON Lines) to standard
    /// output rather than text for people.
    fn writes_data(&self) -> bool {
        let report = |format: ReportFormat| format == ReportFormat::Json;
        match self {
            Command::Score(a) => report(a.format),
            Command::Questions(a) => a.format == Format::Json,
            Command::ShowAttempt(a) => report(a.format),
            Command::Report(a) => a.output.is_none() && a.format == Some(FileFormat::Json),
            Command::History(a) => a.format == Format::Json,
            Command::Progress(a) => a.format == progress::ProgressFormat::Json,
            Command::List(a) => a.format == Format::Json,
            Command::Show(a) => a.format == Format::Json,
            Command::Agreement(a) => a.format == Format::Json,
            Command::Batch(_) | Command::Schema(_) | Command::Completions(_) | Command::Man => true,
            _ => false,
        }
    }
}

/// Parses the command line, runs the command, and turns the outcome into an exit code.
pub fn run() -> ExitCode {
    use clap::FromArgMatches;
    let matches = help::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let color = use_color(cli.color);
    let rubric_folders = crate::library::coach_rubrics::folders(&cli.rubrics);
    let validating = matches!(cli.command, Command::Validate(_));
    if let Err(e) = add_coach_rubrics(&rubric_folders, validating) {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("error: {e}");
        }
        return ExitCode::from(EXIT_FAILURE);
    }
    // Text for people shows control characters visibly; JSON, CSV and the like are
    // left exact (their own escaping applies, and byte offsets must hold).
    let mut shown;
    let mut exact;
    let stdout: &mut dyn Write = if cli.command.writes_data() {
        exact = PipeSafe::new(io::stdout().lock());
        &mut exact
    } else {
        shown = PipeSafe::new(Visible::new(io::stdout().lock(), color));
        &mut shown
    };
    let outcome = match cli.command {
        Command::Practice(args) => practice::run(args, stdout, color),
        Command::Score(args) => score::run(args, stdout, color),
        Command::Questions(args) => questions::run(args, stdout),
        Command::History(args) => history::run_history(args, stdout),
        Command::ShowAttempt(args) => history::run_show_attempt(args, stdout, color),
        Command::Report(args) => history::run_report(args, stdout, color),
        Command::Progress(args) => progress::run(args, stdout, color),
        Command::Drill(args) => drill::run(args, stdout),
        Command::List(args) => list::run_list(args, stdout, color),
        Command::Show(args) => list::run_show(args, stdout, color),
        Command::Rubric(args) => rubric::run(args, stdout, color),
        Command::Test(args) => test::run(args, stdout),
        Command::Batch(args) => batch::run(args, stdout),
        Command::Validate(args) => validate::run(args, &rubric_folders, stdout),
        Command::Coverage(args) => coverage::run(args, stdout, color),
        Command::Agreement(args) => agreement::run(args, stdout, color),
        Command::New(args) => new::run(args, stdout),
        Command::Schema(args) => schema::run(args, stdout),
        Command::Completions(args) => help::run_completions(args, stdout),
        Command::Man => help::run_man(stdout),
    };
    let outcome = outcome.and_then(|code| {
        stdout
            .flush()
            .map(|_| code)
            .map_err(|e| io_error(e, "write", "standard output"))
    });
    match outcome {
        Ok(code) => code,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {}", visible(&e.to_string()));
            }
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Loads the coach's rubric folders and puts their rubrics in force for the run. A file
/// that does not load is skipped with a warning (`validate` reports it as an error).
fn add_coach_rubrics(folders: &[PathBuf], quiet: bool) -> Result<(), Error> {
    if folders.is_empty() {
        return Ok(());
    }
    let (extra, problems) = crate::library::coach_rubrics::load(folders)?;
    if !quiet {
        for problem in &problems {
            warn(&format!(
                "skipping a rubric that cannot be loaded (`roleplay validate` shows every problem):\n{problem}"
            ));
        }
    }
    if extra.is_empty() {
        return Ok(());
    }
    shipped::add_coach_rubrics(extra)
}

/// Standard output that treats a reader who stopped reading (`| head`, `| true`) as
/// the end of the output: later writes are dropped instead of failing, so a command
/// still saves what it must and exits with its own status.
struct PipeSafe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> PipeSafe<W> {
    fn new(inner: W) -> Self {
        PipeSafe {
            inner,
            closed: false,
        }
    }

    fn absorb<T>(&mut self, result: io::Result<T>, fallback: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(fallback)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for PipeSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.absorb(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb(result, ())
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // NO_COLOR, CLICOLOR(_FORCE), TERM and whether standard output is a terminal,
        // read as clap reads them for its own help.
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// The terminal's width, or 80 when output is not a terminal.
fn style(color: bool) -> Style {
    let width = if io::stdout().is_terminal() {
        terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0))
    } else {
        80
    };
    Style { width, color }
}

fn io_error(source: io::Error, action: &'static str, what: &str) -> Error {
    Error::Io {
        action,
        path: PathBuf::from(what),
        source,
    }
}

/// The shipped rubrics, and the form from `--form` or the shipped default.
fn rubrics_and_form(form: Option<&PathBuf>) -> Result<(&'static RubricSet, Form), Error> {
    let rubrics = shipped::rubrics()?;
    let form = match form {
        Some(path) => load::form_from_file(path)?,
        None => shipped::default_form()?.clone(),
    };
    Ok((rubrics, form))
}

/// The form `case` is scored on: the `--form` file when one was given (`given` is
/// then the loaded file), else the form the case names, else the shipped default.
fn form_for(case: &Case, explicit: bool, given: &Form) -> Result<Form, Error> {
    if explicit {
        return Ok(given.clone());
    }
    Ok(shipped::form_for(case)?.clone())
}

/// Folders from `--cases`, the ROLEPLAY_CASES variable (separated like PATH), and
/// `cases/` in the data folder when it exists, in that order.
fn case_folders(args: &CaseFolders) -> Vec<PathBuf> {
    let mut folders = args.folders.clone();
    if let Some(paths) = std::env::var_os("ROLEPLAY_CASES") {
        folders.extend(std::env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()));
    }
    if let Some(own) =
        crate::library::paths::cases_folder().filter(|p| p.is_dir() && !folders.contains(p))
    {
        folders.push(own);
    }
    folders
}

/// Loads the catalog and warns about files that failed to load and shared ids.
fn catalog(
    args: &CaseFolders,
    rubrics: &RubricSet,
) -> Result<crate::library::catalog::Catalog, Error> {
    let catalog = crate::library::catalog::Catalog::load(&case_folders(args), rubrics)?;
    for problem in &catalog.problems {
        warn(&format!(
            "skipping a case that cannot be loaded:\n{problem}"
        ));
    }
    for d in &catalog.duplicates {
        warn(&format!(
            "two cases have the id `{}`: using {}, ignoring {}",
            d.id,
            crate::library::catalog::describe(&d.kept),
            crate::library::catalog::describe(&d.ignored)
        ));
    }
    Ok(catalog)
}

/// Writes a warning line to standard error.
fn warn(message: &str) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("warning: {}", visible(message));
    }
}
