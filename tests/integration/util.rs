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
