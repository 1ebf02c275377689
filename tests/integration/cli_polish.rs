//! What a student reads at the command line: lines that fit 80 columns, names
//! instead of bare codes, colour like the rest, example answers, the levels explained.

use unicode_width::UnicodeWidthStr;

use crate::util::{roleplay, roleplay_in};

fn stdout(args: &[&str]) -> String {
    let out = roleplay().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_and_coverage_fit_80_columns_and_name_the_indicators() {
    for args in [&["list"][..], &["coverage"][..]] {
        for line in stdout(args).lines() {
            assert!(
                line.width() <= 80,
                "{args:?}: {} columns: {line}",
                line.width()
            );
        }
    }
    let list = stdout(&["list", "-i", "CR:010", "ski"]);
    assert!(list.contains("summit-gear-ski-return"), "{list}");
    assert!(
        list.contains("  tests: Handle customer/client complaints"),
        "{list}"
    );
    assert!(!list.contains("010 009"), "bare codes: {list}");
}

#[test]
fn list_and_progress_use_colour_when_asked() {
    let plain = stdout(&["list"]);
    assert!(!plain.contains('\u{1b}'));
    let coloured = stdout(&["--color", "always", "list"]);
    assert!(coloured.contains("\u{1b}["), "no colour in list");
    let home = tempfile::tempdir().unwrap();
    roleplay_in(home.path())
        .args([
            "score",
            "--save",
            "--case",
            "summit-gear-ski-return",
            "--example",
            "weak",
        ])
        .assert()
        .success();
    let progress = roleplay_in(home.path())
        .args(["progress", "--color", "always"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&progress.stdout).contains("\u{1b}["),
        "no colour in progress"
    );
}

#[test]
fn show_example_prints_the_answer_and_names_the_others() {
    let strong = stdout(&["show", "summit-gear-ski-return", "--example", "strong"]);
    assert!(
        strong.contains("the strong example answer (meant to rate meets..exceeds)"),
        "{strong}"
    );
    assert!(strong.contains("roleplay score --case summit-gear-ski-return --example strong"));
    roleplay()
        .args(["show", "summit-gear-ski-return", "--example", "perfect"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("it has: strong, weak"));
}

#[test]
fn rubric_explains_the_levels() {
    let all = stdout(&["rubric"]);
    assert!(all.contains("CS: career-sustaining"), "{all}");
    assert!(all.contains("SP: specialist"), "{all}");
    let one = stdout(&["rubric", "CR:010"]);
    assert!(one.contains("Level CS: career-sustaining"), "{one}");
}

/// `list` on a pseudo-terminal: its output, escapes kept.
fn list_on_a_terminal(no_color: Option<&str>) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .args(["list", "--indicator", "CR:010"])
        .env("TERM", "xterm")
        .env("PAGER", "cat")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let mut p = rexpect::spawn_with_options(
        command,
        rexpect::reader::Options::new().timeout_ms(Some(20_000)),
    )
    .unwrap();
    p.exp_eof().unwrap()
}

#[test]
fn colour_comes_on_a_terminal_and_never_under_no_color() {
    assert!(list_on_a_terminal(None).contains("\u{1b}["), "no colour");
    let plain = list_on_a_terminal(Some("1"));
    assert!(!plain.contains("\u{1b}["), "colour under NO_COLOR: {plain}");
    assert!(plain.contains("summit-gear-ski-return"), "{plain}");
}
