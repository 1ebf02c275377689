//! `roleplay practice`: read a case, prepare against the clock, present, answer the
//! judge's questions, and see the scored feedback. Every line is saved as it is typed.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use dialoguer::Confirm;
use dialoguer::theme::ColorfulTheme;

use super::history::open as open_history;
use super::list::write_case;
use super::{CaseFolders, catalog, form_for, io_error, rubrics_and_form, style};
use crate::engine::{Scorecard, Scorer};
use crate::error::Error;
use crate::followup::Asked;
use crate::history::store::{Draft, History, NewAttempt, Origin, StoredScore, attempt, draft};
use crate::library::catalog::Catalog;
use crate::library::paths;
use crate::model::{Case, CaseSource, Form, RubricSet};
use crate::practice::session::keyboard::{CrLf, Terminal};
use crate::practice::session::{self, Finished, Outcome, Surroundings};
use crate::report::{self, Context, view::View};

mod files;
mod pick;
mod rehearse;
mod stop;

use files::Files;
use stop::{SAVED, on_ctrl_c, prompt_failed};

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

/// What every step of a practice shares: the arguments, the rubrics, the draft's
/// place, the prompts' look and whether to colour.
struct Practice<'a> {
    args: &'a PracticeArgs,
    rubrics: &'static RubricSet,
    home: PathBuf,
    draft_path: PathBuf,
    theme: ColorfulTheme,
    color: bool,
}

pub(super) fn run(args: PracticeArgs, out: &mut dyn Write, color: bool) -> Result<ExitCode, Error> {
    let home = ready()?;
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
    let p = Practice {
        args: &args,
        rubrics,
        home,
        draft_path,
        theme: ColorfulTheme::default(),
        color,
    };
    let (case, mut draft) = match p.resume_or_set_aside(out)? {
        Some(draft) => p.resume(draft, &catalog, out)?,
        None => p.start(&catalog, history.as_ref())?,
    };
    let mut case_text = Vec::new();
    write_case(&mut case_text, &case, rubrics, false, style(color).width).map_err(io)?;
    let case_text = String::from_utf8_lossy(&case_text).into_owned();
    let mut files = p.introduce(&case, &case_text, &mut draft, out)?;
    let form = form_for(&case, args.form.is_some(), &form)?;
    let Some(finished) = p.present(&case, &case_text, &form, &mut draft, &mut files, out)? else {
        return stopped(out, &p.draft_path);
    };
    let scorer = Scorer::new(&case, rubrics, &form)?;
    let card = finished.score(&scorer, &case.judge_questions);
    let Some((card, asked)) = rehearse::follow_up(
        args.follow_ups,
        &case,
        (rubrics, &form, &scorer),
        card,
        &case_text,
        out,
        (&mut draft, &mut files),
    )?
    else {
        return stopped(out, &p.draft_path);
    };
    let scored = Scored {
        case: &case,
        form: &form,
        card: &card,
        asked: &asked,
        text: finished.scored_text(),
    };
    match history {
        Some(history) => p.save_and_show(&history, &scored, &finished, &draft, out),
        None => p.show_unsaved(&scored, out),
    }
}

/// Ctrl-C in the session (the presentation, a question or a follow-up): the draft
/// is saved, and the student hears where and how to go on.
fn stopped(out: &mut dyn Write, draft_path: &std::path::Path) -> Result<ExitCode, Error> {
    writeln!(
        out,
        "\nStopped. Your draft is saved in {}: every line you typed, and the clock.\n\
         Run `roleplay practice` to resume where you left off.",
        draft_path.display()
    )
    .map_err(io)?;
    Ok(ExitCode::from(130))
}

/// The error for a failed write to the terminal.
fn io(e: io::Error) -> Error {
    io_error(e, "write", "the terminal")
}

