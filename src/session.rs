//! The practice session after the case is chosen: the presentation, typed line by
//! line against the clock, then the judge's questions, one at a time. Reads any
//! `BufRead` and writes any `Write`, so tests drive it with a `Cursor`. The draft is
//! saved after every line.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use crate::engine::{Scorecard, Scorer};
use crate::error::Error;
use crate::store::draft::Stage;
use crate::store::{Answer, Draft};
use crate::text::Span;

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
    /// The text the engine scores: the presentation, then each answer as a paragraph,
    /// all of it the student's own words.
    pub fn scored_text(&self) -> String {
        self.assemble().0
    }

    /// Where each judge's question's answer lies in [`Finished::scored_text`], in the
    /// order of `questions` (matched by the question's text): the engine counts an
    /// answer on the question's topic as an answer, whatever words it uses.
    pub fn answer_spans(&self, questions: &[String]) -> Vec<Option<Span>> {
        let (_, spans) = self.assemble();
        questions
            .iter()
            .map(|q| {
                self.answers
                    .iter()
                    .zip(&spans)
                    .find(|(a, _)| a.question == *q)
                    .and_then(|(_, span)| *span)
            })
            .collect()
    }

    /// The scored text, and each answer's span in it (`None` for an empty answer).
    fn assemble(&self) -> (String, Vec<Option<Span>>) {
        let mut text = self.response.trim_end().to_string();
        let mut spans = Vec::with_capacity(self.answers.len());
        for answer in &self.answers {
            let said = answer.answer.trim();
            if said.is_empty() {
                spans.push(None);
                continue;
            }
            text.push_str("\n\n");
            let start = text.len();
            text.push_str(said);
            spans.push(Some(Span::new(start, text.len())));
        }
        (text, spans)
    }

    /// Scores the presentation and the answers together, each answer counted as an
    /// answer to its question.
    pub fn score(&self, scorer: &Scorer, questions: &[String]) -> Scorecard {
        scorer.score_with_answers(&self.scored_text(), &self.answer_spans(questions))
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

#[cfg(test)]
mod answer_tests {
    use super::*;
    use crate::engine::Scorer;
    use crate::shipped;

    const PRESENTATION: &str = "Good afternoon, Mr. Kessler, and thank you for coming in. \
        I'm so sorry the Trailhead skis were the wrong fit for you. I will raise your \
        Second Run credit to 75% and remount the bindings for free today, and I will call \
        you next week to make sure the new pair skis well. Thank you for giving us the \
        chance to make this right.";

    fn case() -> crate::model::Case {
        shipped::cases()
            .iter()
            .filter_map(|c| c.as_ref().ok())
            .find(|c| c.id == "summit-gear-ski-return")
            .expect("shipped case")
            .clone()
    }

    fn finished(case: &crate::model::Case, answers: [&str; 2]) -> Finished {
        Finished {
            response: PRESENTATION.into(),
            answers: case
                .judge_questions
                .iter()
                .zip(answers)
                .map(|(q, a)| Answer {
                    question: q.clone(),
                    answer: a.into(),
                })
                .collect(),
        }
    }

    fn scored(answers: [&str; 2]) -> (Scorecard, Scorecard) {
        let case = case();
        let rubrics = shipped::rubrics().unwrap();
        let form = shipped::default_form().unwrap();
        let scorer = Scorer::new(&case, rubrics, form).unwrap();
        let done = finished(&case, answers);
        (
            done.score(&scorer, &case.judge_questions),
            scorer.score(&done.scored_text()),
        )
    }

    fn impression(card: &Scorecard) -> u32 {
        card.skills
            .iter()
            .find(|s| s.id == "impression")
            .map(|s| s.points)
            .unwrap()
    }

    #[test]
    fn answers_in_other_words_count_as_answers() {
        // Neither answer repeats its question's key words.
        let (as_answers, as_text) = scored([
            "Once a binding is mounted, the Peak Return Policy treats the pair as used, \
             so the most I can give is store credit.",
            "Every fitter will now follow a boot and binding checklist, and I will check \
             each fitting myself this month.",
        ]);
        assert_eq!(as_answers.stats.questions_answered, (2, 2));
        assert!(as_text.stats.questions_answered.0 < 2);
        assert!(impression(&as_answers) >= impression(&as_text));
        let reason = |card: &Scorecard| {
            card.skills
                .iter()
                .find(|s| s.id == "impression")
                .map(|s| s.reason.clone())
        };
        assert_eq!(
            reason(&as_answers).as_deref(),
            Some("judge's questions answered 100%")
        );
    }

    #[test]
    fn an_empty_or_off_topic_answer_answers_nothing() {
        let (card, as_text) = scored(["Yes.", "I really like pizza on a cold evening, honestly."]);
        // Only what the presentation itself answers.
        assert_eq!(
            card.stats.questions_answered,
            as_text.stats.questions_answered
        );
    }

    #[test]
    fn the_greeting_and_thanks_of_the_presentation_lose_nothing_to_answers_after_them() {
        let case = case();
        let rubrics = shipped::rubrics().unwrap();
        let form = shipped::default_form().unwrap();
        let scorer = Scorer::new(&case, rubrics, form).unwrap();
        let alone = scorer.score(PRESENTATION);
        let done = finished(
            &case,
            [
                "Once a binding is mounted, the Peak Return Policy treats the pair as used, \
                 so the most I can give is store credit.",
                "Every fitter will now follow a boot and binding checklist, and I will \
                 check each fitting myself this month.",
            ],
        );
        let with_answers = done.score(&scorer, &case.judge_questions);
        let line = |card: &Scorecard, id: &str| {
            card.skills
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.points)
                .unwrap()
        };
        for id in ["communication", "impression"] {
            assert!(
                line(&with_answers, id) >= line(&alone, id),
                "{id}: {} with answers, {} alone",
                line(&with_answers, id),
                line(&alone, id)
            );
        }
        assert!(with_answers.total >= alone.total);
    }
}
