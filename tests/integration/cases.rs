//! The case library through the binary: list, show, test, and a coach's own folder.

use serde_json::Value;

use crate::util::{json_of, repo, roleplay, roleplay_in};

fn list_json(args: &[&str]) -> Vec<Value> {
    let value = json_of(roleplay().arg("list").args(args).args(["--format", "json"]));
    value.as_array().expect("an array").clone()
}

#[test]
fn the_library_has_thirty_cases_covering_every_indicator_six_times() {
    let dir = tempfile::tempdir().unwrap();
    let out = roleplay()
        .current_dir(dir.path())
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let cases: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut counts = std::collections::BTreeMap::new();
    let mut areas = std::collections::BTreeSet::new();
    for case in &cases {
        areas.insert(case["area"].as_str().unwrap_or("").to_string());
        for i in case["indicators"].as_array().unwrap() {
            *counts
                .entry(i["code"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    let cr: Vec<_> = counts
        .iter()
        .filter(|(code, _)| code.starts_with("CR:"))
        .collect();
    assert_eq!(cr.len(), 15, "{counts:?}");
    assert!(cr.iter().all(|(_, n)| **n >= 6), "{counts:?}");
    assert!(areas.len() >= 8, "{areas:?}");
}

#[test]
fn list_filters_by_indicator_area_and_words() {
    let ethics = list_json(&["--indicator", "CR:017"]);
    assert!(ethics.len() >= 6);
    assert!(ethics.iter().all(|c| {
        c["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["code"] == "CR:017")
    }));
    let finance = list_json(&["--area", "finance", "--indicator", "017"]);
    assert!(finance.iter().all(|c| c["area"] == "finance"));
    assert!(!finance.is_empty() && finance.len() < ethics.len());
    let words = list_json(&["airline"]);
    assert!(
        words
            .iter()
            .any(|c| c["id"] == "skybridge-missed-connection")
    );
    assert!(list_json(&["zzzz-no-such-word"]).is_empty());
}

#[test]
fn show_prints_the_situation_and_indicator_titles_but_not_the_questions() {
    let out = roleplay()
        .args(["show", "summit-gear-ski-return"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("You are to assume the role"));
    assert!(text.contains("Handle customer/client complaints"));
    assert!(!text.contains("The judge's questions"));
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    let with = roleplay()
        .args(["show", "summit-gear-ski-return", "--questions"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(with.stdout)
            .unwrap()
            .contains("The judge's questions")
    );
}

/// A coach's folder holding `twin.yaml`, the tidewater fixture under the id of a
/// shipped case, and the fixture's own text.
fn folder_with_a_twin() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(repo("tests/fixtures/cases/tidewater.yaml")).unwrap();
    let twin = good.replace("id: tidewater-damaged-book", "id: summit-gear-ski-return");
    std::fs::write(dir.path().join("twin.yaml"), twin).unwrap();
    (dir, good)
}

/// `score --case ID` reads only that shipped case, but a coach's case of the same id
/// still wins, with the warning, and an unknown id still gets "did you mean".
#[test]
fn score_by_id_takes_a_coach_twin_over_the_shipped_case_and_suggests_close_ids() {
    let (dir, _) = folder_with_a_twin();
    let response = dir.path().join("response.txt");
    std::fs::write(&response, "I am sorry about the damaged book.").unwrap();
    let out = roleplay()
        .args([
            "score",
            "--format",
            "json",
            "--case",
            "summit-gear-ski-return",
            "--cases",
        ])
        .arg(dir.path())
        .arg(&response)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("two cases have the id `summit-gear-ski-return`"),
        "{stderr}"
    );
    let card: Value = serde_json::from_slice(&out.stdout).unwrap();
    let shipped = json_of(roleplay().args(["show", "summit-gear-ski-return", "--format", "json"]));
    assert_eq!(card["case"], "summit-gear-ski-return");
    assert_ne!(
        card["title"], shipped["title"],
        "the coach's twin is scored"
    );

    let out = roleplay()
        .args(["score", "--case", "summit-gear-ski-retrun"])
        .arg(&response)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean `summit-gear-ski-return`"),
        "{stderr}"
    );
}

#[test]
fn a_coach_folder_adds_cases_and_reports_broken_ones_and_shared_ids() {
    let (dir, good) = folder_with_a_twin();
    std::fs::write(dir.path().join("tidewater.yaml"), &good).unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "title: Broken\nsituaton: oops\n",
    )
    .unwrap();
    let out = roleplay()
        .args(["list", "--format", "json", "--cases"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.yaml:2:1: unknown key `situaton`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("two cases have the id `summit-gear-ski-return`"),
        "{stderr}"
    );
    let cases: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(cases.iter().any(|c| c["id"] == "tidewater-damaged-book"));
    // The data folder's cases/ is read too.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("cases")).unwrap();
    std::fs::write(home.path().join("cases/tidewater.yaml"), &good).unwrap();
    let out = roleplay_in(home.path())
        .args(["show", "tidewater-damaged-book"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn test_reports_an_example_outside_its_range() {
    let dir = tempfile::tempdir().unwrap();
    let mut case = std::fs::read_to_string(repo("tests/fixtures/cases/tidewater.yaml")).unwrap();
    case.push_str(
        "examples:\n  - name: boastful\n    expect: exceeds\n    response: Hi. I am sorry.\n",
    );
    case.push_str(
        "  - name: honest-weak\n    expect: little..below\n    response: Hi. I am sorry.\n",
    );
    std::fs::write(dir.path().join("tidewater.yaml"), case).unwrap();
    roleplay()
        .arg("test")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "FAIL tidewater-damaged-book: boastful",
        ))
        .stdout(predicates::str::contains(
            "ok   tidewater-damaged-book: honest-weak",
        ))
        .stdout(predicates::str::contains("1 passed, 1 failed"));
}

#[test]
fn test_reports_a_broken_case_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "title: [unclosed\n").unwrap();
    roleplay()
        .arg("test")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("bad.yaml:"));
}
