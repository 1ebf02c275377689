//! Asking the follow-ups in the practice session: the same prompt, commands and end
//! mark as the judge's fixed questions. The answers are not written to the draft: the
//! attempt is complete without them, and a follow-up stopped with Ctrl-C is simply
//! not counted.

use std::io::Write;
use std::time::Duration;

use super::FollowUp;
use crate::error::Error;
use crate::history::store::Draft;
use crate::history::store::draft::Stage;
use crate::practice::session::{self, Keyboard, Outcome, Surroundings};

/// The follow-ups' answers are kept in memory only; the voice, if any, says them.
struct InMemory<'v>(Option<&'v mut crate::speak::Voice>);

impl Surroundings for InMemory<'_> {
    fn asked(&mut self, question: &str) {
        if let Some(voice) = self.0.as_mut() {
            let _ = voice.say(question);
        }
    }

    fn save(&mut self, _draft: &Draft) -> Result<(), Error> {
        Ok(())
    }

    fn edit(&mut self, _text: &str) -> Option<String> {
        None
    }
}

/// Asks each follow-up and returns the answers in order; `None` when the student
/// stopped (Ctrl-C).
pub fn ask(
    follow_ups: &[FollowUp],
    case_text: &str,
    keys: &mut dyn Keyboard,
    out: &mut dyn Write,
    voice: Option<&mut crate::speak::Voice>,
) -> Result<Option<Vec<String>>, Error> {
    if follow_ups.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let questions: Vec<String> = follow_ups.iter().map(|f| f.question.clone()).collect();
    writeln!(
        out,
        "\nThe judge follows up on what your answer left out ({} question(s)). An answer here counts, though less than saying it unprompted.",
        follow_ups.len()
    )
    .map_err(|e| Error::Io {
        action: "use",
        path: "the terminal".into(),
        source: e,
    })?;
    let mut draft = Draft::new("follow-ups", None, String::new());
    draft.stage = Stage::Questions;
    let setup = session::Setup {
        questions: &questions,
        prep: Duration::ZERO,
        time: Duration::from_secs(600),
        case_text,
    };
    match session::run(&mut draft, &setup, keys, out, &mut InMemory(voice))? {
        Outcome::Finished(done) => Ok(Some(done.answers.into_iter().map(|a| a.answer).collect())),
        Outcome::Stopped => Ok(None),
    }
}
