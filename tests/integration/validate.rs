//! `roleplay validate` through the binary.

use crate::util::{repo, roleplay};

#[test]
fn the_shipped_library_has_no_errors() {
    let out = roleplay().arg("validate").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains(" 0 error(s), 0 warning(s)"), "{text}");
}

#[test]
fn every_problem_in_every_file_with_line_column_and_caret() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "title: T\nparticipant_role: a\njudge_role: b\nsituaton: c\nsituation: d\nindicators:\n  - CR:010\n  - CR:099\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.yaml"), "title: [unclosed\n").unwrap();
    let out = roleplay().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let a = dir.path().join("a.yaml").display().to_string();
    assert!(
        text.contains(&format!(
            "{a}:4:1: error: unknown key `situaton` (did you mean `situation`?)"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{a}:8:5: error: indicators[1]: unknown indicator code `CR:099`"
        )),
        "{text}"
    );
    assert!(text.contains("8 |   - CR:099\n  |     ^"), "{text}");
    assert!(
        text.contains("b.yaml:1:8: error: this `[` list is never closed"),
        "{text}"
    );
    assert!(text.contains("2 file(s): 3 error(s)"), "{text}");
}

#[test]
fn warnings_name_a_short_situation_a_silent_phrase_and_a_shared_id() {
    let dir = tempfile::tempdir().unwrap();
    let case = "id: twin\ntitle: T\nparticipant_role: a\njudge_role: b\nsituation: Too short.\nindicators: [CR:010, CR:007]\nlook_for:\n  CR:007:\n    - label: Policy\n      phrases: [thirty-day window]\nexamples:\n  - name: weak\n    expect: little..below\n    response: Sorry.\n";
    std::fs::write(dir.path().join("one.yaml"), case).unwrap();
    std::fs::write(dir.path().join("two.yaml"), case).unwrap();
    let out = roleplay()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "warnings alone do not fail");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let messages: Vec<String> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["message"].as_str().unwrap().to_string())
        .collect();
    let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
    assert!(has("the situation has 2 words"), "{messages:#?}");
    assert!(
        has("CR:010 has no case-specific `look_for`"),
        "{messages:#?}"
    );
    assert!(
        has("no example answer says the phrase `thirty-day window`"),
        "{messages:#?}"
    );
    assert!(has("the id `twin` is also used by"), "{messages:#?}");
    let phrase = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["message"].as_str().unwrap().contains("thirty-day"))
        .unwrap();
    assert_eq!(
        (phrase["line"].as_u64(), phrase["column"].as_u64()),
        (Some(10), Some(17))
    );
}

#[test]
fn bad_fixtures_all_fail_validation() {
    roleplay()
        .arg("validate")
        .arg(repo("tests/fixtures/bad"))
        .assert()
        .code(1)
        .stdout(predicates::str::contains("13 file(s): 13 error(s)"));
}
