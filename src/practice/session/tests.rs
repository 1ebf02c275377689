//! Unit tests of `practice/session/mod.rs`, beside it.

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

/// Runs a session over typed text; the outcome, the output and the saves.
fn session(
    draft: &mut Draft,
    questions: &[String],
    time: Duration,
    typed: &str,
    around: &mut Recorder,
) -> (Outcome, String) {
    let setup = Setup {
        questions,
        prep: Duration::ZERO,
        time,
        case_text: "THE CASE TEXT",
    };
    let mut out = Vec::new();
    let outcome = run(
        draft,
        &setup,
        &mut Lines(Cursor::new(typed.to_string())),
        &mut out,
        around,
    )
    .unwrap();
    (outcome, String::from_utf8(out).unwrap())
}

fn finished(outcome: Outcome) -> Finished {
    match outcome {
        Outcome::Finished(done) => done,
        Outcome::Stopped => panic!("stopped"),
    }
}

const TEN: Duration = Duration::from_secs(600);

#[test]
fn a_whole_session_collects_the_response_and_answers() {
    let mut draft = Draft::new("case", None, "now".into());
    let mut around = Recorder::default();
    let (outcome, text) = session(
        &mut draft,
        &questions(),
        TEN,
        "Hello, Ms. Kim.\nI'm sorry.\n.\nBecause I will call you.\n.\nA refund today.\n.\n",
        &mut around,
    );
    let done = finished(outcome);
    assert_eq!(done.response, "Hello, Ms. Kim.\nI'm sorry.");
    assert_eq!(done.answers.len(), 2);
    assert_eq!(done.answers[1].answer, "A refund today.");
    assert!(done.scored_text().ends_with("A refund today."));
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
    let (outcome, text) = session(
        &mut draft,
        &questions(),
        TEN,
        "and the rest.\n.\n",
        &mut Recorder::default(),
    );
    let done = finished(outcome);
    assert_eq!(done.response, "Earlier line.");
    assert_eq!(done.answers[1].answer, "Half an answer\nand the rest.");
    assert!(text.contains("(2 of 2)"));
}

#[test]
fn end_of_input_ends_the_presentation() {
    let mut draft = Draft::new("case", None, "now".into());
    let (outcome, _) = session(&mut draft, &[], TEN, "Only line", &mut Recorder::default());
    assert_eq!(finished(outcome).response, "Only line");
}

#[test]
fn the_editor_replaces_the_lines() {
    let mut draft = Draft::new("case", None, "now".into());
    let mut around = Recorder {
        edited: Some("from the editor\nsecond line\n".into()),
        ..Default::default()
    };
    let (outcome, _) = session(&mut draft, &[], TEN, "typed\n/edit\n.\n", &mut around);
    assert_eq!(finished(outcome).response, "from the editor\nsecond line");
}

#[test]
fn out_of_time_ends_the_presentation_and_keeps_what_was_typed() {
    let mut draft = Draft::new("case", None, "now".into());
    draft.stage = Stage::Presenting;
    draft.response = vec!["said before the clock ran out".into()];
    let (outcome, text) = session(
        &mut draft,
        &questions()[..1],
        Duration::ZERO,
        "An answer.\n.\n",
        &mut Recorder::default(),
    );
    let done = finished(outcome);
    assert_eq!(done.response, "said before the clock ran out");
    assert_eq!(done.answers[0].answer, "An answer.");
    assert!(text.contains("Time is up"), "{text}");
}

#[test]
fn commands_are_answered_and_never_saved_as_text() {
    let mut draft = Draft::new("case", None, "now".into());
    draft.notes = vec!["apologise first".into()];
    let (outcome, text) = session(
        &mut draft,
        &questions()[..1],
        TEN,
        "/hepl\n/help\n/case\n/time\n/notes\nMy line.\n.\n/time\n/edit\nMy answer.\n.\n",
        &mut Recorder::default(),
    );
    let done = finished(outcome);
    assert_eq!(done.response, "My line.");
    assert_eq!(done.answers[0].answer, "My answer.");
    for shown in [
        "`/hepl` is not a command, and it was not added to your answer. Commands: /case, /time",
        "show the case again",
        "THE CASE TEXT",
        "left to present, of 10:00.",
        "| apologise first",
        "the judge's questions are not timed",
        "(/edit works while you present)",
    ] {
        assert!(text.contains(shown), "{shown}\n{text}");
    }
}

#[test]
fn prep_notes_are_saved_and_shown_while_presenting() {
    let mut draft = Draft::new("case", None, "now".into());
    let mut around = Recorder::default();
    let setup = Setup {
        questions: &[],
        prep: TEN,
        time: TEN,
        case_text: "",
    };
    let mut out = Vec::new();
    let outcome = run(
        &mut draft,
        &setup,
        &mut Lines(Cursor::new("Name: Ms. Kim\nOffer a refund\n\nHello.\n.\n")),
        &mut out,
        &mut around,
    )
    .unwrap();
    assert_eq!(finished(outcome).response, "Hello.");
    assert_eq!(draft.notes, ["Name: Ms. Kim", "Offer a refund"]);
    assert!(around.saves.iter().any(|d| d.notes == ["Name: Ms. Kim"]));
    let text = String::from_utf8(out).unwrap();
    let shown = text.find("Your notes:").expect(&text);
    assert!(text[shown..].contains("| Offer a refund"));
    assert!(text.contains("prep 10:00 notes> "));
}

/// A keyboard that is interrupted after its lines.
struct ThenCtrlC(Vec<&'static str>, &'static str);

impl Keyboard for ThenCtrlC {
    fn prompt(&mut self, _: &mut dyn Write, _: &str) -> io::Result<()> {
        Ok(())
    }
    fn clear(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn next(&mut self, _: &mut dyn Write, _: Duration) -> io::Result<Event> {
        Ok(if self.0.is_empty() {
            Event::Interrupt
        } else {
            Event::Line(self.0.remove(0).into())
        })
    }
    fn take_pending(&mut self) -> String {
        std::mem::take(&mut self.1).into()
    }
}

#[test]
fn ctrl_c_stops_with_the_half_typed_line_saved() {
    let mut draft = Draft::new("case", None, "now".into());
    let mut around = Recorder::default();
    let setup = Setup {
        questions: &[],
        prep: Duration::ZERO,
        time: TEN,
        case_text: "",
    };
    let outcome = run(
        &mut draft,
        &setup,
        &mut ThenCtrlC(vec!["One."], "and half"),
        &mut Vec::new(),
        &mut around,
    )
    .unwrap();
    assert_eq!(outcome, Outcome::Stopped);
    assert_eq!(around.saves.last().unwrap().response, ["One.", "and half"]);
}
