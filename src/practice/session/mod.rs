//! The practice session after the case is chosen: the presentation, typed line by
//! line against the clock, then the judge's questions, one at a time. Reads any
//! `BufRead` and writes any `Write`, so tests drive it with a `Cursor`. The draft is
//! saved after every line.

pub mod clock;
pub mod commands;
mod finished;
pub mod keyboard;

use std::io::{self, Write};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::history::store::draft::Stage;
use crate::history::store::{Answer, Draft};

use clock::until_next_tick;
pub use clock::{clock, parse_duration};
use commands::Command;
pub use finished::Finished;
pub use keyboard::{Event, Keyboard, Lines};

/// A line that ends the presentation or an answer.
pub const END: &str = ".";
/// A line that opens the presentation in the editor.
pub const EDIT: &str = "/edit";

/// What the session needs from its surroundings.
pub trait Surroundings {
    /// Saves the draft (after every line).
    fn save(&mut self, draft: &Draft) -> Result<(), Error>;
    /// Lets the student edit `text` in an editor and returns the result; `None` when
    /// no editor can be used.
    fn edit(&mut self, text: &str) -> Option<String>;
    /// Hears a question as the judge asks it (`practice --speak` says it aloud).
    fn asked(&mut self, _question: &str) {}
}

/// What the session needs to know about the practice.
pub struct Setup<'a> {
    /// The judge's questions, in order.
    pub questions: &'a [String],
    /// Time to prepare (zero skips the prep).
    pub prep: Duration,
    /// Time to present.
    pub time: Duration,
    /// The case as shown at the start, for `/case`.
    pub case_text: &'a str,
}

/// How the session ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The presentation and every answer are in.
    Finished(Finished),
    /// The student pressed Ctrl-C; the draft is saved.
    Stopped,
}

/// Runs the prep, the presentation and the questions from wherever the draft stands.
pub fn run(
    draft: &mut Draft,
    setup: &Setup<'_>,
    keys: &mut dyn Keyboard,
    out: &mut dyn Write,
    around: &mut dyn Surroundings,
) -> Result<Outcome, Error> {
    let mut session = Session {
        draft,
        setup,
        keys,
        out,
        around,
        warned: false,
    };
    match session.stages() {
        Ok(true) => Ok(Outcome::Finished(Finished {
            response: session.draft.response.join("\n"),
            answers: session.draft.answers.clone(),
        })),
        Ok(false) => Ok(Outcome::Stopped),
        Err(Step::Io(e)) => Err(Error::Io {
            action: "use",
            path: "the terminal".into(),
            source: e,
        }),
        Err(Step::Store(e)) => Err(e),
    }
}

enum Step {
    Io(io::Error),
    Store(Error),
}

impl From<io::Error> for Step {
    fn from(e: io::Error) -> Self {
        Step::Io(e)
    }
}

impl From<Error> for Step {
    fn from(e: Error) -> Self {
        Step::Store(e)
    }
}

/// What a line typed at a prompt turned out to be.
enum Typed {
    /// A line of text to keep.
    Text(String),
    /// The end mark, or the end of the input.
    Done,
    /// Time ran out; whatever was half typed is already kept.
    TimeUp,
    /// Ctrl-C.
    Stop,
}

/// Which clock a prompt shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage_ {
    Prep,
    Presenting,
    Questions,
}

struct Session<'s, 'a> {
    draft: &'s mut Draft,
    setup: &'s Setup<'a>,
    keys: &'s mut dyn Keyboard,
    out: &'s mut dyn Write,
    around: &'s mut dyn Surroundings,
    /// Whether the one-minute warning was given.
    warned: bool,
}

impl Session<'_, '_> {
    /// Every stage left; `false` when the student stopped.
    fn stages(&mut self) -> Result<bool, Step> {
        if self.draft.stage == Stage::Prep {
            if !self.setup.prep.is_zero() && !self.prep()? {
                return Ok(false);
            }
            self.draft.stage = Stage::Presenting;
            self.around.save(self.draft)?;
        }
        if self.draft.stage == Stage::Presenting {
            if !self.present()? {
                return Ok(false);
            }
            self.draft.stage = Stage::Questions;
            self.around.save(self.draft)?;
        }
        self.questions()
    }

    fn prep(&mut self) -> Result<bool, Step> {
        writeln!(
            self.out,
            "\nPrepare: {} to read the case and plan. Type notes here if you like (Enter keeps a line;\n\
             you will see them while you present). Press Enter on an empty line when you are ready to present.",
            clock(self.setup.prep)
        )?;
        for note in &self.draft.notes {
            writeln!(self.out, "  {note}")?;
        }
        let start = Instant::now();
        let already = Duration::from_secs(self.draft.prep_seconds);
        loop {
            match self.line(Stage_::Prep, start, already)? {
                Typed::Text(line) if line.trim().is_empty() => break,
                Typed::Text(line) => {
                    self.draft.notes.push(line);
                    self.around.save(self.draft)?;
                }
                Typed::Done => break,
                Typed::TimeUp => {
                    writeln!(self.out, "  (prep time is up)")?;
                    break;
                }
                Typed::Stop => return Ok(false),
            }
        }
        Ok(true)
    }

