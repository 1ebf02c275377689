//! `roleplay batch` through the binary: a folder, CSV and JSONL inputs, the roster,
//! and rows that cannot be scored reported with their line.

use crate::util::{repo, roleplay};

#[test]
fn a_folder_of_responses_for_one_case_gives_a_row_per_student() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo("tests/fixtures/responses/complaint-strong.txt"),
        dir.path().join("ana.txt"),
    )
    .unwrap();
    std::fs::copy(
        repo("tests/fixtures/responses/negated.txt"),
        dir.path().join("ben.txt"),
    )
    .unwrap();
    let out = roleplay()
        .arg("batch")
        .arg(dir.path())
        .arg("--case")
        .arg(repo("tests/fixtures/cases/tidewater.yaml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "student,case,total,rating,CR:010,CR:007,CR:029,CR:009,CR:001"
    );
    assert!(lines[1].starts_with("ana,tidewater-damaged-book,"));
    assert!(lines[2].starts_with("ben,tidewater-damaged-book,"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 scored, 0 skipped"));
}

#[test]
fn a_folder_needs_a_case() {
    let dir = tempfile::tempdir().unwrap();
    roleplay()
        .arg("batch")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--case"));
}

#[test]
fn csv_rows_that_cannot_be_scored_are_reported_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.csv");
    std::fs::write(
        &path,
        "student,case,response\n\
         Ana,summit-gear-ski-return,\"Mr. Kessler, I'm so sorry.\nI will call you Friday.\"\n\
         Ben,no-such-case,Hello\n\
         Cal,,Hi\n\
         Dee,summit-gear-ski-return,Thank you.\n",
    )
    .unwrap();
    let out = roleplay().arg("batch").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("class.csv:4: skipped: no case `no-such-case`"),
        "{stderr}"
    );
    assert!(stderr.contains("class.csv:5: skipped: missing"), "{stderr}");
    assert!(stderr.contains("2 scored, 2 skipped"), "{stderr}");
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
}

#[test]
fn jsonl_in_jsonl_and_html_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.jsonl");
    let strong =
        std::fs::read_to_string(repo("tests/fixtures/responses/complaint-strong.txt")).unwrap();
    let case = repo("tests/fixtures/cases/tidewater.yaml")
        .display()
        .to_string();
    let lines: Vec<String> = ["Ana", "Ben <script>"]
        .iter()
        .map(|s| serde_json::json!({ "student": s, "case": case, "response": strong }).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\nnot json\n").unwrap();
    let out = roleplay()
        .arg("batch")
        .arg(&path)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("class.jsonl:3: skipped"));
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0]["indicators"]["CR:010"],
        rows[0]["score"]["indicators"][0]["points"]
    );

    let roster = dir.path().join("roster.html");
    roleplay()
        .arg("batch")
        .arg(&path)
        .arg("-o")
        .arg(&roster)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&roster).unwrap();
    assert!(html.contains("Class average"));
    assert!(html.contains("Ben &lt;script&gt;") && !html.contains("<script>"));
}

#[test]
fn a_row_that_is_not_utf8_is_reported_with_its_line_and_the_rest_are_scored() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("class.csv");
    std::fs::write(
        &csv,
        b"student,case,response\nana,summit-gear-ski-return,I'm sorry.\nben,summit-gear-ski-return,caf\xe9 sorry\ncal,summit-gear-ski-return,I will call you.\n",
    )
    .unwrap();
    let jsonl = dir.path().join("class.jsonl");
    std::fs::write(
        &jsonl,
        b"{\"student\":\"ana\",\"case\":\"summit-gear-ski-return\",\"response\":\"Sorry.\"}\n{\"student\":\"ben\",\"case\":\"summit-gear-ski-return\",\"response\":\"\xff\"}\n{\"student\":\"cal\",\"case\":\"summit-gear-ski-return\",\"response\":\"I will call.\"}\n",
    )
    .unwrap();
    for (input, bad) in [(&csv, "class.csv:3"), (&jsonl, "class.jsonl:2")] {
        let out = roleplay()
            .arg("batch")
            .arg(input)
            .args(["--format", "jsonl"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("{bad}: skipped: ")), "{stderr}");
        assert!(stderr.contains("not UTF-8"), "{stderr}");
        assert!(stderr.contains("2 scored, 1 skipped"), "{stderr}");
        let students: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["student"].to_string())
            .collect();
        assert_eq!(students, ["\"ana\"", "\"cal\""]);
    }
}

#[test]
fn a_folder_warns_about_files_and_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ana.txt"),
        b"I'm sorry.\nI will call you caf\xe9.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(std::ffi::OsStr::from_bytes(b"b\xe9n.txt")),
        "I'm sorry.",
    )
    .unwrap();
    let out = roleplay()
        .arg("batch")
        .arg(dir.path())
        .args(["--case", "summit-gear-ski-return"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ana.txt:2: not UTF-8 text"), "{stderr}");
    assert!(stderr.contains("the file name is not UTF-8"), "{stderr}");
    assert!(stderr.contains("2 scored, 0 skipped"), "{stderr}");
}

#[test]
fn a_full_disk_under_batch_output_leaves_no_temporary_file() {
    let Some((disk, _mount)) = crate::util::small_disk() else {
        return;
    };
    let class = tempfile::tempdir().unwrap();
    let jsonl = class.path().join("class.jsonl");
    let row = "{\"student\":\"ana\",\"case\":\"summit-gear-ski-return\",\"response\":\"I'm so sorry about the skis, I will call you.\"}\n";
    std::fs::write(&jsonl, row.repeat(200)).unwrap();
    let filler = crate::util::fill(disk.path());
    // Leave a little room, so the output starts and then runs out of space.
    let len = std::fs::metadata(&filler).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(len.saturating_sub(16 * 1024))
        .unwrap();
    let out = disk.path().join("out.jsonl");
    roleplay()
        .arg("batch")
        .arg(&jsonl)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("No space left"));
    let left: Vec<_> = std::fs::read_dir(disk.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "filler")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
