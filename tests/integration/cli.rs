//! Help, version, exit codes and the rubric and test commands.

use crate::util::roleplay;

#[test]
fn help_is_everywhere() {
    for args in [
        vec!["--help"],
        vec!["score", "--help"],
        vec!["rubric", "--help"],
        vec!["test", "--help"],
    ] {
        roleplay()
            .args(&args)
            .assert()
            .success()
            .stdout(predicates::str::contains("Usage"));
    }
}

#[test]
fn a_bad_command_line_exits_2() {
    roleplay().args(["score"]).assert().code(2);
    roleplay().args(["frobnicate"]).assert().code(2);
}

#[test]
fn rubric_lists_all_fifteen_and_shows_one() {
    let out = roleplay().arg("rubric").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().filter(|l| l.starts_with("CR:")).count(), 15);
    roleplay()
        .args(["rubric", "CR:010"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Handle customer/client complaints",
        ));
    roleplay()
        .args(["rubric", "CR:099"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("did you mean"));
}

#[test]
fn rubric_shows_the_follow_up_questions_of_each_concept() {
    let out = roleplay().args(["rubric", "CR:010"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let concepts = text.lines().filter(|l| l.starts_with("  [")).count();
    let asks = text.matches("if missed, the judge asks:").count();
    // Every shipped concept carries two questions.
    assert!(
        concepts > 0 && asks == 2 * concepts,
        "{concepts} concepts, {asks} questions:\n{text}"
    );
}

#[test]
fn rubric_json_parses() {
    let out = roleplay()
        .args(["rubric", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert_eq!(codes.iter().filter(|c| c.starts_with("CR:")).count(), 15);
    assert_eq!(codes.iter().filter(|c| c.starts_with("NOS:P")).count(), 9);
}

#[test]
fn shipped_examples_fall_in_their_ranges() {
    let out = roleplay()
        .args(["test", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = v["results"].as_array().unwrap();
    assert!(results.len() >= 60);
    let failed: Vec<_> = results.iter().filter(|r| r["ok"] == false).collect();
    assert!(
        failed.is_empty(),
        "examples outside their range: {failed:#?}"
    );
    assert!(out.status.success());
}
