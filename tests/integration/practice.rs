//! The practice session in a pseudo-terminal, through the real binary: a whole
//! session from the picker to the history, and a session killed mid-response that the
//! next one resumes with every typed line.

use std::path::Path;
use std::process::Command;

use rexpect::process::Signal;
use rexpect::session::PtySession;

use crate::util::{fill, json_of, roleplay, roleplay_in, small_disk, spawn_pty};

/// Answers each of the judge's next `questions` with one line.
pub fn answer_judge(p: &mut PtySession, questions: usize) {
    for _ in 0..questions {
        p.exp_string("The judge asks").unwrap();
        p.send_line("An answer.").unwrap();
        p.send_line(".").unwrap();
    }
}

/// Declines the full feedback that ends a session, and waits for the program to end.
pub fn decline_feedback(p: &mut PtySession) {
    p.exp_string("Read the full feedback now?").unwrap();
    p.send("n").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
}

pub fn practice(home: &Path, args: &[&str]) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .arg("practice")
        .args(args)
        // These flows test the session itself; follow_ups.rs tests the follow-ups.
        .args(if args.contains(&"--follow-ups") {
            &[][..]
        } else {
            &["--follow-ups", "0"][..]
        })
        .env("ROLEPLAY_HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("PAGER", "cat")
        .env_remove("ROLEPLAY_CASES");
    spawn_pty(command)
}

fn history(home: &Path) -> serde_json::Value {
    json_of(roleplay_in(home).args(["history", "--format", "json"]))
}

#[test]
fn a_whole_session_from_picker_to_history() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(
        home.path(),
        &["--prep", "1", "--time", "10", "--student", "Cal Reyes"],
    );
    p.exp_string("Pick a case").unwrap();
    p.send("summit-gear").unwrap();
    p.flush().unwrap();
    p.exp_string("summit-gear-ski-return").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("You are to assume the role").unwrap();
    p.exp_string("Press Enter on an empty line when you are ready")
        .unwrap();
    p.send_line("").unwrap(); // skip the rest of the prep
    p.exp_string("Present now").unwrap();
    p.send_line("Mr. Kessler, I'm so sorry the skis were the wrong fit for you.")
        .unwrap();
    p.send_line("I will raise your Second Run credit to 75% and remount the bindings for free.")
        .unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge asks (1 of").unwrap();
    p.send_line("Because mounted skis count as used under the Peak Return Policy.")
        .unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge asks (2 of").unwrap();
    p.send_line("I will train the staff on fittings this week.")
        .unwrap();
    p.send_line(".").unwrap();
    p.exp_string("Saved as attempt 1").unwrap();
    p.exp_string("roleplay show-attempt 1").unwrap();
    p.exp_string("Read the full feedback now?").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Total").unwrap();
    p.exp_eof().unwrap();
    let attempts = history(home.path());
    assert_eq!(attempts[0]["case"], "summit-gear-ski-return");
    assert_eq!(attempts[0]["origin"], "practice");
    assert_eq!(attempts[0]["student"], "Cal Reyes");
    assert!(
        !home.path().join("draft.json").exists(),
        "the draft is removed once saved"
    );
    let shown = roleplay_in(home.path())
        .args(["show-attempt", "latest"])
        .output()
        .unwrap();
    let text = String::from_utf8(shown.stdout).unwrap();
    assert!(
        text.contains("train the staff on fittings") && text.contains("Total"),
        "{text}"
    );
}

#[test]
fn a_killed_session_resumes_with_every_typed_line() {
    let home = tempfile::tempdir().unwrap();
    let mut p = practice(home.path(), &["summit-gear-ski-return", "--prep", "0"]);
    p.exp_string("Present now").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("First line, typed before the crash.").unwrap();
    p.send_line("Second line, also typed.").unwrap();
    // Lines are handled in order: once /time answers, both lines are saved.
    p.send_line("/time").unwrap();
    p.exp_string("left to present").unwrap();
    p.process_mut().kill(Signal::SIGKILL).unwrap();

    let mut p = practice(home.path(), &[]);
    p.exp_string("unfinished practice of `summit-gear-ski-return`")
        .unwrap();
    p.send("\r").unwrap(); // yes, the default
    p.flush().unwrap();
    p.exp_string("So far:").unwrap();
    p.exp_string("First line, typed before the crash.").unwrap();
    p.exp_string("Second line, also typed.").unwrap();
    p.send_line("A third line after resuming.").unwrap();
    p.send_line(".").unwrap();
    answer_judge(&mut p, 2);
    p.exp_string("Saved as attempt 1").unwrap();
    decline_feedback(&mut p);
    let shown = roleplay_in(home.path())
        .args(["show-attempt", "1", "--format", "json"])
        .output()
        .unwrap();
    let attempt: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(
        attempt["response"],
        "First line, typed before the crash.\nSecond line, also typed.\nA third line after resuming."
    );
}

#[test]
fn without_a_terminal_practice_points_to_score() {
    roleplay()
        .arg("practice")
        .write_stdin("hello")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("roleplay score --case"));
}

