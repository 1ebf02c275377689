//! What the history keeps: each attempt's score as `score --format json` prints it, with
//! the form it was scored on, shown again on that form; and a history written by an
//! older release (schema 3) converted on opening, every attempt kept.

use std::path::{Path, PathBuf};

use crate::util::{json_of, repo, roleplay};

const CASE: &str = "summit-gear-ski-return";
const CLUB_FORM: &str = "tests/fixtures/forms/club-form.yaml";
const SCHEMA_3: &str = "tests/fixtures/history/schema-3.sqlite3";

/// `roleplay` with a data folder, in UTC, with the pager printing as it is.
fn at(home: &Path) -> assert_cmd::Command {
    let mut command = roleplay();
    command
        .current_dir(repo(""))
        .env("ROLEPLAY_HOME", home)
        .env("TZ", "UTC")
        .env("PAGER", "cat");
    command
}

fn stdout(command: &mut assert_cmd::Command) -> String {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A data folder holding a copy of the history schema 3 wrote.
fn old_history() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("history.sqlite3");
    std::fs::copy(repo(SCHEMA_3), &path).unwrap();
    (home, path)
}

fn column(path: &Path, sql: &str) -> Vec<String> {
    let connection = rusqlite::Connection::open(path).unwrap();
    let mut statement = connection.prepare(sql).unwrap();
    statement
        .query_map([], |row| row.get::<_, String>(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn user_version(path: &Path) -> i64 {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn an_attempt_scored_on_a_coachs_form_is_shown_again_on_that_form() {
    let home = tempfile::tempdir().unwrap();
    let scored = json_of(
        at(home.path())
            .args(["score", "--case", CASE, "--example", "strong"])
            .args(["--form", CLUB_FORM, "--save", "--format", "json"]),
    );
    let total = scored["total"].as_u64().unwrap();
    assert_eq!(scored["max"], 50);
    let shown = stdout(at(home.path()).args(["show-attempt", "latest"]));
    let rating = |t: u64| match t {
        40.. => "Outstanding",
        30.. => "Solid Work",
        12.. => "Getting There",
        _ => "Not Yet",
    };
    let heading = format!("Total {total}/50  {}", rating(total));
    assert!(shown.contains(&heading), "{heading} not in\n{shown}");
    for line in [
        "Thinks it through",
        "Leaves a good impression",
        " 40, the total",
    ] {
        assert!(shown.contains(line), "{line} not in\n{shown}");
    }
    assert!(shown.contains("/7 "), "indicators out of 7:\n{shown}");
    for default in ["/100", "/14 ", "Expectations", "Communicate clearly"] {
        assert!(!shown.contains(default), "{default} in\n{shown}");
    }
    let markdown = stdout(at(home.path()).args(["report", "latest", "--format", "markdown"]));
    assert!(
        markdown.contains("Outstanding") || markdown.contains("Solid Work"),
        "{markdown}"
    );
    assert!(!markdown.contains("Expectations"), "{markdown}");
    let html = stdout(at(home.path()).args(["report", "latest", "--format", "html"]));
    assert!(html.contains("Speaks clearly") && !html.contains("Expectations"));
    let json = json_of(at(home.path()).args(["show-attempt", "latest", "--format", "json"]));
    assert_eq!(json["score"]["form"], "club-form");
    assert_eq!(json["score"]["max"], 50);
    assert_eq!(json["score"]["indicators"], scored["indicators"]);
    let list = stdout(at(home.path()).arg("history"));
    assert!(list.contains(&format!(" {total}/50 ")), "{list}");
    let progress = stdout(at(home.path()).arg("progress"));
    assert!(
        progress.contains(&format!("latest {total}/50\n")),
        "{progress}"
    );
    assert!(progress.contains("/7 "), "{progress}");
}

#[test]
fn a_history_from_schema_3_is_converted_and_keeps_every_attempt() {
    let (home, path) = old_history();
    let before = column(&path, "SELECT scorecard FROM attempts ORDER BY id");
    let list = json_of(at(home.path()).args(["history", "--format", "json"]));
    let list = list.as_array().unwrap();
    let ids: Vec<u64> = list.iter().map(|a| a["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    let totals: Vec<u64> = list.iter().map(|a| a["total"].as_u64().unwrap()).collect();
    assert_eq!(totals, [95, 48, 46, 46, 95]);
    assert_eq!(list[3]["origin"], "practice");
    assert_eq!(list[3]["started_at"], "2026-11-20T09:00:00Z");
    assert_eq!(list[4]["student"], "Ben Okafor");
    assert_eq!(user_version(&path), 4);
    let after = column(&path, "SELECT scorecard FROM attempts ORDER BY id");
    assert_eq!(after.len(), before.len());
    for stored in &after {
        let value: serde_json::Value = serde_json::from_str(stored).unwrap();
        assert_eq!(value["version"], 2, "{stored:.200}");
        assert!(value["form"]["bands"].is_array());
        assert!(value["score"]["indicators"].is_array());
    }
    // The practice attempt keeps its follow-up questions and answers.
    let practice = stdout(at(home.path()).args(["show-attempt", "4"]));
    assert!(practice.contains("FOLLOW-UP QUESTIONS"), "{practice}");
    assert!(practice.contains("I want to hear the whole story first"));
    // An older release's scorecard, without `reading`, `held` or `misconceptions`.
    let oldest = stdout(at(home.path()).args(["show-attempt", "5"]));
    assert!(oldest.contains("Student: Ben Okafor") && oldest.contains("Total 95/100"));
    // Scored on a coach's form file that was never saved: its own maxima come back.
    let club = stdout(at(home.path()).args(["show-attempt", "2"]));
    assert!(club.contains("Total 48/50"), "{club}");
    assert!(
        club.contains("Thinks it through") && club.contains("3/3"),
        "{club}"
    );
}

#[test]
fn a_converted_attempt_reads_as_the_old_release_showed_it() {
    let (home, _) = old_history();
    // Written by schema 3's release: `TZ=UTC roleplay show-attempt 1` on this file.
    let expected =
        std::fs::read_to_string(repo("tests/fixtures/history/schema-3-attempt-1.txt")).unwrap();
    assert_eq!(
        stdout(at(home.path()).args(["show-attempt", "1"])),
        expected
    );
}

#[test]
fn a_row_that_cannot_be_converted_is_kept_as_it_is_and_named() {
    let (home, path) = old_history();
    let damaged = r#"{"case_id": "summit-gear-ski-return", "total": "lots"}"#;
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE attempts SET scorecard = ?1 WHERE id = 3", [damaged])
        .unwrap();
    let out = at(home.path())
        .args(["history", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("attempt 3 in your history cannot be read")
            && stderr.contains("older release"),
        "{stderr}"
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 4);
    assert_eq!(user_version(&path), 4);
    let kept = column(&path, "SELECT scorecard FROM attempts WHERE id = 3");
    assert_eq!(kept, [damaged]);
    let shown = at(home.path())
        .args(["show-attempt", "3"])
        .output()
        .unwrap();
    assert!(!shown.status.success());
    let stderr = String::from_utf8_lossy(&shown.stderr);
    assert!(
        stderr.contains("attempt 3 in your history cannot be read"),
        "{stderr}"
    );
}

#[test]
fn a_damaged_old_history_is_reported_and_never_migrated() {
    let (home, path) = old_history();
    let mut bytes = std::fs::read(&path).unwrap();
    // Overwrite the pages after the schema with noise: the tables' contents are gone.
    for (i, byte) in bytes.iter_mut().enumerate().skip(4096 * 2).take(4096 * 4) {
        *byte = (i * 7 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    let out = at(home.path()).arg("history").output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("history.sqlite3"), "{stderr}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file was written to"
    );
}
