//! Asking the follow-ups in the practice session: the same prompt, commands and end
//! mark as the judge's fixed questions, and the same draft. Each line of a follow-up
//! answer is saved into the practice's draft as it is typed, so a practice killed
//! during the follow-ups resumes at the first one not yet answered, with every line
//! typed to it.

use std::io::Write;
use std::time::Duration;

use super::FollowUp;
use crate::error::Error;
use crate::history::store::Draft;
use crate::history::store::draft::{FollowUpDraft, Stage};
use crate::practice::session::{self, Keyboard, Outcome, Surroundings};

/// The follow-ups' own session writes through to the practice's draft: its answers
/// and the answer being typed are copied in, and the practice's surroundings save it.
struct IntoDraft<'d> {
    draft: &'d mut Draft,
    around: &'d mut dyn Surroundings,
}

impl Surroundings for IntoDraft<'_> {
    fn save(&mut self, asking: &Draft) -> Result<(), Error> {
        if let Some(follow_ups) = self.draft.follow_ups.as_mut() {
            follow_ups.answers.clone_from(&asking.answers);
            follow_ups.answer_lines.clone_from(&asking.answer_lines);
        }
        self.around.save(self.draft)
    }

    fn edit(&mut self, text: &str) -> Option<String> {
        self.around.edit(text)
    }

    fn asked(&mut self, question: &str) {
        self.around.asked(question);
    }
}

/// Asks the follow-ups not yet answered and returns every answer in order; `None`
/// when the student stopped (Ctrl-C), the draft saved. A draft that already holds
/// follow-ups (a resumed practice) is asked its own, from the first unanswered one;
/// otherwise `chosen` are put in the draft and saved before the first is asked.
pub fn ask(
    chosen: &[FollowUp],
    draft: &mut Draft,
    case_text: &str,
    keys: &mut dyn Keyboard,
    out: &mut dyn Write,
    around: &mut dyn Surroundings,
) -> Result<Option<Vec<String>>, Error> {
    let terminal = |e| Error::Io {
        action: "use",
        path: "the terminal".into(),
        source: e,
    };
    let saved = draft.follow_ups.get_or_insert_with(|| FollowUpDraft {
        questions: chosen.to_vec(),
        answers: Vec::new(),
        answer_lines: Vec::new(),
    });
    if saved.questions.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let questions: Vec<String> = saved.questions.iter().map(|f| f.question.clone()).collect();
    let mut asking = Draft::new("follow-ups", None, String::new());
    asking.stage = Stage::Questions;
    asking.answers.clone_from(&saved.answers);
    asking.answer_lines.clone_from(&saved.answer_lines);
    around.save(draft)?;
    writeln!(
        out,
        "\nThe judge follows up on what your answer left out ({} question(s)). An answer here counts, though less than saying it unprompted.",
        questions.len()
    )
    .map_err(terminal)?;
    if !asking.answers.is_empty() {
        writeln!(
            out,
            "({} of them answered before you stopped; going on from there.)",
            asking.answers.len()
        )
        .map_err(terminal)?;
    }
    let setup = session::Setup {
        questions: &questions,
        prep: Duration::ZERO,
        time: Duration::from_secs(600),
        case_text,
    };
    let mut through = IntoDraft { draft, around };
    match session::run(&mut asking, &setup, keys, out, &mut through)? {
        Outcome::Finished(done) => Ok(Some(done.answers.into_iter().map(|a| a.answer).collect())),
        Outcome::Stopped => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::session::Lines;
    use std::io::Cursor;

    /// Keeps a copy of every draft saved, as the practice's file would.
    #[derive(Default)]
    struct Saves(Vec<Draft>);

    impl Surroundings for Saves {
        fn save(&mut self, draft: &Draft) -> Result<(), Error> {
            self.0.push(draft.clone());
            Ok(())
        }

        fn edit(&mut self, _text: &str) -> Option<String> {
            None
        }
    }

    fn follow_up(question: &str) -> FollowUp {
        FollowUp {
            indicator: crate::model::Code::parse_lenient("CR:010").expect("code"),
            concept: "prevents-recurrence".into(),
            label: "Prevents a repeat".into(),
            weight: 3,
            question: question.into(),
        }
    }

    fn asked_with(draft: &mut Draft, typed: &str, saves: &mut Saves) -> Option<Vec<String>> {
        let chosen = [follow_up("First?"), follow_up("Second?")];
        let mut keys = Lines(Cursor::new(typed.as_bytes().to_vec()));
        let mut out = Vec::new();
        ask(&chosen, draft, "", &mut keys, &mut out, saves).expect("asked")
    }

    #[test]
    fn every_follow_up_line_is_saved_in_the_practice_draft() {
        let mut draft = Draft::new("case", None, "2026-12-02T01:00:00Z".into());
        draft.stage = Stage::Questions;
        let mut saves = Saves::default();
        // The input ends in the middle of the second answer, as a killed process would.
        let answers = asked_with(&mut draft, "One.\n.\nTwo, half typed\n", &mut saves);
        assert_eq!(answers, Some(vec!["One.".into(), "Two, half typed".into()]));
        let after_half = saves
            .0
            .iter()
            .find(|d| {
                d.follow_ups
                    .as_ref()
                    .is_some_and(|f| f.answer_lines == ["Two, half typed"])
            })
            .expect("the half-typed line was saved");
        let kept = after_half.follow_ups.as_ref().expect("follow-ups");
        assert_eq!(kept.questions.len(), 2);
        assert_eq!(kept.answers.len(), 1);
        assert_eq!(kept.answers[0].answer, "One.");
        assert_eq!(after_half.case_id, "case");
    }

    #[test]
    fn a_resumed_draft_asks_its_own_follow_ups_from_the_first_unanswered() {
        let mut draft = Draft::new("case", None, "2026-12-02T01:00:00Z".into());
        draft.stage = Stage::Questions;
        draft.follow_ups = Some(FollowUpDraft {
            questions: vec![follow_up("Saved one?"), follow_up("Saved two?")],
            answers: vec![crate::model::Answer {
                question: "Saved one?".into(),
                answer: "Answered before.".into(),
            }],
            answer_lines: vec!["Typed before.".into()],
        });
        let mut saves = Saves::default();
        let answers = asked_with(&mut draft, "And after.\n.\n", &mut saves);
        assert_eq!(
            answers,
            Some(vec![
                "Answered before.".into(),
                "Typed before.\nAnd after.".into()
            ])
        );
        let kept = draft.follow_ups.expect("follow-ups");
        assert_eq!(kept.questions[0].question, "Saved one?");
        assert_eq!(kept.answers.len(), 2);
    }
}
