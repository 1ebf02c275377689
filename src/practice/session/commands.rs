//! The slash commands a student may type instead of a line of the response. A line
//! that starts with `/` and a letter is always a command: an unknown one is refused
//! with the list, never saved as part of the answer.

use std::io;
use std::time::Duration;

use super::{EDIT, END, Session, Stage_, Step, clock};

/// A command typed on a line of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Continue the presentation in the editor.
    Edit,
    /// Show the case again.
    Case,
    /// Show the time left.
    Time,
    /// Show the prep notes.
    Notes,
    /// List the commands.
    Help,
    /// Anything else that looks like a command, as typed.
    Unknown(String),
}

impl Command {
    /// The command on `line`, if the line is one.
    pub fn parse(line: &str) -> Option<Command> {
        let line = line.trim();
        let word = line.strip_prefix('/')?;
        if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name = word.split_whitespace().next().unwrap_or_default();
        Some(match name.to_ascii_lowercase().as_str() {
            "edit" => Command::Edit,
            "case" => Command::Case,
            "time" => Command::Time,
            "notes" => Command::Notes,
            "help" | "h" | "commands" => Command::Help,
            _ => Command::Unknown(line.to_string()),
        })
    }
}

/// The list of commands, as `/help` prints it.
pub const HELP: &str = "Commands (type one on a line of its own; it is never part of your answer):
  /case    show the case again
  /time    the time left
  /notes   your prep notes
  /edit    continue the presentation in your editor ($VISUAL or $EDITOR)
  /help    this list
  .        a line of only a full stop ends the presentation or an answer
Ctrl-C stops: your draft is kept and `roleplay practice` resumes it.";

/// The known commands, for a refusal.
pub const KNOWN: &str = "/case, /time, /notes, /edit, /help";

impl Session<'_, '_> {
    /// Answers a command; nothing typed as a command reaches the response.
    pub(super) fn command(
        &mut self,
        command: Command,
        stage: Stage_,
        left: Option<Duration>,
    ) -> Result<(), Step> {
        match command {
            Command::Help => writeln!(self.out, "{HELP}")?,
            Command::Case => writeln!(self.out, "{}", self.setup.case_text.trim_end())?,
            Command::Notes => {
                if self.draft.notes.is_empty() {
                    writeln!(self.out, "  (no prep notes)")?;
                } else {
                    self.show_notes()?;
                }
            }
            Command::Time => match (stage, left) {
                (Stage_::Prep, Some(left)) => writeln!(
                    self.out,
                    "  {} of prep left, of {}.",
                    clock(left),
                    clock(self.setup.prep)
                )?,
                (_, Some(left)) => writeln!(
                    self.out,
                    "  {} left to present, of {}.",
                    clock(left),
                    clock(self.setup.time)
                )?,
                (_, None) => writeln!(
                    self.out,
                    "  The presentation clock has stopped; the judge's questions are not timed."
                )?,
            },
            Command::Edit if stage == Stage_::Presenting => {
                let current = self.draft.response.join("\n");
                match self.around.edit(&current) {
                    Some(edited) => {
                        self.draft.response =
                            edited.trim_end().lines().map(str::to_string).collect();
                        self.around.save(self.draft)?;
                        writeln!(
                            self.out,
                            "  (your editor's text is kept: {} line(s); type {END} to finish)",
                            self.draft.response.len()
                        )?;
                    }
                    None => writeln!(
                        self.out,
                        "  (no editor could be opened: set EDITOR, or keep typing here)"
                    )?,
                }
            }
            Command::Edit => writeln!(self.out, "  ({EDIT} works while you present)")?,
            Command::Unknown(typed) => writeln!(
                self.out,
                "  `{typed}` is not a command, and it was not added to your answer. Commands: {KNOWN}."
            )?,
        }
        Ok(())
    }

    pub(super) fn show_notes(&mut self) -> io::Result<()> {
        if self.draft.notes.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "\nYour notes:")?;
        for note in &self.draft.notes {
            writeln!(self.out, "  | {note}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_lines_that_are_not() {
        assert_eq!(Command::parse("/case"), Some(Command::Case));
        assert_eq!(Command::parse("  /TIME "), Some(Command::Time));
        assert_eq!(Command::parse("/help me"), Some(Command::Help));
        assert_eq!(
            Command::parse("/hlep"),
            Some(Command::Unknown("/hlep".into()))
        );
        assert_eq!(Command::parse("I'd say 50/50."), None);
        assert_eq!(Command::parse("/ 2 of them"), None);
        assert_eq!(Command::parse("."), None);
    }
}