/// The data folder, once the session knows it has a terminal to type in.
fn ready() -> Result<PathBuf, Error> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Error::Usage(
            "`roleplay practice` needs a terminal to type in. To score a response you have written, run \
             `roleplay score --case CASE FILE` (add --save to keep it in your history)."
                .into(),
        ));
    }
    paths::home().ok_or_else(|| {
        Error::Usage(format!(
            "no data folder could be found; set {} to a folder",
            paths::HOME_VAR
        ))
    })
}

/// A scored attempt, ready to save and show.
struct Scored<'a> {
    case: &'a Case,
    form: &'a Form,
    card: &'a Scorecard,
    asked: &'a [Asked],
    text: String,
}

impl Scored<'_> {
    fn view(&self) -> View<'_> {
        View::new(self.card, &self.text, self.form, Context::default()).with_follow_ups(self.asked)
    }
}

impl Practice<'_> {
    /// An unfinished practice, when the student wants to resume it; one they do not is
    /// kept under drafts/ and the slot is freed.
    fn resume_or_set_aside(&self, out: &mut dyn Write) -> Result<Option<Draft>, Error> {
        let old = match Draft::load(&self.draft_path) {
            Err(e @ Error::DraftSetAside { .. }) => {
                super::warn(&format!("{e}; starting a new practice"));
                None
            }
            other => other?,
        };
        let Some(old) = old else {
            return Ok(None);
        };
        let lines = old.typed_lines();
        let resume = Confirm::with_theme(&self.theme)
            .with_prompt(format!(
                "You have an unfinished practice of `{}` ({lines} line(s), started {}). Resume it?",
                old.case_id,
                paths::local_time(&old.started_at)
            ))
            .default(true)
            .interact()
            .map_err(|e| prompt_failed(e, &self.draft_path))?;
        if resume {
            return Ok(Some(old));
        }
        let kept = self.home.join("drafts").join(format!(
            "{}-{}.json",
            old.case_id,
            old.started_at.replace(':', "-")
        ));
        old.save(&kept)?;
        Draft::discard(&self.draft_path)?;
        writeln!(out, "The old draft is kept in {}.", kept.display()).map_err(io)?;
        Ok(None)
    }

    /// The case of a resumed draft, from its file or the library.
    fn resume(
        &self,
        draft: Draft,
        catalog: &Catalog,
        out: &mut dyn Write,
    ) -> Result<(Case, Draft), Error> {
        let case = match &draft.case_path {
            Some(path) => crate::load::case_from_file(
                path,
                crate::library::shipped::known_with(self.rubrics)?,
            )?,
            None => catalog.resolve(&draft.case_id, self.rubrics)?,
        };
        writeln!(
            out,
            "\nResuming `{}` (type /case to read the case again).",
            case.title
        )
        .map_err(io)?;
        Ok((case, draft))
    }

    /// A new practice of the case the student names or picks.
    fn start(&self, catalog: &Catalog, history: Option<&History>) -> Result<(Case, Draft), Error> {
        let case = pick::choose(
            self.args,
            catalog,
            self.rubrics,
            history,
            &self.theme,
            &self.draft_path,
        )?;
        let path = match &case.source {
            CaseSource::File(path) => Some(path.clone()),
            CaseSource::Shipped(_) => None,
        };
        let draft = Draft::new(&case.id, path, attempt::stamp(&attempt::now()));
        Ok((case, draft))
    }

    /// Shows (and speaks) the case at the start of the prep, saves the draft, and opens
    /// the editor when asked to type the presentation there.
    fn introduce(
        &self,
        case: &Case,
        case_text: &str,
        draft: &mut Draft,
        out: &mut dyn Write,
    ) -> Result<Files, Error> {
        let fresh = draft.stage == draft::Stage::Prep && draft.prep_seconds == 0;
        if fresh {
            writeln!(out, "\n{}", case_text.trim_end()).map_err(io)?;
        }
        let mut files = Files {
            draft: self.draft_path.clone(),
            failing: false,
            voice: rehearse::voice(self.args.speak, self.args.speak_to.as_deref()),
        };
        if fresh {
            rehearse::say(&mut files.voice, &case.situation);
        }
        files.save(draft)?;
        if self.args.editor && draft.response.is_empty() {
            match files.edit("") {
                Some(text) => {
                    draft.response = text.trim_end().lines().map(str::to_string).collect()
                }
                None => writeln!(
                    out,
                    "(no editor could be opened: set EDITOR; type here instead)"
                )
                .map_err(io)?,
            }
        }
        Ok(files)
    }

    /// The prep, the presentation and the judge's questions, against the clock;
    /// `None` when the student stopped.
    fn present(
        &self,
        case: &Case,
        case_text: &str,
        form: &Form,
        draft: &mut Draft,
        files: &mut Files,
        out: &mut dyn Write,
    ) -> Result<Option<Finished>, Error> {
        let minutes = |given: Option<Duration>, event: Option<u64>| {
            given.unwrap_or_else(|| Duration::from_secs(60 * event.unwrap_or(10)))
        };
        let setup = session::Setup {
            questions: &case.judge_questions,
            prep: minutes(self.args.prep, form.timing.map(|t| t.prep)),
            time: minutes(self.args.time, form.timing.map(|t| t.present)),
            case_text,
        };
        let mut keys = Terminal::new().map_err(|e| io_error(e, "use", "the terminal"))?;
        let outcome = session::run(draft, &setup, &mut keys, &mut CrLf(&mut *out), files)?;
        Ok(match outcome {
            Outcome::Finished(finished) => Some(finished),
            Outcome::Stopped => None,
        })
    }

    /// Without history: the whole feedback, and where the words are kept.
    fn show_unsaved(&self, scored: &Scored<'_>, out: &mut dyn Write) -> Result<ExitCode, Error> {
        writeln!(out).map_err(io)?;
        report::text::write(out, &scored.view(), style(self.color)).map_err(io)?;
        writeln!(
            out,
            "\nNot saved in your history (it cannot be opened); your words stay in {}.",
            self.draft_path.display()
        )
        .map_err(io)?;
        Ok(ExitCode::from(super::EXIT_FAILURE))
    }

    /// Saves the attempt, shows the summary, and offers the full feedback in the pager.
    fn save_and_show(
        &self,
        history: &History,
        scored: &Scored<'_>,
        finished: &Finished,
        draft: &Draft,
        out: &mut dyn Write,
    ) -> Result<ExitCode, Error> {
        let case = scored.case;
        let finished_at = attempt::now();
        let started_at = attempt::parse_time(&draft.started_at).unwrap_or_else(|why| {
            super::warn(&format!(
                "the draft's start cannot be read ({why}); saving the end time"
            ));
            finished_at
        });
        let id = history.save(&NewAttempt {
            case_id: &case.id,
            case_title: &case.title,
            started_at,
            finished_at,
            origin: Origin::Practice,
            response: &finished.response,
            answers: &finished.answers,
            score: &StoredScore::new(scored.card, &scored.text, scored.form, scored.asked),
            student: self.args.student.as_deref(),
        })?;
        SAVED.store(id, std::sync::atomic::Ordering::SeqCst);
        Draft::discard(&self.draft_path)?;
        let view = scored.view();
        writeln!(out).map_err(io)?;
        report::summary::write(out, &view, id, style(self.color)).map_err(io)?;
        report::text::write_follow_ups(out, &view).map_err(io)?;
        let full = Confirm::with_theme(&self.theme)
            .with_prompt("Read the full feedback now?")
            .default(true)
            .interact()
            .map_err(|e| prompt_failed(e, &self.draft_path))?;
        if full {
            let mut feedback = Vec::new();
            report::text::write(&mut feedback, &view, style(self.color)).map_err(io)?;
            super::pager::page(out, &feedback).map_err(io)?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
