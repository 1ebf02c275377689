//! The practice session after the case is chosen: the presentation, typed line by
//! line against the clock, then the judge's questions, one at a time. Reads any
//! `BufRead` and writes any `Write`, so tests drive it with a `Cursor`. The draft is
//! saved after every line.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::store::draft::Stage;
use crate::store::{Answer, Draft};

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
}

/// The presentation and the answers, once the student is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finished {
    /// The presentation.
    pub response: String,
    /// The answers to the judge's questions.
    pub answers: Vec<Answer>,
}

impl Finished {
    /// The text the engine scores: the presentation, then each answer as a paragraph.
    pub fn scored_text(&self) -> String {
        let mut text = self.response.trim_end().to_string();
        for answer in &self.answers {
            if !answer.answer.trim().is_empty() {
                text.push_str("\n\n");
                text.push_str(answer.answer.trim());
            }
        }
        text
    }
}

/// Runs the presentation and the questions from wherever the draft stands.
pub fn run(
    draft: &mut Draft,
    questions: &[String],
    minutes: u64,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    around: &mut dyn Surroundings,
) -> Result<Finished, Error> {
    let io = |e: io::Error| Error::Io {
        action: "use",
        path: "the terminal".into(),
        source: e,
    };
    if draft.stage == Stage::Prep {
        draft.stage = Stage::Presenting;
        around.save(draft)?;
    }
    if draft.stage == Stage::Presenting {
        present(draft, minutes, input, out, around).map_err(|e| match e {
            Step::Io(e) => io(e),
            Step::Store(e) => e,
        })?;
        draft.stage = Stage::Questions;
        around.save(draft)?;
    }
    for (index, question) in questions.iter().enumerate().skip(draft.answers.len()) {
        writeln!(
            out,
            "\nThe judge asks ({} of {}): {question}",
            index + 1,
            questions.len()
        )
        .map_err(io)?;
        writeln!(out, "Answer, then type {END} on a line of its own.").map_err(io)?;
        for line in &draft.answer_lines {
            writeln!(out, "  {line}").map_err(io)?;
        }
        loop {
            write!(out, "> ").map_err(io)?;
            out.flush().map_err(io)?;
            match read_line(input).map_err(io)? {
                Some(line) if line.trim() != END => {
                    draft.answer_lines.push(line);
                    around.save(draft)?;
                }
                _ => break,
            }
        }
        let answer = std::mem::take(&mut draft.answer_lines).join("\n");
        draft.answers.push(Answer {
            question: question.clone(),
            answer,
        });
        around.save(draft)?;
    }
    Ok(Finished {
        response: draft.response.join("\n"),
        answers: draft.answers.clone(),
    })
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

fn present(
    draft: &mut Draft,
    minutes: u64,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    around: &mut dyn Surroundings,
) -> Result<(), Step> {
    let limit = Duration::from_secs(minutes * 60);
    let already = Duration::from_secs(draft.presenting_seconds);
    let start = Instant::now();
    writeln!(
        out,
        "\nPresent now, as you would to the judge. Type your response; Enter starts a new line."
    )?;
    writeln!(
        out,
        "End with {END} on a line of its own. Type {EDIT} to continue in your editor."
    )?;
    if !draft.response.is_empty() {
        writeln!(out, "\nSo far:")?;
        for line in &draft.response {
            writeln!(out, "  {line}")?;
        }
    }
    let (mut warned, mut over) = (false, false);
    loop {
        let used = already + start.elapsed();
        draft.presenting_seconds = used.as_secs();
        let left = limit.saturating_sub(used);
        if !over && left.is_zero() {
            writeln!(out, "  (time is up: finish your thought and type {END})")?;
            (over, warned) = (true, true);
        }
        if !warned && left <= Duration::from_secs(60) {
            writeln!(out, "  (about a minute left: start wrapping up)")?;
            warned = true;
        }
        write!(out, "{} > ", clock(left))?;
        out.flush()?;
        let Some(line) = read_line(input)? else { break };
        match line.trim() {
            END => break,
            EDIT => {
                let current = draft.response.join("\n");
                match around.edit(&current) {
                    Some(edited) => {
                        draft.response = edited.trim_end().lines().map(str::to_string).collect();
                        around.save(draft)?;
                        writeln!(
                            out,
                            "  (your editor's text is kept: {} line(s); type {END} to finish)",
                            draft.response.len()
                        )?;
                    }
                    None => writeln!(
                        out,
                        "  (no editor could be opened: set EDITOR, or keep typing here)"
                    )?,
                }
            }
            _ => {
                draft.response.push(line);
                draft.presenting_seconds = (already + start.elapsed()).as_secs();
                around.save(draft)?;
            }
        }
    }
    draft.presenting_seconds = (already + start.elapsed()).as_secs();
    Ok(())
}

/// "9:05" for a duration.
pub fn clock(left: Duration) -> String {
    let secs = left.as_secs();
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// One line without its line ending; `None` at the end of input.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    #[derive(Default)]
    struct Recorder {
        saves: Vec<Draft>,
        edited: Option<String>,
    }

    impl Surroundings for Recorder {
        fn save(&mut self, draft: &Draft) -> Result<(), Error> {
            self.saves.push(draft.clone());
            Ok(())
        }

        fn edit(&mut self, _text: &str) -> Option<String> {
            self.edited.clone()
        }
    }

    fn questions() -> Vec<String> {
        vec![
            "Why should I trust you?".into(),
            "What happens next?".into(),
        ]
    }

    #[test]
    fn a_whole_session_collects_the_response_and_answers() {
        let mut draft = Draft::new("case", None, "now".into());
        let mut input = Cursor::new(
            "Hello, Ms. Kim.\nI'm sorry.\n.\nBecause I will call you.\n.\nA refund today.\n.\n",
        );
        let mut out = Vec::new();
        let mut around = Recorder::default();
        let done = run(
            &mut draft,
            &questions(),
            10,
            &mut input,
            &mut out,
            &mut around,
        )
        .unwrap();
        assert_eq!(done.response, "Hello, Ms. Kim.\nI'm sorry.");
        assert_eq!(done.answers.len(), 2);
        assert_eq!(done.answers[1].answer, "A refund today.");
        assert!(done.scored_text().ends_with("A refund today."));
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("The judge asks (1 of 2): Why should I trust you?"));
        // Saved after every line typed.
        assert!(
            around
                .saves
                .iter()
                .any(|d| d.response == ["Hello, Ms. Kim."])
        );
    }

    #[test]
    fn a_resumed_draft_keeps_its_lines_and_skips_answered_questions() {
        let mut draft = Draft::new("case", None, "now".into());
        draft.stage = Stage::Questions;
        draft.response = vec!["Earlier line.".into()];
        draft.answers = vec![Answer {
            question: "Why should I trust you?".into(),
            answer: "Because.".into(),
        }];
        draft.answer_lines = vec!["Half an answer".into()];
        let mut input = Cursor::new("and the rest.\n.\n");
        let mut out = Vec::new();
        let done = run(
            &mut draft,
            &questions(),
            10,
            &mut input,
            &mut out,
            &mut Recorder::default(),
        )
        .unwrap();
        assert_eq!(done.response, "Earlier line.");
        assert_eq!(done.answers[1].answer, "Half an answer\nand the rest.");
        assert!(String::from_utf8(out).unwrap().contains("(2 of 2)"));
    }

    #[test]
    fn end_of_input_ends_the_presentation() {
        let mut draft = Draft::new("case", None, "now".into());
        let mut input = Cursor::new("Only line");
        let done = run(
            &mut draft,
            &[],
            10,
            &mut input,
            &mut Vec::new(),
            &mut Recorder::default(),
        )
        .unwrap();
        assert_eq!(done.response, "Only line");
    }

    #[test]
    fn the_editor_replaces_the_lines() {
        let mut draft = Draft::new("case", None, "now".into());
        let mut input = Cursor::new("typed\n/edit\n.\n");
        let mut around = Recorder {
            edited: Some("from the editor\nsecond line\n".into()),
            ..Default::default()
        };
        let done = run(
            &mut draft,
            &[],
            10,
            &mut input,
            &mut Vec::new(),
            &mut around,
        )
        .unwrap();
        assert_eq!(done.response, "from the editor\nsecond line");
    }

    #[test]
    fn out_of_time_warns_but_keeps_taking_lines() {
        let mut draft = Draft::new("case", None, "now".into());
        let mut out = Vec::new();
        let mut input = Cursor::new("one\ntwo\n.\n");
        let done = run(
            &mut draft,
            &[],
            0,
            &mut input,
            &mut out,
            &mut Recorder::default(),
        )
        .unwrap();
        assert_eq!(done.response, "one\ntwo");
        assert!(String::from_utf8(out).unwrap().contains("time is up"));
    }
}
