//! `roleplay score`: score a response file (or standard input) against a case.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::response::read_response;
use super::{CaseFolders, ReportFormat, case_folders, io_error, warn};
use crate::engine::{Scorecard, Scorer};
use crate::error::Error;
use crate::library::catalog::{Catalog, describe, names_file};
use crate::library::shipped;
use crate::model::{Answer, Case, Form, RubricSet};
use crate::report;
use crate::transcript::delivery::Delivery;

/// Arguments of `roleplay score`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when the response was scored (an empty response scores 0), 1 when the case or the response cannot be read, 2 for a bad command line."
)]
pub struct ScoreArgs {
    /// The case: a path to a case file, or the id of a known case
    #[arg(long, value_name = "CASE")]
    pub case: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// An evaluation form file to score against instead of the shipped DECA form
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    #[command(flatten)]
    pub folders: CaseFolders,
    /// Also save the scored response in your history
    #[arg(long)]
    pub save: bool,
    /// The student's name, printed on the form and kept in the history with --save
    #[arg(long, value_name = "NAME")]
    pub student: Option<String>,
    /// Score one of the case's own example answers (such as `strong` or `weak`) instead of a file
    #[arg(long, value_name = "NAME", conflicts_with = "response")]
    pub example: Option<String>,
    /// Answers to the questions `roleplay questions` prints for this response (the
    /// judge's, then the follow-ups), one per question, separated by blank lines
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// How many follow-up questions the answers file answers (as given to `roleplay questions`)
    #[arg(long = "follow-ups", value_name = "N", default_value_t = crate::followup::DEFAULT_COUNT, requires = "answers")]
    pub follow_ups: usize,
    /// A spoken transcript to score instead of a typed response: plain text, SRT or
    /// WebVTT; timestamps and speaker labels are stripped, and the report adds a
    /// delivery section
    #[arg(long, value_name = "FILE", conflicts_with_all = ["response", "example"])]
    pub transcript: Option<PathBuf>,
    /// The response: a text file, or - for standard input
    #[arg(value_name = "RESPONSE", required_unless_present_any = ["example", "transcript"])]
    pub response: Option<PathBuf>,
}

pub(super) fn run(args: ScoreArgs, out: &mut dyn Write, color: bool) -> Result<ExitCode, Error> {
    // The engine's tables are built on the other core while the case is read.
    std::thread::spawn(crate::engine::warm_up);
    let given_form = args
        .form
        .as_ref()
        .map(|path| crate::load::form_from_file(path))
        .transpose()?;
    let (case, rubrics) = case_and_rubrics(&args)?;
    let rubrics = rubrics.as_ref();
    let form = match given_form {
        Some(form) => form,
        None => shipped::form_for(&case)?.clone(),
    };
    let (response, delivery) = response(&args, &case, &form)?;
    let card = Scorer::new(&case, rubrics, &form)?.score(&response);
    // Saved as the response, apart from the answers (as practice saves it): the
    // scored text below holds both.
    let presentation = response.clone();
    let (card, response, answers, asked) = match &args.answers {
        Some(path) => {
            let a = super::questions::score_answers(
                &case,
                rubrics,
                &form,
                &response,
                path,
                args.follow_ups,
            )?;
            (a.card, a.text, a.answers, a.asked)
        }
        None => (card, response, vec![], vec![]),
    };
    // Saved before the report is written: a reader that stops early loses nothing.
    if args.save {
        let texts = (presentation.as_str(), response.as_str());
        save(&args, &case, (&card, &form), texts, &answers, &asked)?;
    }
    let context = report::Context {
        case: Some(&case),
        student: args.student.as_deref(),
        answers: &answers,
        ..Default::default()
    };
    let render = |out: &mut dyn Write| {
        super::questions::render_with_extras(
            args.format,
            out,
            &card,
            &response,
            &form,
            &context,
            color,
            &asked,
            delivery.as_ref(),
        )
    };
    let written = match (&args.student, args.format) {
        (Some(student), ReportFormat::Text) => {
            writeln!(out, "Student: {student}").and_then(|_| render(out))
        }
        // The contract's keys, and the student's name as an extra, optional one.
        (Some(student), ReportFormat::Json) => {
            let mut value = report::json::value(&card, &response);
            if let Some(object) = value.as_object_mut() {
                object.insert("student".into(), student.clone().into());
            }
            super::questions::add_json(&mut value, &asked, delivery.as_ref());
            serde_json::to_writer_pretty(&mut *out, &value)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        _ => render(out),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// The case `--case` names and the rubrics to score it against. A shipped case asked
/// for by id, in a run with no coach's folder, is read alone with its own rubrics
/// ([`shipped::rubrics_for`]); otherwise every folder and rubric is read, and a case
/// that shares its id with another is named in a warning.
fn case_and_rubrics(args: &ScoreArgs) -> Result<(Case, Cow<'static, RubricSet>), Error> {
    let folders = case_folders(&args.folders);
    if folders.is_empty()
        && !names_file(&args.case)
        && let Some(Ok(case)) = shipped::case(&args.case)
    {
        let rubrics = shipped::rubrics_for(&case)?;
        return Ok((case, rubrics));
    }
    let rubrics = shipped::rubrics()?;
    let catalog = Catalog::load_for(&folders, rubrics, &args.case)?;
    let case = catalog.resolve(&args.case, rubrics)?;
    for d in catalog.duplicates.iter().filter(|d| d.id == case.id) {
        warn(&format!(
            "two cases have the id `{}`: using {}, ignoring {}",
            d.id,
            describe(&d.kept),
            describe(&d.ignored)
        ));
    }
    Ok((case, Cow::Borrowed(rubrics)))
}

/// The words to score: a transcript's (with its delivery figures), a case's example,
/// or a file's.
fn response(
    args: &ScoreArgs,
    case: &Case,
    form: &Form,
) -> Result<(String, Option<Delivery>), Error> {
    let mut delivery = None;
    let response = match (&args.example, &args.response) {
        _ if args.transcript.is_some() => {
            let path = args
                .transcript
                .as_ref()
                .map_or_else(PathBuf::new, PathBuf::clone);
            let transcript = crate::transcript::parse(&read_response(&path)?);
            let minutes = form.timing.map_or(10, |t| t.present);
            delivery = Some(crate::transcript::delivery::measure(&transcript, minutes));
            transcript.text()
        }
        (Some(name), _) => super::list::example(case, name)?.response.clone(),
        (None, Some(path)) => read_response(path)?,
        (None, None) => {
            return Err(Error::Usage(
                "give a response file, - for standard input, --transcript FILE or --example NAME"
                    .into(),
            ));
        }
    };
    Ok((response, delivery))
}

/// Saves the scored response in the history and says under which number.
fn save(
    args: &ScoreArgs,
    case: &Case,
    (card, form): (&Scorecard, &Form),
    (presentation, text): (&str, &str),
    answers: &[Answer],
    asked: &[crate::followup::Asked],
) -> Result<(), Error> {
    use crate::history::store::{NewAttempt, Origin, StoredScore, attempt};
    let now = attempt::now();
    let id = super::history::open()?.save(&NewAttempt {
        case_id: &case.id,
        case_title: &case.title,
        started_at: now,
        finished_at: now,
        origin: Origin::Score,
        response: presentation,
        answers,
        // With the follow-ups asked, as practice keeps them: the next attempt's
        // follow-ups are worded apart from these.
        score: &StoredScore::new(card, text, form, asked),
        student: args.student.as_deref(),
    })?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("Saved as attempt {id}.");
    }
    Ok(())
}
