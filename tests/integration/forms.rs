//! Evaluation forms as data: a case names the form it is judged on, and is scored on it.

use serde_json::Value;

use crate::util::{json_of, roleplay};

/// A case with `count` indicators, judged on `form`, with a response file beside it.
fn case_on_form(dir: &std::path::Path, form: &str, codes: &[&str]) -> std::path::PathBuf {
    let text = format!(
        "id: mapleton-team\n\
         title: A hotel's noisy renovation\n\
         event: Hospitality Services Team Decision Making\n\
         form: {form}\n\
         participant_role: the front office managers of the Mapleton Hotel\n\
         judge_role: the hotel's general manager\n\
         situation: |\n  \
           You are to assume the roles of the front office managers of the Mapleton Hotel, a\n  \
           120-room hotel in Dayton, Ohio. Renovation on the fourth floor runs from 8 a.m. to 5 p.m.\n  \
           for six weeks, and 31 guests complained about drilling last week. The general manager\n  \
           (judge) wants a plan to keep guests informed and to handle the complaints.\n\
         indicators: [{}]\n",
        codes.join(", ")
    );
    let path = dir.join("mapleton-team.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

const ANSWER: &str = "Thank you for meeting with us. The drilling on the fourth floor has upset 31 guests \
    last week, and we are sorry for that. We will tell every guest at check-in about the work from 8 a.m. \
    to 5 p.m., move guests who ask to quieter rooms, and call each of the 31 guests this week to apologize \
    and offer a free breakfast. We will check the complaint log every Friday so it does not happen again.";

fn score_on(case: &std::path::Path) -> Value {
    let dir = case.parent().unwrap();
    let answer = dir.join("answer.txt");
    std::fs::write(&answer, ANSWER).unwrap();
    json_of(
        roleplay()
            .args(["score", "--format", "json", "--case"])
            .arg(case)
            .arg(&answer),
    )
}

fn sum(values: &[Value], key: &str) -> u64 {
    values.iter().map(|v| v[key].as_u64().unwrap()).sum()
}

#[test]
fn a_seven_indicator_team_case_is_scored_on_the_team_form_out_of_100() {
    let dir = tempfile::tempdir().unwrap();
    let codes = [
        "CR:010", "CR:007", "CR:009", "CR:004", "CR:005", "CR:006", "CR:029",
    ];
    let card = score_on(&case_on_form(dir.path(), "deca-team", &codes));
    let indicators = card["indicators"].as_array().unwrap();
    let skills = card["skills"].as_array().unwrap();
    assert_eq!(indicators.len(), 7);
    assert!(indicators.iter().all(|i| i["max"] == 10), "{indicators:?}");
    assert_eq!(skills.len(), 5);
    assert!(skills.iter().all(|s| s["max"] == 6));
    // 7 x 10 + 5 x 6: the form's lines add up to its total, so nothing is scaled.
    assert_eq!(sum(indicators, "max") + sum(skills, "max"), 100);
    assert_eq!(card["max"], 100);
    let total = card["total"].as_u64().unwrap();
    assert_eq!(total, sum(indicators, "points") + sum(skills, "points"));
    assert!(total > 0);
}

#[test]
fn a_principles_case_has_four_indicators_and_four_skills_lines() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_on_form(
        dir.path(),
        "deca-principles",
        &["CR:010", "CR:007", "CR:009", "CR:004"],
    );
    let card = score_on(&case);
    let indicators = card["indicators"].as_array().unwrap();
    let skills = card["skills"].as_array().unwrap();
    assert!(indicators.iter().all(|i| i["max"] == 15));
    let lines: Vec<&str> = skills.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        lines,
        ["reasoning", "communication", "creativity", "impression"]
    );
    assert_eq!(sum(indicators, "max") + sum(skills, "max"), 100);
}

#[test]
fn without_a_form_key_a_case_is_scored_on_the_individual_series_form() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_on_form(dir.path(), "deca-series", &["CR:010", "CR:007"]);
    let text = std::fs::read_to_string(&case)
        .unwrap()
        .replace("form: deca-series\n", "");
    std::fs::write(&case, text).unwrap();
    let card = score_on(&case);
    assert!(
        card["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["max"] == 14)
    );
}

#[test]
fn an_unknown_form_is_an_error_with_its_position_and_the_shipped_forms() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_on_form(dir.path(), "deca-teams", &["CR:010"]);
    roleplay()
        .arg("validate")
        .arg(&case)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("mapleton-team.yaml:4:7"))
        .stdout(predicates::str::contains("unknown form `deca-teams`"))
        .stdout(predicates::str::contains("did you mean `deca-team`?"));
}

#[test]
fn validate_warns_when_a_case_does_not_fit_its_form() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_on_form(dir.path(), "deca-team", &["CR:010", "CR:007"]);
    roleplay()
        .arg("validate")
        .arg(&case)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "the case lists 2 indicator(s); its form, deca-team, is built for 7",
        ));
    let text = std::fs::read_to_string(&case)
        .unwrap()
        .replace("form: deca-team\n", "");
    std::fs::write(&case, text).unwrap();
    roleplay()
        .arg("validate")
        .arg(&case)
        .assert()
        .success()
        .stdout(predicates::str::contains("a team event is judged on the team form"));
}

#[test]
fn the_shipped_team_cases_are_real_team_cases() {
    let cases: Vec<Value> = json_of(roleplay().args(["list", "--format", "json"]))
        .as_array()
        .unwrap()
        .clone();
    let team: Vec<&Value> = cases
        .iter()
        .filter(|c| c["event"].as_str().is_some_and(|e| e.contains("Team")))
        .collect();
    assert!(!team.is_empty());
    for case in team {
        assert_eq!(case["indicators"].as_array().unwrap().len(), 7, "{case}");
    }
}
