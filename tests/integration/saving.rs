//! Nothing saved is lost: a reader that stops early, two first saves at once, a
//! damaged history row, a damaged draft, `-o` onto a link.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{json_of, repo, roleplay_in};

/// Runs the binary with its standard output a pipe whose reading end is already
/// closed, as `roleplay ... | true` does once `true` exits.
fn with_closed_stdout(home: &Path, args: &[&str], stdin: &str) -> std::process::ExitStatus {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_roleplay"))
        .args(args)
        .current_dir(repo(""))
        .env("ROLEPLAY_HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("ROLEPLAY_CASES")
        .stdin(Stdio::piped())
        .stdout(writer)
        .stderr(Stdio::null())
        .spawn()
        .expect("runs");
    {
        use std::io::Write;
        let mut input = child.stdin.take().expect("stdin");
        input.write_all(stdin.as_bytes()).expect("stdin written");
    }
    child.wait().expect("exits")
}

fn attempts(home: &Path) -> Vec<serde_json::Value> {
    json_of(roleplay_in(home).args(["history", "--format", "json"]))
        .as_array()
        .expect("a list")
        .clone()
}

fn save(home: &Path, response: &str) {
    roleplay_in(home)
        .args(["score", "--save", "--case", "summit-gear-ski-return", "-"])
        .write_stdin(response)
        .assert()
        .success();
}

#[test]
fn a_save_is_kept_when_the_reader_stops_early() {
    for format in ["json", "text", "html"] {
        let home = tempfile::tempdir().unwrap();
        let args = [
            "score",
            "--save",
            "--format",
            format,
            "--case",
            "summit-gear-ski-return",
            "-",
        ];
        let status = with_closed_stdout(home.path(), &args, "Mr. Kessler, I'm so sorry.");
        assert!(status.success(), "{format}: {status}");
        assert_eq!(
            attempts(home.path()).len(),
            1,
            "{format}: the attempt is saved"
        );
    }
}

#[test]
fn validate_still_fails_on_a_bad_file_when_the_reader_stops_early() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.yaml");
    std::fs::write(&bad, "title: [unclosed\n").unwrap();
    let status = with_closed_stdout(home.path(), &["validate", bad.to_str().unwrap()], "");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn first_saves_at_the_same_time_all_land() {
    for round in 0..12 {
        let home = tempfile::tempdir().unwrap();
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_roleplay"))
                    .args(["score", "--save", "--case", "summit-gear-ski-return"])
                    .args(["--example", "weak", "--format", "json"])
                    .env("ROLEPLAY_HOME", home.path())
                    .env_remove("ROLEPLAY_CASES")
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("runs")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("exits");
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(attempts(home.path()).len(), 6, "round {round}");
    }
}

#[test]
fn a_damaged_history_row_is_skipped_and_named() {
    let home = tempfile::tempdir().unwrap();
    save(home.path(), "I'm sorry about the skis.");
    save(home.path(), "I will raise your credit to 75%.");
    save(home.path(), "Thank you for coming in.");
    let db = rusqlite::Connection::open(home.path().join("history.sqlite3")).unwrap();
    db.execute("UPDATE attempts SET total = -5 WHERE id = 1", [])
        .unwrap();
    db.execute("UPDATE attempts SET scorecard = '{half' WHERE id = 2", [])
        .unwrap();
    drop(db);
    let before = std::fs::read(home.path().join("history.sqlite3")).unwrap();
    let history = roleplay_in(home.path())
        .args(["history", "--format", "json"])
        .output()
        .unwrap();
    assert!(history.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], 3);
    let stderr = String::from_utf8_lossy(&history.stderr);
    assert!(stderr.contains("attempt 1 "), "{stderr}");
    assert!(stderr.contains("attempt 2 "), "{stderr}");
    for args in [vec!["show-attempt", "3"], vec!["progress"]] {
        roleplay_in(home.path())
            .args(&args)
            .assert()
            .success()
            .stderr(predicates::str::contains("attempt 1 in your history"));
    }
    roleplay_in(home.path())
        .args(["show-attempt", "1"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot be read and was skipped"));
    assert_eq!(
        std::fs::read(home.path().join("history.sqlite3")).unwrap(),
        before,
        "the file is left as it is"
    );
}

#[test]
fn report_dash_o_onto_a_link_writes_its_target() {
    let home = tempfile::tempdir().unwrap();
    save(home.path(), "I'm sorry about the skis.");
    let target = home.path().join("real.md");
    std::fs::write(&target, "old").unwrap();
    let link = home.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    roleplay_in(home.path())
        .args(["report", "latest", "-o", link.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("CR:010"), "{written}");
    let names: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_healthy_history_that_cannot_be_written_is_reported_as_such() {
    let Some((disk, _mount)) = crate::util::small_disk() else {
        return;
    };
    let home = disk.path();
    save(home, "I'm sorry about the skis.");
    let history = home.join("history.sqlite3");
    let before = std::fs::read(&history).unwrap();
    // Read-only: remounted, since root ignores file modes.
    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(home)
        .status()
        .is_ok_and(|s| s.success());
    assert!(remounted, "remount read-only");
    let out = roleplay_in(home)
        .args(["score", "--save", "--case", "summit-gear-ski-return", "-"])
        .write_stdin("I will call you.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("read-only; your history is intact"),
        "{stderr}"
    );
    assert!(!stderr.contains("move it away"), "{stderr}");
    let _ = Command::new("mount")
        .args(["-o", "remount,rw"])
        .arg(home)
        .status();
    assert_eq!(std::fs::read(&history).unwrap(), before);
    assert_eq!(
        attempts(home).len(),
        1,
        "history still lists the saved attempt"
    );
}
