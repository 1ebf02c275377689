//! Hostile case files are refused at once, with a position and a clear message:
//! alias bombs, deep nesting, pipes and devices, huge files and lines, nulls where
//! text is needed; an unreadable file in a folder is skipped with a warning.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

use crate::util::{repo, roleplay};

/// A safety net so a regression hangs no CI run; no test asserts on time.
const NO_HANG: Duration = Duration::from_secs(60);

fn good_case() -> String {
    std::fs::read_to_string(repo("tests/fixtures/cases/tidewater.yaml")).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn validate(path: &Path) -> (Option<i32>, String) {
    let out = roleplay()
        .arg("validate")
        .arg(path)
        .timeout(NO_HANG)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn score(case: &Path) -> Command {
    let mut cmd = roleplay();
    cmd.args(["score", "--case"])
        .arg(case)
        .arg("-")
        .write_stdin("I'm sorry.")
        .timeout(NO_HANG);
    cmd
}

#[test]
fn aliases_that_expand_past_the_budget_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let anchor = "x".repeat(1 << 20);
    let refs = vec!["*big"; 40].join(", ");
    let text = good_case().replacen(
        "judge_questions:",
        &format!("event: &big {anchor}\njudge_questions: [{refs}]\nx_questions:"),
        1,
    );
    let text = text.replace("x_questions:\n", "unused:\n");
    let path = write(dir.path(), "bomb.yaml", &text);
    let (code, out) = validate(&path);
    assert_eq!(code, Some(1), "{}", &out[..out.len().min(2000)]);
    assert!(
        out.contains("expands to more than 16 MB"),
        "{}",
        &out[..out.len().min(2000)]
    );
    score(&path)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("expands to more than"));
}

#[test]
fn nesting_past_the_limit_is_refused_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("flow.yaml", format!("title: {}", "[".repeat(100_000))),
        ("maps.yaml", format!("title: {}", "{a: ".repeat(50_000))),
    ] {
        let path = write(dir.path(), name, &text);
        let (code, out) = validate(&path);
        assert_eq!(code, Some(1));
        assert!(
            out.contains(":1:72: error: nested more than 64 levels deep")
                || out.contains(":1:264: error: nested more than 64 levels deep"),
            "{out}"
        );
    }
}

#[test]
fn pipes_devices_and_huge_files_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = write(
        dir.path(),
        "huge.yaml",
        &format!("title: {}\n", "x".repeat(5 << 20)),
    );
    for (path, why) in [
        (fifo.as_path(), "not a regular file"),
        (Path::new("/dev/zero"), "not a regular file"),
        (huge.as_path(), "a case file is at most 4 MB"),
    ] {
        score(path)
            .assert()
            .code(1)
            .stderr(predicates::str::contains(why));
    }
}

#[test]
fn an_unreadable_file_in_a_case_folder_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tidewater-damaged-book.yaml", &good_case());
    // Root reads any file mode, but reading this one always fails.
    std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("broken.yaml")).unwrap();
    roleplay()
        .arg("list")
        .arg("--cases")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::contains("broken.yaml"));
    roleplay()
        .args(["score", "--case", "tidewater-damaged-book", "-", "--cases"])
        .arg(dir.path())
        .write_stdin("I'm sorry.")
        .assert()
        .success();
}

#[test]
fn validate_accepts_a_byte_order_mark_as_score_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "tidewater-damaged-book.yaml",
        &format!("\u{feff}{}", good_case()),
    );
    let (code, out) = validate(&path);
    assert_eq!(code, Some(0), "{out}");
    score(&path).assert().success();
}

#[test]
fn a_null_title_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    for null in ["~", "null"] {
        let text = good_case();
        let line = text.lines().find(|l| l.starts_with("title:")).unwrap();
        let path = write(
            dir.path(),
            "t.yaml",
            &text.replace(line, &format!("title: {null}")),
        );
        let (code, out) = validate(&path);
        assert_eq!(code, Some(1), "{out}");
        assert!(
            out.contains("t.yaml:2:8: error: title: this is YAML's null"),
            "{out}"
        );
    }
}

#[test]
fn an_error_on_a_huge_line_echoes_only_the_part_around_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("title: {}\"\n", "a".repeat(3 << 20));
    let path = write(dir.path(), "long.yaml", &text);
    let (code, out) = validate(&path);
    assert_eq!(code, Some(1));
    assert!(out.len() < 2_000, "{} bytes echoed", out.len());
    assert!(out.contains('…'), "{out}");
}

#[test]
fn control_characters_and_duplicate_keys_are_reported_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let control = write(dir.path(), "c.yaml", "title: ok\nsituation: \"a\u{1}b\"\n");
    let (_, out) = validate(&control);
    assert!(
        out.contains("c.yaml:2:14: error: control characters are not allowed"),
        "{out}"
    );
    let twice = write(
        dir.path(),
        "d.yaml",
        "title: a\nparticipant_role: b\ntitle: c\n",
    );
    let (_, out) = validate(&twice);
    assert!(
        out.contains("d.yaml:3:1: error: the key `title` is written twice"),
        "{out}"
    );
}

#[test]
fn validate_reports_an_unreadable_path_and_checks_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "tidewater-damaged-book.yaml", &good_case());
    let out = roleplay()
        .arg("validate")
        .arg(dir.path().join("missing.yaml"))
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("missing.yaml: error: cannot read the file"),
        "{text}"
    );
    assert!(text.contains("2 file(s): 1 error(s)"), "{text}");
}

#[test]
fn validate_says_when_it_stopped_counting_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("title: T\nparticipant_role: a\njudge_role: b\nsituation: c\n");
    for i in 0..60 {
        text.push_str(&format!("unknown_{i}: x\n"));
    }
    let path = write(dir.path(), "many.yaml", &text);
    let (code, out) = validate(&path);
    assert_eq!(code, Some(1));
    assert!(out.contains("stopped after 50 errors"), "{out}");
}
