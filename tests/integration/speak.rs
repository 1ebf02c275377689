//! `practice --speak`: the case and the judge's questions read aloud by espeak-ng,
//! checked through WAV files; without espeak-ng, a message naming the package and a
//! session that goes on in text.

use std::path::Path;
use std::process::Command;

use rexpect::reader::Options;
use rexpect::session::PtySession;

const CASE: &str = "summit-gear-ski-return";

fn spawn(home: &Path, args: &[&str], path: Option<&str>) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .arg("practice")
        .args(args)
        .env("ROLEPLAY_HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("ROLEPLAY_CASES");
    if let Some(path) = path {
        command.env("PATH", path);
    }
    rexpect::spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(30_000))
            .strip_ansi_escape_codes(true),
    )
    .expect("spawn in a pseudo-terminal")
}

fn espeak_installed() -> bool {
    Command::new("espeak-ng")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn is_wav(path: &Path) -> bool {
    std::fs::read(path)
        .is_ok_and(|b| b.len() > 44 && b.starts_with(b"RIFF") && &b[8..12] == b"WAVE")
}

#[test]
fn speak_writes_the_case_and_each_question_as_speech() {
    if !espeak_installed() {
        eprintln!(
            "espeak-ng is not installed here (CI installs it): only the message without it is tested"
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let wavs = home.path().join("spoken");
    let wav_arg = wavs.to_str().unwrap();
    let mut p = spawn(
        home.path(),
        &[
            CASE,
            "--prep",
            "0",
            "--follow-ups",
            "0",
            "--speak",
            "--speak-to",
            wav_arg,
        ],
        None,
    );
    p.exp_string("Present now").unwrap();
    assert!(is_wav(&wavs.join("001.wav")), "the case is spoken first");
    assert!(!wavs.join("002.wav").exists());
    p.send_line("I'm sorry, Mr. Kessler.").unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge asks (1 of 2)").unwrap();
    p.exp_string("Answer, then type").unwrap();
    p.send_line("Because mounted skis count as used.").unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge asks (2 of 2)").unwrap();
    assert!(
        is_wav(&wavs.join("002.wav")),
        "the first question is spoken"
    );
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn speak_without_espeak_names_the_package_and_goes_on_in_text() {
    let home = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let mut p = spawn(
        home.path(),
        &[CASE, "--prep", "0", "--speak"],
        Some(empty.path().to_str().unwrap()),
    );
    p.exp_string("install the Debian package espeak-ng")
        .unwrap();
    p.exp_string("Present now").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Your draft is saved").unwrap();
    p.exp_eof().unwrap();
}
