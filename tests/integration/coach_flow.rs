//! A coach's first afternoon through the binary: `new` into the cases folder, an
//! unfilled template flagged, warnings on the phrase's own line, and "no case"
//! errors that say where cases are looked for.

use crate::util::{roleplay, roleplay_in, spawn_pty};

fn new_case(home: &std::path::Path) -> String {
    let out = roleplay_in(home)
        .args(["new", "tide-pool", "--title", "The tide pool tour"])
        .args(["--participant", "the manager of Tide Pool Tours"])
        .args(["--judge", "Ana Ruiz, a guest", "--area", "hospitality"])
        .args(["-i", "CR:010,CR:007"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn new_writes_into_the_cases_folder_where_score_finds_it_by_id() {
    let home = tempfile::tempdir().unwrap();
    let said = new_case(home.path());
    let path = home.path().join("cases").join("tide-pool.yaml");
    assert!(path.is_file());
    assert!(
        said.contains(&format!("Wrote {}", path.display())),
        "{said}"
    );
    assert!(said.contains("`roleplay score --case tide-pool`"), "{said}");
    roleplay_in(home.path())
        .args(["score", "--case", "tide-pool", "-"])
        .write_stdin("I'm sorry about the tour.")
        .assert()
        .success();
}

#[test]
fn an_unfilled_template_is_flagged_line_by_line() {
    let home = tempfile::tempdir().unwrap();
    new_case(home.path());
    let path = home.path().join("cases").join("tide-pool.yaml");
    let out = roleplay().arg("validate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = String::from_utf8(out.stdout).unwrap();
    let flagged = text.matches("placeholder text from the template").count();
    assert!(flagged >= 8, "{flagged} flagged:\n{text}");
    assert!(
        text.contains("(\"Write the judge's first question here\")"),
        "{text}"
    );
}

#[test]
fn an_unsaid_phrase_is_reported_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credit.yaml");
    std::fs::write(
        &path,
        "title: Store credit\nparticipant_role: the manager\njudge_role: a customer\n\
         situation: You are to assume the role of the manager. A customer wants store credit.\n\
         indicators: [CR:010]\nlook_for:\n  CR:010:\n    - label: Offers store credit\n\
         \x20     tip: Offer credit.\n      phrases: [gift card, credit]\n\
         examples:\n  - name: strong\n    expect: little..exceeds\n    response: I can give you store credit today.\n",
    )
    .unwrap();
    let out = roleplay().arg("validate").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("credit.yaml:10:17: warning: no example answer says the phrase `gift card`"),
        "{text}"
    );
}

#[test]
fn no_case_says_where_cases_are_looked_for_and_spots_a_file_here() {
    let home = tempfile::tempdir().unwrap();
    let here = tempfile::tempdir().unwrap();
    std::fs::write(here.path().join("my-case.yaml"), "title: x\n").unwrap();
    let out = roleplay_in(home.path())
        .current_dir(here.path())
        .args(["score", "--case", "my-case", "-"])
        .write_stdin("hi")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let own = home.path().join("cases");
    for needle in [
        "Cases are looked for in: ".to_string(),
        own.display().to_string(),
        "the cases built into roleplay".to_string(),
        "There is a file my-case.yaml in this folder: give its path (--case ./my-case.yaml)"
            .to_string(),
    ] {
        assert!(stderr.contains(&needle), "{needle} not in {stderr}");
    }
}

#[test]
fn interactive_new_asks_again_when_no_indicator_is_picked() {
    let home = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .args(["new", "tide-pool", "--title", "The tide pool tour"])
        .args(["--participant", "the manager", "--judge", "a guest"])
        .args(["--area", "hospitality"])
        .env("ROLEPLAY_HOME", home.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut p = spawn_pty(command);
    p.exp_string("Indicators").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Pick 1 to 7 indicators with Space (you picked 0)")
        .unwrap();
    p.exp_string("Indicators").unwrap();
    p.send(" ").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Wrote").unwrap();
    p.exp_eof().unwrap();
    let written =
        std::fs::read_to_string(home.path().join("cases").join("tide-pool.yaml")).unwrap();
    assert!(
        written.contains("title: \"The tide pool tour\""),
        "{written}"
    );
    assert!(written.contains("indicators: [CR:"), "{written}");
}
