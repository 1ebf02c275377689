//! Shared helpers for running the real binary.

#![allow(dead_code)]

use assert_cmd::Command;

/// The `roleplay` binary, with colour off and a private data folder.
pub fn roleplay() -> Command {
    let mut cmd = Command::cargo_bin("roleplay").expect("binary builds");
    cmd.env("NO_COLOR", "1").env_remove("ROLEPLAY_CASES").env(
        "ROLEPLAY_HOME",
        std::env::temp_dir().join("roleplay-tests-empty-home"),
    );
    cmd
}

/// The calibration-free sample folder of the repository.
pub fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs the command, asserts it succeeded (showing its stderr if not) and parses its
/// standard output as one JSON value.
#[track_caller]
pub fn json_of(command: &mut Command) -> serde_json::Value {
    let out = command.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}
