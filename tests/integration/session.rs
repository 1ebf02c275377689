//! The practice session's rough edges, in a pseudo-terminal through the real binary:
//! commands, the live clock, Ctrl-C, prep notes, durations, answers scored as answers.

use std::path::Path;

use crate::practice::{decline_feedback, practice};
use crate::util::{json_of, roleplay, roleplay_in, spawn_pty};

const CASE: &str = "summit-gear-ski-return";

fn attempt(home: &Path) -> serde_json::Value {
    json_of(roleplay_in(home).args(["show-attempt", "latest", "--format", "json"]))
}

fn draft(home: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(home.join("draft.json")).expect("a draft")).unwrap()
}

#[test]
fn mistyped_commands_are_refused_and_the_case_shown_again_after_a_resume() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(home.path(), &[CASE, "--prep", "0"]);
    p.exp_string("Present now").unwrap();
    p.send_line("/hepl").unwrap();
    p.exp_string(
        "`/hepl` is not a command, and it was not added to your answer. Commands: /case, /time",
    )
    .unwrap();
    p.send_line("/help").unwrap();
    p.exp_string("show the case again").unwrap();
    p.send_line("Mr. Kessler, I'm so sorry the Alpine Crest skis were wrong for you.")
        .unwrap();
    p.send_line("/time").unwrap();
    p.exp_string("left to present, of 10:00").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();

    let mut p = practice(home.path(), &[]);
    p.exp_string("Resume it?").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("type /case to read the case again").unwrap();
    p.send_line("/case").unwrap();
    p.exp_string("Peak Return Policy gives a full refund")
        .unwrap();
    p.send_line(".").unwrap();
    // Neither answer repeats its question's key words; both count as answers.
    p.exp_string("The judge asks (1 of 2)").unwrap();
    p.send_line("Once a binding is mounted, the Peak Return Policy treats the pair as used, so the most I can give is store credit.").unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge asks (2 of 2)").unwrap();
    p.send_line("/time").unwrap();
    p.exp_string("not timed").unwrap();
    p.send_line("Every fitter will now follow a boot and binding checklist, and I will check each fitting myself this month.").unwrap();
    p.send_line(".").unwrap();
    decline_feedback(&mut p);
    let attempt = attempt(home.path());
    assert_eq!(
        attempt["response"],
        "Mr. Kessler, I'm so sorry the Alpine Crest skis were wrong for you."
    );
    assert_eq!(
        attempt["score"]["stats"]["questions_answered"],
        serde_json::json!([2, 2])
    );
}

#[test]
fn the_clock_ticks_and_time_up_keeps_the_half_typed_line() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(home.path(), &[CASE, "--prep", "0", "--time", "5s"]);
    p.exp_string("0:05 on the clock").unwrap();
    // The prompt's clock changes with no key pressed.
    p.exp_string("0:04 > ").unwrap();
    p.send("Mr. Kessler, I will raise your credit to 75%")
        .unwrap();
    p.flush().unwrap();
    p.exp_string("Time is up: your presentation is kept as it stands (1 line(s)).")
        .unwrap();
    p.exp_string("The judge asks (1 of 2)").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        draft(home.path())["response"],
        serde_json::json!(["Mr. Kessler, I will raise your credit to 75%"])
    );
}

#[test]
fn ctrl_c_says_the_draft_is_saved_and_how_to_resume() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(home.path(), &[CASE, "--prep", "0"]);
    p.exp_string("Present now").unwrap();
    p.send_line("A first line.").unwrap();
    p.send("and half a second").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Stopped. Your draft is saved in").unwrap();
    p.exp_string("Run `roleplay practice` to resume where you left off.")
        .unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        draft(home.path())["response"],
        serde_json::json!(["A first line.", "and half a second"])
    );
}

#[test]
fn prep_notes_are_saved_and_shown_while_presenting() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(home.path(), &[CASE, "--prep", "1.5m", "--time", "7m30s"]);
    p.exp_string("Prepare: 1:30").unwrap();
    p.exp_string("notes> ").unwrap();
    p.send_line("Offer the Trailhead 165 and a free remount")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("7:30 on the clock").unwrap();
    p.exp_string("Your notes:").unwrap();
    p.exp_string("| Offer the Trailhead 165 and a free remount")
        .unwrap();
    p.send_line("/notes").unwrap();
    p.exp_string("| Offer the Trailhead 165").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        draft(home.path())["notes"],
        serde_json::json!(["Offer the Trailhead 165 and a free remount"])
    );
}

#[test]
fn a_time_that_is_not_a_duration_is_refused_with_the_forms_that_work() {
    roleplay()
        .args(["practice", CASE, "--time", "ten"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`90s`, `1.5m` or `7m30s`"));
}

#[test]
fn ctrl_c_at_the_picker_says_nothing_was_saved() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(home.path(), &[]);
    p.exp_string("Pick a case").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Stopped before a practice began; nothing was saved.")
        .unwrap();
    p.exp_eof().unwrap();
    assert!(!home.path().join("draft.json").exists());
}

#[test]
fn edit_hands_the_presentation_to_the_editor_and_keeps_its_text() {
    let home = tempfile::tempdir().unwrap();
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Written in the editor, line one.\\nAnd line two.\\n' > \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .args(["practice", CASE, "--prep", "0"])
        .env("ROLEPLAY_HOME", home.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("VISUAL", &editor);
    let mut p = spawn_pty(command);
    p.exp_string("Present now").unwrap();
    p.send_line("/edit").unwrap();
    p.exp_string("your editor's text is kept: 2 line(s)")
        .unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        draft(home.path())["response"],
        serde_json::json!(["Written in the editor, line one.", "And line two."])
    );
}
