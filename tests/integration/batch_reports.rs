//! `roleplay batch` for a coach: each student's report with their name on it, a
//! roster with titles and a colour legend, and an empty folder that says so.

use predicates::prelude::*;

use crate::util::{repo, roleplay};

fn class() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("complaint-strong.txt", "Ana Díaz.txt"),
        ("negated.txt", "ben.txt"),
    ] {
        std::fs::copy(
            repo(&format!("tests/fixtures/responses/{from}")),
            dir.path().join(to),
        )
        .unwrap();
    }
    dir
}

#[test]
fn reports_writes_each_students_form_with_their_name() {
    let class = class();
    let out_dir = tempfile::tempdir().unwrap();
    let reports = out_dir.path().join("reports");
    let roster = out_dir.path().join("roster.html");
    let out = roleplay()
        .arg("batch")
        .arg(class.path())
        .arg("--case")
        .arg(repo("tests/fixtures/cases/tidewater.yaml"))
        .arg("--reports")
        .arg(&reports)
        .arg("-o")
        .arg(&roster)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Wrote 2 student report(s)"));
    let ana =
        std::fs::read_to_string(reports.join("Ana_Díaz-tidewater-damaged-book.html")).unwrap();
    assert!(ana.contains("Student: <strong>Ana Díaz</strong>"));
    assert!(ana.starts_with("<!DOCTYPE html>"));
    assert!(reports.join("ben-tidewater-damaged-book.html").is_file());
    let page = std::fs::read_to_string(&roster).unwrap();
    assert!(page.contains("CR:010<small>Handle customer/client complaints</small>"));
    assert!(page.contains("<p class=\"legend\">"));
    for band in ["little", "below", "meets", "exceeds"] {
        assert!(page.contains(&format!("<span class=\"{band}\">")), "{band}");
    }
}

#[test]
fn reports_in_markdown_for_one_student() {
    let class = class();
    let reports = tempfile::tempdir().unwrap();
    roleplay()
        .arg("batch")
        .arg(class.path())
        .arg("--case")
        .arg(repo("tests/fixtures/cases/tidewater.yaml"))
        .args([
            "--student",
            "ben",
            "--report-format",
            "markdown",
            "--reports",
        ])
        .arg(reports.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("ben,").and(predicates::str::contains("Ana").not()));
    let files: Vec<_> = std::fs::read_dir(reports.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    let md = std::fs::read_to_string(reports.path().join("ben-tidewater-damaged-book.md")).unwrap();
    assert!(md.contains("**Student:** ben"));
}

#[test]
fn an_empty_folder_warns_and_fails() {
    let empty = tempfile::tempdir().unwrap();
    roleplay()
        .arg("batch")
        .arg(empty.path())
        .args(["--case", "summit-gear-ski-return"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no response files (.txt, .md, or no extension)",
        ));
}

#[test]
fn an_output_name_with_no_format_is_refused_before_scoring() {
    let class = class();
    let out = tempfile::tempdir().unwrap();
    roleplay()
        .arg("batch")
        .arg(class.path())
        .args(["--case", "summit-gear-ski-return", "-o"])
        .arg(out.path().join("class.txt"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("end it in .csv, .jsonl or .html"));
}
