//! `roleplay agreement` through the binary: a small marked folder built from two
//! shipped cases (JSON Lines and CSV marks), the messages for people, a snapshot of
//! the text report, and the graded set's figures against its own `check` script.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::util::{json_of, repo, roleplay};

const CASES: [&str; 2] = ["daily-grind-allergy-mixup", "freshway-self-checkout"];
/// A middling answer, the same for both cases: polite, generic, a remedy and a follow-up.
const MIDDLING: &str = "I'm sorry this happened and I understand why you are upset. \
I will refund your purchase today and I will call you on Friday to make sure it is sorted out.";

/// The engine's own marks for one response, read from `roleplay score`.
struct Engine {
    case: String,
    student: String,
    indicators: Vec<(String, u64)>,
    skills: Vec<u64>,
}

/// A folder with two shipped cases and three students each (the cases' own strong
/// and weak examples and a middling answer), and the engine's marks for each.
fn marked_folder() -> (tempfile::TempDir, Vec<Engine>) {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = Vec::new();
    for case in CASES {
        let file = dir.path().join(format!("{case}.yaml"));
        std::fs::copy(repo(&format!("cases/{case}.yaml")), &file).unwrap();
        let yaml: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        std::fs::create_dir(dir.path().join(case)).unwrap();
        let mut responses = vec![("middling".to_string(), MIDDLING.to_string())];
        // The strong and weak examples only: three students a case.
        for example in yaml["examples"].as_sequence().unwrap() {
            let name = example["name"].as_str().unwrap().to_string();
            if name != "strong" && name != "weak" {
                continue;
            }
            responses.push((name, example["response"].as_str().unwrap().to_string()));
        }
        for (student, text) in responses {
            let path = dir.path().join(case).join(format!("{student}.txt"));
            std::fs::write(&path, text).unwrap();
            let card = json_of(
                roleplay()
                    .args(["score", "--format", "json", "--case"])
                    .arg(&file)
                    .arg(&path),
            );
            engine.push(Engine {
                case: case.to_string(),
                student,
                indicators: card["indicators"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| {
                        (
                            i["code"].as_str().unwrap().to_string(),
                            i["points"].as_u64().unwrap(),
                        )
                    })
                    .collect(),
                skills: card["skills"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["points"].as_u64().unwrap())
                    .collect(),
            });
        }
    }
    (dir, engine)
}

/// One JSON line per response: `judge` marks exactly as the engine did, except that
/// `shift` adds points to the first indicator of the first response.
fn jsonl(engine: &[Engine], judge: &str, shift: i64) -> String {
    let mut text = String::new();
    for (n, e) in engine.iter().enumerate() {
        let mut indicators = serde_json::Map::new();
        for (k, (code, points)) in e.indicators.iter().enumerate() {
            let points = if n == 0 && k == 0 {
                (*points as i64 + shift).clamp(0, 14)
            } else {
                *points as i64
            };
            indicators.insert(code.clone(), json!(points));
        }
        let line = json!({
            "response": format!("{}/{}", e.case, e.student),
            "judge": judge,
            "indicators": indicators,
            "skills": e.skills,
            "note": format!("{judge} on {}", e.student),
        });
        text.push_str(&format!("{line}\n"));
    }
    text
}

fn agreement(dir: &Path) -> assert_cmd::Command {
    let mut command = roleplay();
    command.arg("agreement").arg(dir);
    command
}

fn figure(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("a number, not {value}"))
}

#[test]
fn a_judge_who_marks_like_the_engine_agrees_and_a_gap_is_found_and_quoted() {
    let (dir, engine) = marked_folder();
    // judge-2 gives the first indicator of the first response 9 points more (or less).
    let first = engine[0].indicators[0].1 as i64;
    let shift = if first <= 5 { 9 } else { -9 };
    let marks = format!(
        "{}{}",
        jsonl(&engine, "judge-1", 0),
        jsonl(&engine, "judge-2", shift)
    );
    std::fs::write(dir.path().join("judges.jsonl"), marks).unwrap();
    let v = json_of(agreement(dir.path()).args(["--format", "json", "--worst", "2"]));

    assert_eq!(v["basis"], "indicators-and-skills");
    assert_eq!(v["judges"], json!(["judge-1", "judge-2"]));
    assert_eq!(v["overall"]["responses"], 6);
    assert_eq!(figure(&v["overall"]["band_qwk"]["judge-1"]), 1.0);
    assert!(figure(&v["overall"]["band_qwk"]["judge-2"]) < 1.0);
    assert!(figure(&v["overall"]["spearman"]) > 0.8, "{}", v["overall"]);
    assert_eq!(v["cases"].as_array().unwrap().len(), 2);
    assert_eq!(v["cases"][0]["engine"].as_array().unwrap().len(), 3);
    assert_eq!(v["cases"][0]["pairs"], 3);
    assert!(v["unmarked"].as_array().unwrap().is_empty());

    // The one gap leads the disagreements, with judge-2's note and what the engine credited.
    let worst = &v["disagreements"][0];
    let (code, points) = &engine[0].indicators[0];
    assert_eq!(worst["case"], engine[0].case.as_str());
    assert_eq!(worst["student"], engine[0].student.as_str());
    assert_eq!(worst["judge"], "judge-2");
    assert_eq!(worst["code"], code.as_str());
    assert_eq!(worst["engine"].as_u64(), Some(*points));
    assert_eq!(worst["judge_points"].as_i64(), Some(first + shift));
    assert_eq!(worst["note"], format!("judge-2 on {}", engine[0].student));
    if *points > 0 {
        let quote = &worst["credited"][0];
        let context = quote["context"].as_str().unwrap();
        assert!(
            context.contains(quote["matched"].as_str().unwrap()),
            "{quote}"
        );
    }
    // Nobody else disagrees, and equal points are not listed.
    assert_eq!(v["disagreements"].as_array().unwrap().len(), 1);

    // On that indicator the engine is 9 points off once in all its marks.
    let line = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == code.as_str())
        .unwrap();
    let marks = figure(&line["marks"]);
    assert!(
        (figure(&line["mean_abs"]) - 9.0 / marks).abs() < 1e-9,
        "{line}"
    );
    assert!(
        (figure(&line["mean_diff"]) + shift as f64 / marks).abs() < 1e-9,
        "{line}"
    );

    // The judges against each other: all but one indicator alike.
    let pair = &v["between_judges"][0];
    assert_eq!(
        (pair["a"].as_str(), pair["b"].as_str()),
        (Some("judge-1"), Some("judge-2"))
    );
    assert_eq!(pair["responses"], 6);
}

