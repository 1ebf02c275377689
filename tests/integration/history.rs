//! Reports and history as a student reads them: the text report on a terminal, a
//! real PDF, the format from the file's extension, the student's name on the form,
//! local times, case titles and where an attempt came from.

use std::path::Path;
use std::process::Command;

use crate::util::{json_of, roleplay, roleplay_in, spawn_pty};

const CASE: &str = "summit-gear-ski-return";

/// A data folder with one `score --save` attempt by Ana Díaz.
fn saved() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    roleplay_in(home.path())
        .args(["score", "--save", "--student", "Ana Díaz", "--case", CASE])
        .args(["--example", "strong"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("Student: Ana Díaz\n"));
    home
}

fn report(home: &Path, args: &[&str]) -> std::process::Output {
    roleplay_in(home).arg("report").args(args).output().unwrap()
}

#[test]
fn report_prints_the_text_report_unless_told_otherwise() {
    let home = saved();
    let out = report(home.path(), &["latest"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Total") && !text.contains("<!DOCTYPE"),
        "{text:.300}"
    );
    assert!(text.contains("Student: Ana Díaz"), "{text:.300}");
    let html = report(home.path(), &["latest", "--format", "html"]);
    assert!(String::from_utf8_lossy(&html.stdout).starts_with("<!DOCTYPE html>"));
}

#[test]
fn an_extension_with_no_format_is_refused_and_nothing_written() {
    let home = saved();
    let path = home.path().join("r.docx");
    let out = report(home.path(), &["latest", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".txt, .md, .html, .pdf or .json"));
    assert!(!path.exists());
    let out = report(home.path(), &["latest", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE.pdf"));
}

#[test]
fn a_pdf_without_a_browser_names_the_package_and_writes_nothing() {
    let home = saved();
    let path = home.path().join("r.pdf");
    let out = roleplay_in(home.path())
        .env("PATH", "")
        .env_remove("ROLEPLAY_CHROMIUM")
        .args(["report", "latest", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sudo apt install chromium"), "{stderr}");
    assert!(!path.exists());
}

#[test]
fn a_pdf_is_a_real_pdf_of_the_form_with_the_student_name() {
    let Some(browser) = crate::reports::chromium() else {
        return;
    };
    let home = saved();
    let path = home.path().join("Feedback.PDF");
    let out = roleplay_in(home.path())
        .env("ROLEPLAY_CHROMIUM", &browser)
        .args(["report", "latest", "--student", "Ben Okafor", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in ["Ben Okafor", "CR:010", "Exceeds"] {
        assert!(text.contains(needle), "{needle} missing from the PDF");
    }
}

#[test]
fn history_shows_titles_origin_student_and_local_time() {
    let home = saved();
    let attempts = json_of(roleplay_in(home.path()).args(["history", "--format", "json"]));
    assert_eq!(attempts[0]["student"], "Ana Díaz");
    assert_eq!(attempts[0]["origin"], "score");
    let utc = attempts[0]["finished_at"].as_str().unwrap();
    let local = chrono::DateTime::parse_from_rfc3339(utc).unwrap() - chrono::Duration::hours(5);
    let local = local.format("%Y-%m-%d %H:%M").to_string();
    let out = roleplay_in(home.path())
        .env("TZ", "EST5")
        .arg("history")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&local), "{local} not in\n{text}");
    assert!(
        text.contains(
            "from score --save\n      The expert skis sold to an intermediate skier · Ana Díaz\n"
        ),
        "{text}"
    );
    let shown = roleplay_in(home.path())
        .env("TZ", "EST5")
        .args(["show-attempt", "latest"])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(
        shown.starts_with("Attempt 1: The expert skis sold to an intermediate skier (summit-gear-ski-return), scored with `roleplay score --save`, "),
        "{shown:.300}"
    );
    assert!(shown.contains(&local));
}

#[test]
fn long_feedback_on_a_terminal_goes_through_the_pager() {
    let home = saved();
    let mut command = Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .args(["show-attempt", "latest"])
        .env("ROLEPLAY_HOME", home.path())
        .env("NO_COLOR", "1")
        .env("PAGER", "sed s/^/PAGED:/");
    let mut p = spawn_pty(command);
    p.exp_string("PAGED:Attempt 1: The expert skis").unwrap();
    p.exp_string("PAGED:Total").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn score_json_names_the_student_beside_the_contract_keys() {
    let value = json_of(roleplay().args([
        "score",
        "--case",
        CASE,
        "--example",
        "weak",
        "--format",
        "json",
        "--student",
        "Ana Díaz",
    ]));
    assert_eq!(value["student"], "Ana Díaz");
    for key in ["case", "total", "max", "rating", "indicators"] {
        assert!(value.get(key).is_some(), "{key}");
    }
}
