//! Nothing injected: terminal control sequences shown visibly in every text output,
//! spreadsheet formulas neutralised in CSV, line breaks kept out of Markdown blocks.

use std::path::Path;

use crate::util::{repo, roleplay, roleplay_in};

/// Clear screen, cursor home, set the window title, ask the terminal to answer.
const ATTACK: &str = "\u{1b}[2J\u{1b}[H\u{1b}]0;pwned\u{7}\u{1b}[6n\u{9b}31m";

fn assert_no_raw_controls(what: &str, output: &[u8]) {
    let text = String::from_utf8_lossy(output);
    let raw: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{80}'..='\u{9f}').contains(c)
        })
        .collect();
    assert!(
        raw.is_empty(),
        "{what}: raw control characters {raw:?} in\n{text}"
    );
    assert!(
        text.contains('\u{241b}'),
        "{what}: the escape is shown as ␛\n{text}"
    );
}

/// A copy of the fixture case whose title carries `title`.
fn case_titled(dir: &Path, title: &str) -> std::path::PathBuf {
    let good = std::fs::read_to_string(repo("tests/fixtures/cases/tidewater.yaml")).unwrap();
    let line = good
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title line");
    // YAML's double-quoted escapes: a raw control character is not allowed in YAML.
    let quoted: String = title
        .chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            c if c.is_control() => format!("\\u{:04x}", c as u32),
            c => c.to_string(),
        })
        .collect();
    let quoted = format!("\"{quoted}\"");
    let path = dir.join("tidewater-damaged-book.yaml");
    std::fs::write(&path, good.replace(line, &format!("title: {quoted}"))).unwrap();
    path
}

#[test]
fn a_response_with_escapes_is_shown_visibly_in_the_text_report_and_show_attempt() {
    let home = tempfile::tempdir().unwrap();
    let response = format!("I'm so sorry about the book.{ATTACK} I will send a new copy today.");
    let score = roleplay_in(home.path())
        .args(["score", "--save", "--case", "summit-gear-ski-return", "-"])
        .write_stdin(response)
        .output()
        .unwrap();
    assert!(score.status.success());
    let text = String::from_utf8_lossy(&score.stdout);
    assert_no_raw_controls("score", text.as_bytes());
    let shown = roleplay_in(home.path())
        .args(["show-attempt", "latest"])
        .output()
        .unwrap();
    assert!(shown.status.success());
    assert_no_raw_controls("show-attempt", &shown.stdout);
}

#[test]
fn a_case_title_with_escapes_is_shown_visibly_by_show_list_and_score() {
    let dir = tempfile::tempdir().unwrap();
    case_titled(dir.path(), &format!("Damaged book{ATTACK}"));
    let folder = dir.path().to_str().unwrap();
    for args in [
        vec!["show", "tidewater-damaged-book", "--cases", folder],
        vec!["list", "--cases", folder],
        vec![
            "score",
            "--case",
            "tidewater-damaged-book",
            "--cases",
            folder,
            "-",
        ],
    ] {
        let out = roleplay()
            .args(&args)
            .write_stdin("Sorry.")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_no_raw_controls(args[0], &out.stdout);
    }
}

#[test]
fn the_json_report_keeps_the_response_exact() {
    let out = roleplay()
        .args([
            "score",
            "--format",
            "json",
            "--case",
            "summit-gear-ski-return",
            "-",
        ])
        .write_stdin(format!("Sorry.{ATTACK}"))
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("one JSON object");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{241b}'));
}

#[test]
fn spreadsheet_formulas_in_batch_csv_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class.csv");
    std::fs::write(
        &class,
        "student,case,response\n\
         \"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",summit-gear-ski-return,I'm sorry.\n\
         +cmd,summit-gear-ski-return,I'm sorry.\n\
         -2+3,summit-gear-ski-return,I'm sorry.\n\
         @SUM(A1),summit-gear-ski-return,I'm sorry.\n\
         ana,summit-gear-ski-return,I'm sorry.\n",
    )
    .unwrap();
    let out = roleplay().arg("batch").arg(&class).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let mut students: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    students.sort();
    assert_eq!(
        students,
        [
            "'+cmd",
            "'-2+3",
            "'=HYPERLINK(\"http://x\",\"y\")",
            "'@SUM(A1)",
            "ana"
        ]
    );
}

#[test]
fn a_title_with_line_breaks_stays_one_markdown_heading() {
    let dir = tempfile::tempdir().unwrap();
    case_titled(
        dir.path(),
        "Damaged book\n\n# Injected heading\n\n<script>x</script>",
    );
    let out = roleplay()
        .args(["score", "--format", "markdown", "--cases"])
        .arg(dir.path())
        .args(["--case", "tidewater-damaged-book", "-"])
        .write_stdin("I'm sorry.")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = String::from_utf8(out.stdout).unwrap();
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(headings.len(), 1, "{markdown}");
    assert!(headings[0].contains("Injected heading"), "{markdown}");
}

#[test]
fn a_text_report_written_to_a_file_shows_escapes_visibly() {
    let home = tempfile::tempdir().unwrap();
    roleplay_in(home.path())
        .args(["score", "--save", "--case", "summit-gear-ski-return", "-"])
        .write_stdin(format!("I'm so sorry about the skis.{ATTACK}"))
        .assert()
        .success();
    for name in ["report.txt", "report.md"] {
        let path = home.path().join(name);
        roleplay_in(home.path())
            .args(["report", "latest", "-o"])
            .arg(&path)
            .args([
                "--format",
                if name.ends_with(".md") {
                    "markdown"
                } else {
                    "text"
                },
            ])
            .assert()
            .success();
        let written = std::fs::read_to_string(&path).unwrap();
        if name.ends_with(".txt") {
            assert_no_raw_controls(name, written.as_bytes());
        } else {
            assert!(!written.contains('\u{1b}'), "{written}");
        }
    }
}
