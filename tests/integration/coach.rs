//! Coach tools through the binary: new, schema and coverage.

use crate::util::{repo, roleplay};

fn schema(kind: &str) -> serde_json::Value {
    let out = roleplay().args(["schema", kind]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn yaml_as_json(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).expect("YAML")
}

#[test]
fn the_case_schema_accepts_every_shipped_case_and_rejects_a_misspelled_key() {
    let validator = jsonschema::validator_for(&schema("case")).expect("a valid schema");
    let mut checked = 0;
    for entry in std::fs::read_dir(repo("cases")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let case = yaml_as_json(&std::fs::read_to_string(&path).unwrap());
            let errors: Vec<String> = validator
                .iter_errors(&case)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 30);
    let fixture = std::fs::read_to_string(repo("tests/fixtures/cases/tidewater.yaml")).unwrap();
    assert!(validator.is_valid(&yaml_as_json(&fixture)));
    let misspelled = fixture.replace("situation:", "situaton:");
    assert!(!validator.is_valid(&yaml_as_json(&misspelled)));
    let unknown_code = fixture.replace("CR:029", "CR:099");
    assert!(!validator.is_valid(&yaml_as_json(&unknown_code)));
}

#[test]
fn the_rubric_schema_accepts_every_shipped_rubric() {
    let validator = jsonschema::validator_for(&schema("rubric")).expect("a valid schema");
    for entry in std::fs::read_dir(repo("rubrics")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let rubric = yaml_as_json(&std::fs::read_to_string(&path).unwrap());
            assert!(validator.is_valid(&rubric), "{}", path.display());
        }
    }
}

#[test]
fn new_writes_a_case_that_loads_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "new",
        "tide-pool",
        "--title",
        "A: tricky \"title\"",
        "--participant",
        "the manager of Tide Pool Books",
        "--judge",
        "Ana Ruiz, a customer",
        "--area",
        "retail",
        "-i",
        "CR:010,007",
    ];
    roleplay()
        .args(args)
        .arg("--dir")
        .arg(dir.path())
        .write_stdin("")
        .assert()
        .success();
    let path = dir.path().join("tide-pool.yaml");
    let out = roleplay().arg("validate").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    roleplay()
        .args(["show", "--questions"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicates::str::contains("A: tricky \"title\""))
        .stdout(predicates::str::contains(
            "CR:007 Interpret business policies",
        ));
    roleplay()
        .args(args)
        .arg("--dir")
        .arg(dir.path())
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists"));
}

#[test]
fn new_without_a_terminal_names_the_missing_flag() {
    let dir = tempfile::tempdir().unwrap();
    roleplay()
        .args(["new", "x", "--title", "T"])
        .arg("--dir")
        .arg(dir.path())
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--participant"));
}

#[test]
fn coverage_counts_cases_per_indicator_and_names_gaps() {
    let out = roleplay()
        .args(["coverage", "--format", "json", "--framework", "CR"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = v["indicators"].as_array().unwrap();
    assert_eq!(lines.len(), 15);
    assert!(
        lines
            .iter()
            .all(|l| l["cases"].as_array().unwrap().len() >= 6)
    );
    assert_eq!(v["gaps"].as_array().unwrap().len(), 0);
    let dir = tempfile::tempdir().unwrap();
    let text = String::from_utf8(
        roleplay()
            .arg("coverage")
            .arg("--cases")
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.contains("CR:010") && text.contains("case(s)"),
        "{text}"
    );
}