#[test]
fn csv_marks_without_skills_compare_the_indicators_alone() {
    let (dir, engine) = marked_folder();
    let mut csv = String::from("student,case,code,points\n");
    for e in &engine {
        for (code, points) in &e.indicators {
            csv.push_str(&format!("{},{},{code},{points}\n", e.student, e.case));
        }
    }
    let marks = dir.path().join("coach.csv");
    std::fs::write(&marks, csv).unwrap();
    let v = json_of(
        agreement(dir.path())
            .arg("--marks")
            .arg(&marks)
            .args(["--format", "json"]),
    );
    assert_eq!(v["basis"], "indicators-only");
    assert_eq!(v["judges"], json!(["coach"]));
    // Both totals come from the same points: every figure agrees perfectly.
    assert_eq!(figure(&v["overall"]["band_qwk"]["coach"]), 1.0);
    assert_eq!(figure(&v["overall"]["rating_qwk"]), 1.0);
    assert_eq!(figure(&v["overall"]["spearman"]), 1.0);
    for case in v["cases"].as_array().unwrap() {
        assert_eq!(case["swapped_pairs"], 0);
        assert_eq!(case["engine"], case["judges"]);
    }
    for line in v["indicators"].as_array().unwrap() {
        assert_eq!(figure(&line["mean_abs"]), 0.0);
    }

    // A coach who marked one indicator per response is compared on that one alone.
    let mut csv = String::from("student,case,code,points,judge\n");
    for e in &engine {
        let (code, points) = &e.indicators[0];
        csv.push_str(&format!("{},{},{code},{points},me\n", e.student, e.case));
    }
    std::fs::write(&marks, csv).unwrap();
    let v = json_of(
        agreement(dir.path())
            .arg("--marks")
            .arg(&marks)
            .args(["--format", "json"]),
    );
    assert_eq!(v["judges"], json!(["me"]));
    assert_eq!(v["indicators"].as_array().unwrap().len(), 2);
    assert_eq!(figure(&v["overall"]["spearman"]), 1.0, "{}", v["overall"]);
}

#[test]
fn cases_and_exclude_pick_a_subset() {
    let (dir, engine) = marked_folder();
    std::fs::write(
        dir.path().join("judges.jsonl"),
        jsonl(&engine, "judge-1", 0),
    )
    .unwrap();
    let only = json_of(agreement(dir.path()).args(["--format", "json", "--cases", CASES[1]]));
    assert_eq!(only["overall"]["responses"], 3);
    assert_eq!(only["cases"][0]["case"], CASES[1]);
    // Marks for the case left out are not reported as skipped.
    assert!(only["skipped"].as_array().unwrap().is_empty());
    let rest = json_of(agreement(dir.path()).args(["--format", "json", "--exclude", CASES[1]]));
    assert_eq!(rest["cases"][0]["case"], CASES[0]);
    assert_eq!(rest["overall"]["responses"], 3);
}

