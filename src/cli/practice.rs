//! `roleplay practice`: read a case, prepare against the clock, present, answer the
//! judge's questions, and see the scored feedback. Every line is saved as it is typed.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect};

use super::history::open as open_history;
use super::list::write_case;
use super::{CaseFolders, catalog, form_for, io_error, rubrics_and_form, style};
use crate::engine::Scorer;
use crate::error::Error;
use crate::history::progress;
use crate::history::store::{Draft, NewAttempt, draft};
use crate::library::catalog::Catalog;
use crate::library::paths;
use crate::model::{Case, CaseSource, Code, RubricSet};
use crate::practice::session::keyboard::{CrLf, Terminal};
use crate::practice::session::{self, Outcome, Surroundings};
use crate::report::{self, Context, view::View};

/// Arguments of `roleplay practice`.
#[derive(Debug, clap::Args)]
pub struct PracticeArgs {
    /// The case to practise (an id or a file); without one, pick from a list
    #[arg(value_name = "CASE")]
    pub case: Option<String>,
    /// Pick a case at random
    #[arg(long, conflicts_with = "case")]
    pub random: bool,
    /// Offer only cases that test this indicator (repeatable)
    #[arg(long = "indicator", short = 'i', value_name = "CODE")]
    pub indicators: Vec<String>,
    /// Time to prepare: minutes (`10`), or `90s`, `1.5m`, `7m30s`; 0 skips the prep.
    /// The event's own by default: 10 minutes, or 30 for a team event
    #[arg(long, value_name = "TIME", value_parser = session::parse_duration)]
    pub prep: Option<Duration>,
    /// Time to present: minutes (`10`), or `90s`, `1.5m`, `7m30s`. The event's own by
    /// default: 10 minutes, or 15 for a team event
    #[arg(long = "time", value_name = "TIME", value_parser = session::parse_duration)]
    pub time: Option<Duration>,
    /// Your name, printed on the form and kept in your history
    #[arg(long, value_name = "NAME")]
    pub student: Option<String>,
    /// Type the presentation in $VISUAL or $EDITOR instead of the terminal
    #[arg(long)]
    pub editor: bool,
    /// An evaluation form file to score against instead of the shipped DECA form
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    #[command(flatten)]
    pub folders: CaseFolders,
    /// Follow-up questions the judge asks after the fixed ones, aimed at what your
    /// answer missed (0 turns them off)
    #[arg(long = "follow-ups", value_name = "N", default_value_t = crate::followup::DEFAULT_COUNT)]
    pub follow_ups: usize,
    /// Read the case and the judge's questions aloud with espeak-ng (Debian package
    /// espeak-ng), to rehearse as the role-play is held: spoken
    #[arg(long)]
    pub speak: bool,
    /// With --speak, write each spoken line to a WAV file in this folder instead of playing it
    #[arg(long, value_name = "DIR", requires = "speak")]
    pub speak_to: Option<PathBuf>,
}

struct Files {
    draft: PathBuf,
    home: PathBuf,
    /// Whether the last save failed; the lines are still in memory.
    failing: bool,
    /// The voice of `--speak`, when espeak-ng is there.
    voice: Option<crate::speak::Voice>,
}

impl Surroundings for Files {
    /// A failed save (a full disk) does not end the session: the lines stay in memory,
    /// the student is told once, and every later line tries again.
    fn save(&mut self, draft: &Draft) -> Result<(), Error> {
        match draft.save(&self.draft) {
            Ok(()) if self.failing => {
                self.failing = false;
                super::warn("your draft is saved again; nothing was lost");
            }
            Ok(()) => {}
            Err(e) if !self.failing => {
                self.failing = true;
                let full = matches!(&e, Error::Io { source, .. } if source.kind() == io::ErrorKind::StorageFull);
                let what = if full {
                    "the disk is full"
                } else {
                    "the draft cannot be written"
                };
                super::warn(&format!(
                    "{what} ({e}). Your lines are kept here: free some space and go on typing; each line tries to save again"
                ));
            }
            Err(_) => {}
        }
        Ok(())
    }

    fn asked(&mut self, question: &str) {
        super::rehearse::say(&mut self.voice, question);
    }

