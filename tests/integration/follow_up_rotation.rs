//! Never the same follow-up wording twice in a row across attempts at a case, read
//! from a saved history: a wording the last follow-ups asked is passed over, and a
//! concept with a single question sits the next attempt out.

use std::path::Path;

use crate::follow_ups::{CASE, NO_PREVENTION, PREVENTION_QUESTION};
use crate::util::{json_of, repo, roleplay, roleplay_in};

/// The follow-ups `questions` prints for `response`, as worded.
fn asked(home: &Path, response: &Path, count: &str) -> Vec<String> {
    let json = json_of(
        roleplay_in(home)
            .args(["questions", "--format", "json", "--case", CASE])
            .args(["--follow-ups", count])
            .arg(response),
    );
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "follow-up")
        .map(|q| q["question"].as_str().unwrap().to_string())
        .collect()
}

/// Saves an attempt; with `answers`, one whose follow-ups are asked and kept.
fn save(home: &Path, response: &Path, answers: Option<&Path>, count: &str) {
    let mut command = roleplay();
    command
        .env("ROLEPLAY_HOME", home)
        .args(["score", "--save", "--case", CASE]);
    if let Some(answers) = answers {
        command
            .args(["--follow-ups", count, "--answers"])
            .arg(answers);
    }
    command.arg(response).assert().success();
}

fn files(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let response = dir.join("r.txt");
    std::fs::write(&response, NO_PREVENTION.join("\n")).unwrap();
    let answers = dir.join("a.txt");
    std::fs::write(
        &answers,
        "Mounted skis count as used.\n\nI will check fittings.\n\n-\n\n-\n",
    )
    .unwrap();
    (response, answers)
}

#[test]
fn the_wording_last_asked_is_not_asked_again_whatever_the_attempt_count() {
    let home = tempfile::tempdir().unwrap();
    let (response, answers) = files(home.path());
    let first = asked(home.path(), &response, "1");
    assert!(first[0].ends_with(PREVENTION_QUESTION), "{first:?}");
    save(home.path(), &response, Some(&answers), "1");
    // The saved attempt keeps the follow-ups it asked.
    let attempt = json_of(roleplay_in(home.path()).args(["show-attempt", "1", "--format", "json"]));
    assert_eq!(
        attempt["score"]["follow_ups"][0]["question"],
        first[0].as_str()
    );
    // An attempt without follow-ups in between: two attempts, and the count alone
    // would come back to the first wording.
    save(home.path(), &response, None, "1");
    let third = asked(home.path(), &response, "1");
    assert_ne!(third, first);
    assert!(
        third[0].contains("Summit Gear Outfitters"),
        "the concept's other wording: {third:?}"
    );
}

#[test]
fn a_coach_concept_with_one_question_sits_out_the_next_attempt() {
    let home = tempfile::tempdir().unwrap();
    let (response, answers) = files(home.path());
    // A house CR:010 whose prevention concept has one question.
    let shipped = std::fs::read_to_string(repo("rubrics/CR-010.yaml")).unwrap();
    let one = "probes: [\"What will you change so this never happens to another customer?\"]";
    let house: String = shipped
        .lines()
        .map(|line| {
            if line.contains("what will stop it from happening to the next customer") {
                format!("    {one}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(house.contains(one));
    std::fs::create_dir_all(home.path().join("rubrics")).unwrap();
    std::fs::write(home.path().join("rubrics/CR-010.yaml"), house).unwrap();

    let first = asked(home.path(), &response, "2");
    assert_eq!(first.len(), 2);
    assert!(first.iter().any(|q| q.contains("never happens to another")));
    save(home.path(), &response, Some(&answers), "2");
    let second = asked(home.path(), &response, "2");
    assert_eq!(second.len(), 2, "another missed concept is asked instead");
    for question in &second {
        assert!(!first.contains(question), "{question} asked twice in a row");
    }
    save(home.path(), &response, Some(&answers), "2");
    // Not asked last time, so it may come back.
    let third = asked(home.path(), &response, "2");
    assert!(third.iter().any(|q| q.contains("never happens to another")));
    for question in &third {
        assert!(
            !second.contains(question),
            "{question} asked twice in a row"
        );
    }
}