#[test]
fn messages_for_people() {
    let missing = std::env::temp_dir().join("roleplay-agreement-no-such-folder");
    agreement(&missing)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not a folder"));

    let (dir, engine) = marked_folder();
    agreement(dir.path()).assert().code(1).stderr(
        predicates::str::contains("has no marks").and(predicates::str::contains("--marks")),
    );

    agreement(dir.path())
        .args(["--cases", "daily-grind-allergy-mixp"])
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("no case `daily-grind-allergy-mixp`").and(
                predicates::str::contains("did you mean `daily-grind-allergy-mixup`"),
            ),
        );

    let good = jsonl(&engine, "judge-1", 0);
    let broken = format!("{}{{\"response\": \"x\"\n", good);
    std::fs::write(dir.path().join("judges.jsonl"), &broken).unwrap();
    let line = good.lines().count() + 1;
    agreement(dir.path()).assert().code(1).stderr(
        predicates::str::contains(format!("judges.jsonl:{line}:")).and(predicates::str::contains(
            "each line must be one JSON object",
        )),
    );

    // Marks for a student and a case that do not exist: warned, counted, skipped.
    let extra = format!(
        "{good}{}\n{}\n",
        json!({"response": format!("{}/nobody", CASES[0]), "judge": "judge-1", "indicators": {"CR:010": 3}}),
        json!({"response": "no-such-case/ana", "judge": "judge-1", "indicators": {"CR:010": 3}}),
    );
    std::fs::write(dir.path().join("judges.jsonl"), extra).unwrap();
    let out = agreement(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("no response {}/nobody.txt", CASES[0])),
        "{stderr}"
    );
    assert!(
        stderr.contains("no case `no-such-case` in the folder"),
        "{stderr}"
    );
    assert!(stderr.contains("2 mark(s) skipped"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["skipped"].as_array().unwrap().len(), 2);

    // Marks that name nothing in the folder at all: nothing to compare is a failure.
    std::fs::write(
        dir.path().join("judges.jsonl"),
        format!(
            "{}\n",
            json!({"response": "no-such-case/ana", "indicators": {"CR:010": 3}})
        ),
    )
    .unwrap();
    agreement(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("nothing to compare"));
}

#[test]
fn text_report_snapshot() {
    let (dir, engine) = marked_folder();
    let first = engine[0].indicators[0].1 as i64;
    let shift = if first <= 5 { 9 } else { -9 };
    let marks = format!(
        "{}{}",
        jsonl(&engine, "judge-1", 0),
        jsonl(&engine, "judge-2", shift)
    );
    std::fs::write(dir.path().join("judges.jsonl"), marks).unwrap();
    let out = agreement(dir.path())
        .args(["--worst", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!("agreement_text", String::from_utf8(out.stdout).unwrap());
}

/// The graded set beside the project, when it is there.
fn graded() -> Option<PathBuf> {
    let dir = repo("../shared/graded");
    let ready = dir.join("check").is_file()
        && std::process::Command::new("python3")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        eprintln!(
            "note: ../shared/graded or python3 is missing; skipping the comparison with its check script"
        );
    }
    ready.then_some(dir)
}

#[test]
fn the_graded_sets_figures_are_those_of_its_check_script() {
    let Some(dir) = graded() else { return };
    let ours = json_of(agreement(&dir).args(["--format", "json"]));
    let check = std::process::Command::new("python3")
        .arg(dir.join("check"))
        .args(["--json", "--bin", env!("CARGO_BIN_EXE_roleplay")])
        .current_dir(repo(""))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let printed = String::from_utf8(check.stdout).unwrap();

    // Per case, the engine's totals.
    for line in printed.lines().filter(|l| l.starts_with('{')) {
        let case: Value = serde_json::from_str(line).unwrap();
        let ours_case = ours["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["case"] == case["case"])
            .unwrap_or_else(|| panic!("no case {} in ours", case["case"]));
        for placed in ours_case["engine"].as_array().unwrap() {
            let student = placed["student"].as_str().unwrap();
            assert_eq!(
                figure(&placed["total"]),
                figure(&case["scores"][student]),
                "{} {student}",
                case["case"]
            );
        }
    }

    // The means per tier: `  strong        engine  60.4   judges  98.8   (12)`.
    let tiers = printed
        .lines()
        .filter(|l| !l.starts_with('{') && l.contains(" engine ") && l.contains(" judges "));
    for line in tiers {
        let words: Vec<&str> = line.split_whitespace().collect();
        let tier = ours["students"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["student"] == words[0])
            .unwrap();
        assert_eq!(
            format!("{:.1}", figure(&tier["engine"])),
            words[2],
            "{line}"
        );
        assert_eq!(
            format!("{:.1}", figure(&tier["judges"])),
            words[4],
            "{line}"
        );
    }

    // The last line: `cases ordered 2/12; spearman 0.64; rating qwk 0.45; per-indicator qwk judge-1 0.40, judge-2 0.38; responses 120`.
    let last = printed.lines().last().unwrap();
    let o = &ours["overall"];
    let mut expected = format!(
        "; spearman {:.2}; rating qwk {:.2}; per-indicator qwk ",
        figure(&o["spearman"]),
        figure(&o["rating_qwk"])
    );
    let judges: Vec<String> = o["band_qwk"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(judge, k)| format!("{judge} {:.2}", figure(k)))
        .collect();
    expected.push_str(&judges.join(", "));
    expected.push_str(&format!("; responses {}", o["responses"]));
    assert!(
        last.ends_with(&expected),
        "check printed\n  {last}\nwe have\n  {expected}"
    );
}