    fn edit(&mut self, text: &str) -> Option<String> {
        // The editor gets the terminal as it expects it, and the session's keys after.
        let raw = crossterm::terminal::is_raw_mode_enabled().unwrap_or(false);
        if raw {
            let _ = crossterm::terminal::disable_raw_mode();
        }
        let edited = edit_in_editor(&self.home, text);
        if raw {
            let _ = crossterm::terminal::enable_raw_mode();
        }
        edited
    }
}

pub(super) fn run(args: PracticeArgs, out: &mut dyn Write, color: bool) -> Result<ExitCode, Error> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Error::Usage(
            "`roleplay practice` needs a terminal to type in. To score a response you have written, run \
             `roleplay score --case CASE FILE` (add --save to keep it in your history)."
                .into(),
        ));
    }
    let home = paths::home().ok_or_else(|| {
        Error::Usage(format!(
            "no data folder could be found; set {} to a folder",
            paths::HOME_VAR
        ))
    })?;
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    // Practice goes on without history when it cannot be opened: the draft keeps the words.
    let history = open_history()
        .inspect_err(|e| {
            super::warn(&format!(
                "{e}\nPractising without history: this attempt stays in the draft file."
            ))
        })
        .ok();
    let catalog = catalog(&args.folders, rubrics)?;
    let draft_path = draft::default_path(&home);
    on_ctrl_c(draft_path.clone());
    let io = |e| io_error(e, "write", "the terminal");
    let theme = ColorfulTheme::default();

    let mut resumed = None;
    let old = match Draft::load(&draft_path) {
        Err(e @ Error::DraftSetAside { .. }) => {
            super::warn(&format!("{e}; starting a new practice"));
            None
        }
        other => other?,
    };
    if let Some(old) = old {
        let lines = old.response.len() + old.answers.len() + old.answer_lines.len();
        let resume = Confirm::with_theme(&theme)
            .with_prompt(format!(
                "You have an unfinished practice of `{}` ({lines} line(s), started {}). Resume it?",
                old.case_id,
                paths::local_time(&old.started_at)
            ))
            .default(true)
            .interact()
            .map_err(|e| prompt_failed(e, &draft_path))?;
        if resume {
            resumed = Some(old);
        } else {
            let kept = home.join("drafts").join(format!(
                "{}-{}.json",
                old.case_id,
                old.started_at.replace(':', "-")
            ));
            old.save(&kept)?;
            Draft::discard(&draft_path)?;
            writeln!(out, "The old draft is kept in {}.", kept.display()).map_err(io)?;
        }
    }

    let (case, mut draft) = match resumed {
        Some(draft) => {
            let case = match &draft.case_path {
                Some(path) => crate::load::case_from_file(path, rubrics)?,
                None => catalog.resolve(&draft.case_id, rubrics)?,
            };
            writeln!(
                out,
                "\nResuming `{}` (type /case to read the case again).",
                case.title
            )
            .map_err(io)?;
            (case, draft)
        }
        None => {
            let case = choose(
                &args,
                &catalog,
                rubrics,
                history.as_ref(),
                &form,
                &theme,
                &draft_path,
            )?;
            let path = match &case.source {
                CaseSource::File(path) => Some(path.clone()),
                CaseSource::Shipped(_) => None,
            };
            let draft = Draft::new(
                &case.id,
                path,
                humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            );
            (case, draft)
        }
    };
    let mut case_text = Vec::new();
    write_case(&mut case_text, &case, rubrics, false, style(color).width).map_err(io)?;
    let case_text = String::from_utf8_lossy(&case_text).into_owned();
    if draft.stage == draft::Stage::Prep && draft.prep_seconds == 0 {
        writeln!(out, "\n{}", case_text.trim_end()).map_err(io)?;
    }
    let mut files = Files {
        draft: draft_path.clone(),
        home: home.clone(),
        failing: false,
        voice: super::rehearse::voice(&args),
    };
    if draft.stage == draft::Stage::Prep && draft.prep_seconds == 0 {
        super::rehearse::say(&mut files.voice, &case.situation);
    }
    files.save(&draft)?;
    if args.editor && draft.response.is_empty() {
        match files.edit("") {
            Some(text) => draft.response = text.trim_end().lines().map(str::to_string).collect(),
            None => writeln!(
                out,
                "(no editor could be opened: set EDITOR; type here instead)"
            )
            .map_err(io)?,
        }
    }
    let form = form_for(&case, args.form.is_some(), &form)?;
    let minutes = |given: Option<Duration>, event: Option<u64>| {
        given.unwrap_or_else(|| Duration::from_secs(60 * event.unwrap_or(10)))
    };
    let setup = session::Setup {
        questions: &case.judge_questions,
        prep: minutes(args.prep, form.timing.map(|t| t.prep)),
        time: minutes(args.time, form.timing.map(|t| t.present)),
        case_text: &case_text,
    };
    let outcome = {
        let mut keys = Terminal::new().map_err(|e| io_error(e, "use", "the terminal"))?;
        session::run(
            &mut draft,
            &setup,
            &mut keys,
            &mut CrLf(&mut *out),
            &mut files,
        )?
    };
    let finished = match outcome {
        Outcome::Finished(finished) => finished,
        Outcome::Stopped => {
            writeln!(
                out,
                "\nStopped. Your draft is saved in {}: every line you typed, and the clock.\n\
                 Run `roleplay practice` to resume where you left off.",
                draft_path.display()
            )
            .map_err(io)?;
            return Ok(ExitCode::from(130));
        }
    };

    let text = finished.scored_text();
    let scorer = Scorer::new(&case, rubrics, &form)?;
    let card = finished.score(&scorer, &case.judge_questions);
    let (card, asked) = super::rehearse::follow_up(
        &args,
        &case,
        (rubrics, &form, &scorer),
        card,
        &case_text,
        out,
        files.voice.as_mut(),
    )?;
    let Some(history) = history else {
        writeln!(out).map_err(io)?;
        let view = View::new(&card, &text, &form, Context::default()).with_follow_ups(&asked);
        report::text::write(out, &view, style(color)).map_err(io)?;
        writeln!(
            out,
            "\nNot saved in your history (it cannot be opened); your words stay in {}.",
            draft_path.display()
        )
        .map_err(io)?;
        return Ok(ExitCode::from(super::EXIT_FAILURE));
    };
    let id = history.save(&NewAttempt {
        case_id: &case.id,
        case_title: &case.title,
        started_at: draft.started_at.clone(),
        finished_at: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        origin: "practice",
        response: &finished.response,
        answers: &finished.answers,
        total: card.total,
        rating: card.rating.key(),
        scorecard: super::rehearse::with_follow_ups(&card, &asked)?,
        student: args.student.as_deref(),
    })?;
    SAVED.store(id, std::sync::atomic::Ordering::SeqCst);
    Draft::discard(&draft_path)?;
    writeln!(out).map_err(io)?;
    let view = View::new(&card, &text, &form, Context::default()).with_follow_ups(&asked);
    report::summary::write(out, &card, &form, id, style(color)).map_err(io)?;
    report::text::write_follow_ups(out, &view).map_err(io)?;
    let full = Confirm::with_theme(&theme)
        .with_prompt("Read the full feedback now?")
        .default(true)
        .interact()
        .map_err(|e| prompt_failed(e, &draft_path))?;
    if full {
        let mut feedback = Vec::new();
        report::text::write(&mut feedback, &view, style(color)).map_err(io)?;
        super::pager::page(out, &feedback).map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The attempt saved by this session, once it is: what Ctrl-C after that reports.
static SAVED: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// Ctrl-C in a prompt (the picker, the resume question) raises SIGINT; the session
/// itself reads Ctrl-C as a key. Either way the student hears what was kept.
fn on_ctrl_c(draft_path: PathBuf) {
    let _ = ctrlc::set_handler(move || stop(&draft_path));
}

/// Says what was kept and ends the process as Ctrl-C does (status 130). Called from
/// the signal handler and from a prompt that the signal interrupted; says it once.
fn stop(draft_path: &Path) -> ! {
    static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STOPPING.swap(true, std::sync::atomic::Ordering::SeqCst) {
        // The other caller is saying it; wait for it to end the process.
        std::thread::sleep(Duration::from_secs(5));
        std::process::exit(130);
    }
    let _ = crossterm::terminal::disable_raw_mode();
    #[allow(clippy::print_stderr)]
    {
        // Show the cursor the prompt may have hidden.
        eprint!("\x1b[?25h\r\n");
        let saved = SAVED.load(std::sync::atomic::Ordering::SeqCst);
        if saved > 0 {
            eprintln!(
                "Stopped. Your attempt is saved as {saved}: `roleplay show-attempt {saved}` shows it."
            );
        } else if draft_path.exists() {
            eprintln!(
                "Stopped. Your draft is saved in {}.\nRun `roleplay practice` to resume where you left off.",
                draft_path.display()
            );
        } else {
            eprintln!("Stopped before a practice began; nothing was saved.");
        }
    }
    std::process::exit(130);
}

/// A prompt's failure: Ctrl-C stops as above, anything else is an error.
fn prompt_failed(e: dialoguer::Error, draft_path: &Path) -> Error {
    let dialoguer::Error::IO(io_error) = &e;
    if io_error.kind() == io::ErrorKind::Interrupted {
        stop(draft_path);
    }
    Error::Usage(e.to_string())
}

/// The case to practise: named, random, or picked from a fuzzy list.
fn choose(
    args: &PracticeArgs,
    catalog: &Catalog,
    rubrics: &RubricSet,
    history: Option<&crate::history::store::History>,
    form: &crate::model::Form,
    theme: &ColorfulTheme,
    draft_path: &Path,
) -> Result<Case, Error> {
    if let Some(name) = &args.case {
        return catalog.resolve(name, rubrics);
    }
    let wanted: Vec<Code> = args
        .indicators
        .iter()
        .filter_map(|t| Code::parse_lenient(t))
        .collect();
    let mut cases: Vec<&Case> = catalog
        .cases
        .iter()
        .filter(|c| wanted.iter().all(|w| c.indicators.contains(w)))
        .collect();
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    if cases.is_empty() {
        return Err(Error::Usage(
            "no case tests all of those indicators; `roleplay list` shows the cases".into(),
        ));
    }
    if args.random {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        return Ok(cases[nanos as usize % cases.len()].clone());
    }
    let attempts = match history {
        Some(history) => {
            let attempts = history.list(None)?;
            super::history::warn_skipped(history);
            attempts
        }
        None => Vec::new(),
    };
    let records = progress::indicator_records(&attempts, form)?;
    let weakest = progress::weakest(&records).first().map(|r| r.code.clone());
    let mut items: Vec<String> = Vec::new();
    if let Some(code) = &weakest {
        let title = catalog_title(rubrics, code);
        items.push(format!("Focus on my weakest indicator: {title} ({code})"));
    }
    let width = terminal_size::terminal_size()
        .map_or(80, |(w, _)| usize::from(w.0))
        .clamp(40, 160)
        - 4;
    // The title first (what a student recognises), then the id; fitted by display width.
    items.extend(cases.iter().map(|c| {
        let area = c
            .area
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        report::text::fit(&format!("{}  ({}{area})", c.title, c.id), width)
    }));
    let picked = FuzzySelect::with_theme(theme)
        .with_prompt("Pick a case (type to search: words, an area or a code such as CR:017)")
        .items(&items)
        .default(0)
        .max_length(12)
        .interact()
        .map_err(|e| prompt_failed(e, draft_path))?;
    match (&weakest, picked) {
        (Some(code), 0) => {
            // The case testing that indicator that was practised least.
            let tried = |c: &Case| attempts.iter().filter(|a| a.case_id == c.id).count();
            cases
                .iter()
                .filter(|c| c.indicators.contains(code))
                .min_by_key(|c| (tried(c), c.id.clone()))
                .map(|c| (*c).clone())
                .ok_or_else(|| Error::Usage(format!("no case tests {code}")))
        }
        (Some(_), n) => Ok(cases[n - 1].clone()),
        (None, n) => Ok(cases[n].clone()),
    }
}

/// An indicator's title, for a student who does not know the codes.
fn catalog_title<'r>(rubrics: &'r RubricSet, code: &Code) -> &'r str {
    rubrics.get(code).map_or("", |r| r.title.as_str())
}

/// Opens `text` in $VISUAL or $EDITOR and returns what was saved.
fn edit_in_editor(home: &Path, text: &str) -> Option<String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        })?;
    let path = home.join("presentation.txt");
    crate::history::store::write_atomic(&path, text.as_bytes()).ok()?;
    let mut words = editor.split_whitespace();
    let program = words.next()?;
    let status = std::process::Command::new(program)
        .args(words)
        .arg(&path)
        .status()
        .ok()?;
    if !status.success() {
        return None;
    }
    std::fs::read_to_string(&path).ok()
}
