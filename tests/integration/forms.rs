//! Evaluation forms as data: a case names the form it is judged on, and is scored on it.

use predicates::prelude::PredicateBooleanExt;
use serde_json::Value;

use crate::util::{json_of, repo, roleplay};

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
        .stdout(predicates::str::contains(
            "a Team event is judged on its own form",
        ));
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

#[test]
fn test_checks_each_indicator_band_an_example_expects() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_on_form(dir.path(), "deca-series", &["CR:010", "CR:007"]);
    let mut text = std::fs::read_to_string(&case).unwrap();
    text.push_str(
        "examples:\n  - name: thin\n    expect: little..exceeds\n    bands:\n      CR:010: exceeds\n      CR:007: little..exceeds\n    response: Sorry about the noise.\n",
    );
    std::fs::write(&case, text).unwrap();
    roleplay()
        .arg("test")
        .arg(&case)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("FAIL mapleton-team: thin"))
        .stdout(predicates::str::contains(
            "CR:010 got little, expected exceeds",
        ))
        .stdout(predicates::str::contains("CR:007").not());
}

#[test]
fn an_example_band_for_a_code_the_case_does_not_list_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_on_form(dir.path(), "deca-series", &["CR:010"]);
    let mut text = std::fs::read_to_string(&case).unwrap();
    text.push_str(
        "examples:\n  - name: thin\n    expect: little\n    bands:\n      CR:007: little\n    response: Sorry.\n",
    );
    std::fs::write(&case, text).unwrap();
    roleplay()
        .arg("validate")
        .arg(&case)
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "`CR:007` is not one of this case's indicators",
        ));
}

#[test]
fn show_hides_the_judges_sheet_unless_asked() {
    let student = roleplay()
        .args(["show", "skybridge-missed-connection"])
        .output()
        .unwrap();
    let student = String::from_utf8_lossy(&student.stdout);
    assert!(!student.contains("For the judge"));
    assert!(!student.contains("If I take the Northwind flight"));
    roleplay()
        .args(["show", "skybridge-missed-connection", "--judge"])
        .assert()
        .success()
        .stdout(predicates::str::contains("For the judge"))
        .stdout(predicates::str::contains("You are a professor"))
        .stdout(predicates::str::contains("If time allows, also ask"))
        .stdout(predicates::str::contains("If I take the Northwind flight"))
        .stdout(predicates::str::contains(
            "What an answer that exceeds expectations holds",
        ))
        .stdout(predicates::str::contains(
            "CR:001  Identify company's brand promise",
        ))
        // --judge shows the fixed questions too.
        .stdout(predicates::str::contains("What exactly am I entitled to?"));
    let json = json_of(roleplay().args([
        "show",
        "skybridge-missed-connection",
        "--judge",
        "--format",
        "json",
    ]));
    assert!(json["judge_notes"]["character"].as_str().unwrap().len() > 100);
    assert_eq!(json["judge_notes"]["exceeds"].as_object().unwrap().len(), 7);
}

#[test]
fn reports_call_the_rating_ours_and_70_the_level_the_certificate_asks_for() {
    let out = roleplay()
        .args([
            "score",
            "--case",
            "summit-gear-ski-return",
            "--example",
            "strong",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("the total the Certificate of Excellence asks for"),
        "{text}"
    );
    assert!(text.contains("this tool's summary"), "{text}");
    assert!(!text.contains("earns the"), "{text}");
}

#[test]
fn the_rubric_list_names_the_uk_standard_and_its_version() {
    roleplay()
        .args(["rubric", "NOS:P1"])
        .assert()
        .success()
        .stdout(predicates::str::contains("CFACSB15"))
        .stdout(predicates::str::contains(
            "version 2 (2013; revised in 2021",
        ))
        .stdout(predicates::str::contains("not a DECA indicator"));
}

#[test]
fn show_says_which_form_a_team_case_is_judged_on_and_its_clock() {
    roleplay()
        .args(["show", "harbor-lights-tour-group"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Judged on the DECA Team Decision Making evaluation form (30 minutes to prepare, 15 with the judge)",
        ));
    let individual = roleplay()
        .args(["show", "summit-gear-ski-return"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&individual.stdout).contains("Judged on"));
}

#[test]
fn the_library_has_a_case_on_every_shipped_form() {
    let mut forms = std::collections::BTreeSet::new();
    for case in roleplay::library::shipped::cases()
        .iter()
        .filter_map(|c| c.as_ref().ok())
    {
        forms.insert(case.form.clone().unwrap_or_else(|| "deca-series".into()));
    }
    let shipped: std::collections::BTreeSet<String> = roleplay::library::shipped::forms()
        .unwrap()
        .iter()
        .map(|f| f.id.clone())
        .collect();
    assert_eq!(forms, shipped);
}

#[test]
fn an_unknown_skills_measure_is_refused_at_its_position_with_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = std::fs::read_to_string(repo("rubrics/forms/deca-principles.yaml")).unwrap();
    assert!(shipped.contains("id: impression"));
    let form = dir.path().join("form.yaml");
    std::fs::write(&form, shipped.replacen("id: impression", "id: charisma", 1)).unwrap();
    let out = roleplay()
        .args([
            "score",
            "--case",
            "summit-gear-ski-return",
            "--example",
            "strong",
        ])
        .arg("--form")
        .arg(&form)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = shipped
        .lines()
        .position(|l| l.contains("id: impression"))
        .unwrap()
        + 1;
    assert!(stderr.contains(&format!("form.yaml:{line}:")), "{stderr}");
    assert!(
        stderr.contains("`charisma`") && stderr.contains("`impression`"),
        "{stderr}"
    );
}