    fn present(&mut self) -> Result<bool, Step> {
        writeln!(
            self.out,
            "\nPresent now, as you would to the judge: {} on the clock. Type your response; Enter starts a new line.",
            clock(
                self.setup
                    .time
                    .saturating_sub(Duration::from_secs(self.draft.presenting_seconds))
            )
        )?;
        writeln!(
            self.out,
            "End with {END} on a line of its own. /help lists the commands (/case, /time, /notes, /edit)."
        )?;
        self.show_notes()?;
        if !self.draft.response.is_empty() {
            writeln!(self.out, "\nSo far:")?;
            for line in &self.draft.response {
                writeln!(self.out, "  {line}")?;
            }
        }
        let start = Instant::now();
        let already = Duration::from_secs(self.draft.presenting_seconds);
        loop {
            match self.line(Stage_::Presenting, start, already)? {
                Typed::Text(line) => {
                    self.draft.response.push(line);
                    self.around.save(self.draft)?;
                }
                Typed::Done => break,
                Typed::TimeUp => {
                    writeln!(
                        self.out,
                        "  Time is up: your presentation is kept as it stands ({} line(s)).",
                        self.draft.response.len()
                    )?;
                    break;
                }
                Typed::Stop => return Ok(false),
            }
        }
        Ok(true)
    }

    fn questions(&mut self) -> Result<bool, Step> {
        let questions = self.setup.questions;
        for (index, question) in questions.iter().enumerate().skip(self.draft.answers.len()) {
            writeln!(
                self.out,
                "\nThe judge asks ({} of {}): {question}",
                index + 1,
                questions.len()
            )?;
            writeln!(self.out, "Answer, then type {END} on a line of its own.")?;
            self.around.asked(question);
            for line in &self.draft.answer_lines {
                writeln!(self.out, "  {line}")?;
            }
            loop {
                match self.line(Stage_::Questions, Instant::now(), Duration::ZERO)? {
                    Typed::Text(line) => {
                        self.draft.answer_lines.push(line);
                        self.around.save(self.draft)?;
                    }
                    Typed::Done | Typed::TimeUp => break,
                    Typed::Stop => return Ok(false),
                }
            }
            let answer = std::mem::take(&mut self.draft.answer_lines).join("\n");
            self.draft.answers.push(Answer {
                question: question.clone(),
                answer,
            });
            self.around.save(self.draft)?;
        }
        Ok(true)
    }

    /// The lines the stage at hand is typing.
    fn lines_of(&mut self, stage: Stage_) -> &mut Vec<String> {
        match stage {
            Stage_::Prep => &mut self.draft.notes,
            Stage_::Presenting => &mut self.draft.response,
            Stage_::Questions => &mut self.draft.answer_lines,
        }
    }

    /// One line typed at the prompt, the clock ticking; commands are handled here and
    /// never returned as text.
    fn line(&mut self, stage: Stage_, start: Instant, already: Duration) -> Result<Typed, Step> {
        let limit = match stage {
            Stage_::Prep => Some(self.setup.prep),
            Stage_::Presenting => Some(self.setup.time),
            Stage_::Questions => None,
        };
        loop {
            let used = already + start.elapsed();
            let left = limit.map(|limit| limit.saturating_sub(used));
            match stage {
                Stage_::Prep => self.draft.prep_seconds = used.as_secs(),
                Stage_::Presenting => self.draft.presenting_seconds = used.as_secs(),
                Stage_::Questions => {}
            }
            if left.is_some_and(|l| l.is_zero()) {
                let pending = self.keys.take_pending();
                self.keys.clear(self.out)?;
                if !pending.trim().is_empty() {
                    self.lines_of(stage).push(pending);
                }
                self.around.save(self.draft)?;
                return Ok(Typed::TimeUp);
            }
            if stage == Stage_::Presenting
                && !self.warned
                && self.setup.time > Duration::from_secs(60)
                && left.is_some_and(|l| l <= Duration::from_secs(60))
            {
                self.keys.clear(self.out)?;
                writeln!(self.out, "  (about a minute left: start wrapping up)")?;
                self.warned = true;
            }
            let prompt = match (stage, left) {
                (Stage_::Prep, Some(left)) => format!("prep {} notes> ", clock(left)),
                (_, Some(left)) => format!("{} > ", clock(left)),
                (_, None) => "> ".to_string(),
            };
            self.keys.prompt(self.out, &prompt)?;
            let wait = left.map_or(Duration::from_secs(1), until_next_tick);
            match self.keys.next(self.out, wait)? {
                Event::Tick => continue,
                Event::End => return Ok(Typed::Done),
                Event::Interrupt => {
                    let pending = self.keys.take_pending();
                    self.keys.clear(self.out)?;
                    if !pending.trim().is_empty() {
                        self.lines_of(stage).push(pending);
                    }
                    self.around.save(self.draft)?;
                    return Ok(Typed::Stop);
                }
                Event::Line(line) if line.trim() == END => return Ok(Typed::Done),
                Event::Line(line) => match Command::parse(&line) {
                    None => return Ok(Typed::Text(line)),
                    Some(command) => self.command(command, stage, left)?,
                },
            }
        }
    }
}

#[cfg(test)]
mod tests;
