//! Broken case files, kept as data: each `tests/fixtures/bad/<name>.yaml` sits beside
//! the exact `<name>.stderr` that loading it must print.

use crate::util::{repo, roleplay};

#[test]
fn every_bad_case_file_gives_its_exact_message() {
    let dir = repo("tests/fixtures/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the bad-file fixtures, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(repo(""))
            .expect("inside the repo")
            .to_path_buf();
        let expected = std::fs::read_to_string(file.with_extension("stderr"))
            .expect("a .stderr beside each .yaml");
        let output = roleplay()
            .current_dir(repo(""))
            .args(["score", "--case"])
            .arg(&relative)
            .arg("-")
            .write_stdin("I'm sorry.")
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(1) || stderr != expected {
            failures.push(format!(
                "{}: exit {:?}\n--- expected\n{expected}--- got\n{stderr}",
                relative.display(),
                output.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_missing_case_file_names_the_path() {
    roleplay()
        .args(["score", "--case", "no/such/case.yaml", "-"])
        .write_stdin("hello")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot read no/such/case.yaml"));
}

#[test]
fn an_unknown_case_id_suggests_a_near_one() {
    roleplay()
        .args(["score", "--case", "summit-gear-ski-retrun", "-"])
        .write_stdin("hello")
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "did you mean `summit-gear-ski-return`?",
        ));
}
