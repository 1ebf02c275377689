//! The command line about itself: examples under every subcommand's help, one short
//! global --color, shell completions that complete case ids, and the man page.

use std::process::Command;

use crate::util::roleplay;

fn stdout(args: &[&str]) -> String {
    let out = roleplay().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const SUBCOMMANDS: &[&str] = &[
    "practice",
    "score",
    "history",
    "show-attempt",
    "report",
    "progress",
    "drill",
    "list",
    "show",
    "rubric",
    "test",
    "batch",
    "validate",
    "coverage",
    "agreement",
    "new",
    "schema",
    "completions",
    "man",
];

#[test]
fn every_subcommand_has_examples_and_a_short_color_option() {
    let top = stdout(&["--help"]);
    for name in SUBCOMMANDS {
        assert!(
            top.contains(&format!("  {name} ")),
            "{name} missing from --help"
        );
        let help = stdout(&[name, "--help"]);
        let examples = help
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{name}: no examples"));
        assert!(
            examples
                .lines()
                .filter(|l| l.starts_with("  roleplay "))
                .count()
                >= 2,
            "{name}: fewer than two examples"
        );
        assert!(help.contains("--color <WHEN>"), "{name}");
        assert!(
            !help.contains("always: Always"),
            "{name}: the --color values block is back"
        );
    }
}

#[test]
fn completions_complete_case_ids_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("practice"), "{shell}");
        // clap's PowerShell script completes commands and options, not values.
        if shell != "powershell" {
            assert!(
                script.contains("summit-gear-ski-return"),
                "{shell}: no case ids"
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roleplay.bash");
    std::fs::write(&path, stdout(&["completions", "bash"])).unwrap();
    let checked = Command::new("bash").arg("-n").arg(&path).status().unwrap();
    assert!(checked.success(), "the bash script does not parse");
    // Sourced in bash, completing `roleplay practice summit` offers the case.
    let probe = format!(
        "source {}; COMP_WORDS=(roleplay practice summit); COMP_CWORD=2; COMP_LINE='roleplay practice summit'; COMP_POINT=24; _roleplay roleplay summit practice; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let offered = Command::new("bash").args(["-c", &probe]).output().unwrap();
    let offered = String::from_utf8_lossy(&offered.stdout);
    assert!(
        offered.contains("summit-gear-ski-return"),
        "offered: {offered}"
    );
}

#[test]
fn the_man_page_has_every_subcommand_and_renders() {
    let page = stdout(&["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH roleplay 1"));
    for name in ["SCORE", "PRACTICE", "BATCH", "COMPLETIONS"] {
        assert!(page.contains(&format!(".SH \"ROLEPLAY {name}\"")), "{name}");
    }
    assert!(page.contains("Examples:"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roleplay.1");
    std::fs::write(&path, &page).unwrap();
    match Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
    {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("ROLEPLAY SCORE"), "{text:.400}");
        }
        _ => eprintln!("note: man is not installed; the page was checked as text only"),
    }
}
