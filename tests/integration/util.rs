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

/// [`roleplay`] with its data folder (history, drafts, drill cards) at `home`.
pub fn roleplay_in(home: impl AsRef<std::path::Path>) -> Command {
    let mut cmd = roleplay();
    cmd.env("ROLEPLAY_HOME", home.as_ref());
    cmd
}

/// Runs `command` in a pseudo-terminal, with escape codes stripped from what it prints
/// and 20 seconds to wait for each expected line.
pub fn spawn_pty(command: std::process::Command) -> rexpect::session::PtySession {
    rexpect::spawn_with_options(
        command,
        rexpect::reader::Options::new()
            .timeout_ms(Some(20_000))
            .strip_ansi_escape_codes(true),
    )
    .expect("the command starts in a pseudo-terminal")
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

/// A small tmpfs to fill, or None (with a note) where this machine cannot mount one.
pub fn small_disk() -> Option<(tempfile::TempDir, MountGuard)> {
    let dir = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("note: cannot mount a tmpfs here; the full-disk check is skipped");
        return None;
    }
    let guard = MountGuard(dir.path().to_path_buf());
    Some((dir, guard))
}

pub struct MountGuard(std::path::PathBuf);

impl Drop for MountGuard {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the disk at `dir` with one file until it is full.
pub fn fill(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let block = vec![b'x'; 4096];
    while file
        .write_all(&block)
        .and_then(|()| file.sync_all())
        .is_ok()
    {}
    path
}
