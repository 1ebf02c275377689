//! The README's set-up: its main-job command and its test command are there, and the
//! main job runs as written (through the built binary rather than `cargo run`).

use crate::util::{repo, roleplay};

const MAIN_JOB: &str =
    "cargo run --release -- score --case summit-gear-ski-return --example strong";

#[test]
fn the_readme_gives_the_main_job_and_the_tests_and_the_main_job_runs() {
    let readme = std::fs::read_to_string(repo("README.md")).expect("README.md is readable");
    assert!(readme.starts_with("# roleplay"), "the README has its title");
    assert!(readme.contains(MAIN_JOB), "the README gives the main job");
    assert!(
        readme.contains("\ncargo test\n"),
        "the README gives the test command"
    );
    let args: Vec<&str> = MAIN_JOB
        .split_whitespace()
        .skip_while(|w| *w != "--")
        .skip(1)
        .collect();
    let out = roleplay().args(&args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Total"), "{text}");
}