#[test]
fn a_damaged_history_is_reported_and_left_byte_for_byte() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("history.sqlite3");
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &junk).unwrap();
    for args in [vec!["history"], vec!["show-attempt", "latest"]] {
        roleplay_in(home.path())
            .args(&args)
            .assert()
            .code(1)
            .stderr(predicates::str::contains("history.sqlite3 cannot be read"));
    }
    roleplay_in(home.path())
        .args(["score", "--save", "--case", "summit-gear-ski-return", "-"])
        .write_stdin("I'm sorry.")
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn score_save_records_the_attempt() {
    let home = tempfile::tempdir().unwrap();
    roleplay_in(home.path())
        .args([
            "score",
            "--save",
            "--format",
            "json",
            "--case",
            "summit-gear-ski-return",
            "-",
        ])
        .write_stdin("Mr. Kessler, I'm so sorry about the skis.")
        .assert()
        .success();
    let attempts = history(home.path());
    assert_eq!(attempts.as_array().unwrap().len(), 1);
    assert_eq!(attempts[0]["origin"], "score");
}

#[test]
fn a_hand_edited_attempt_is_reported_not_crashed_on() {
    let home = tempfile::tempdir().unwrap();
    roleplay_in(home.path())
        .args([
            "score",
            "--save",
            "--format",
            "json",
            "--case",
            "summit-gear-ski-return",
            "--example",
            "strong",
        ])
        .assert()
        .success();
    let db = rusqlite::Connection::open(home.path().join("history.sqlite3")).unwrap();
    db.execute("UPDATE attempts SET response = 'short'", [])
        .unwrap();
    drop(db);
    for format in ["text", "json", "html"] {
        roleplay_in(home.path())
            .args(["show-attempt", "latest", "--format", format])
            .assert()
            .code(1)
            .stderr(predicates::str::contains(
                "does not match its saved response",
            ));
    }
}

#[test]
fn a_damaged_history_does_not_stop_an_intact_draft_from_resuming() {
    let home = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(home.path().join("history.sqlite3"), &junk).unwrap();
    let draft = serde_json::json!({
        "version": 1, "case_id": "summit-gear-ski-return", "case_path": null,
        "started_at": "2026-11-23T10:00:00Z", "stage": "presenting", "presenting_seconds": 5,
        "response": ["A line typed before the history broke."], "answers": [], "answer_lines": []
    });
    std::fs::write(home.path().join("draft.json"), draft.to_string()).unwrap();
    let mut p = practice(home.path(), &[]);
    p.exp_string("Practising without history").unwrap();
    p.exp_string("unfinished practice of `summit-gear-ski-return`")
        .unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("A line typed before the history broke.")
        .unwrap();
    p.send_line(".").unwrap();
    answer_judge(&mut p, 2);
    p.exp_string("Not saved in your history").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        std::fs::read(home.path().join("history.sqlite3")).unwrap(),
        junk
    );
    let kept = std::fs::read_to_string(home.path().join("draft.json")).unwrap();
    assert!(kept.contains("An answer."), "the words stay in the draft");
}

#[test]
fn a_damaged_draft_is_moved_aside_and_practice_goes_on() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("draft.json"), b"{ half a draft").unwrap();
    let mut p = practice(home.path(), &["summit-gear-ski-return", "--prep", "0"]);
    p.exp_string("moved, unchanged, to").unwrap();
    p.exp_string("Present now").unwrap();
    p.process_mut().kill(Signal::SIGKILL).unwrap();
    let aside: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), b"{ half a draft");
}

#[test]
fn a_full_disk_keeps_the_lines_and_the_session_goes_on() {
    let Some((disk, _mount)) = small_disk() else {
        return;
    };
    let home = disk.path();
    let mut p = practice(home, &["summit-gear-ski-return", "--prep", "0"]);
    p.exp_string("Present now").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("A line saved before the disk filled.").unwrap();
    p.exp_string("> ").unwrap();
    let filler = fill(home);
    p.send_line("A line typed on a full disk.").unwrap();
    p.exp_string("the disk is full").unwrap();
    p.exp_string("> ").unwrap();
    std::fs::remove_file(&filler).unwrap();
    p.send_line("A line after freeing space.").unwrap();
    p.exp_string("saved again").unwrap();
    p.send_line(".").unwrap();
    answer_judge(&mut p, 2);
    p.exp_string("Saved as attempt 1").unwrap();
    decline_feedback(&mut p);
    let shown = roleplay_in(home)
        .args(["show-attempt", "1", "--format", "json"])
        .output()
        .unwrap();
    let attempt: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(
        attempt["response"],
        "A line saved before the disk filled.\nA line typed on a full disk.\nA line after freeing space."
    );
    let left: Vec<_> = std::fs::read_dir(home)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}
