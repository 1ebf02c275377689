//! `roleplay score` through the real binary: the JSON contract, the ordering of good,
//! stuffed and negated answers, and odd inputs.

use serde_json::Value;

use crate::util::{repo, roleplay};

const CASE: &str = "tests/fixtures/cases/tidewater.yaml";

fn score_json(response: &[u8]) -> Value {
    let output = roleplay()
        .current_dir(repo(""))
        .args(["score", "--format", "json", "--case", CASE, "-"])
        .write_stdin(response)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo("tests/fixtures/responses").join(name)).expect("fixture")
}

fn total(v: &Value) -> u64 {
    v["total"].as_u64().expect("total is a number")
}

#[test]
fn json_has_every_contract_key() {
    let v = score_json(&fixture("complaint-strong.txt"));
    assert_eq!(v["case"], "tidewater-damaged-book");
    assert_eq!(v["max"], 100);
    assert!(["little", "below", "meets", "exceeds"].contains(&v["rating"].as_str().unwrap()));
    let indicators = v["indicators"].as_array().expect("indicators");
    assert_eq!(indicators.len(), 5);
    for i in indicators {
        for key in ["code", "title", "band"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert_eq!(i["max"], 14);
        assert!(i["points"].as_u64().unwrap() <= 14);
        for e in i["evidence"].as_array().unwrap() {
            assert!(e["concept"].is_string() && e["quote"].is_string(), "{e}");
        }
        for m in i["missed"].as_array().unwrap() {
            assert!(m["concept"].is_string() && m["tip"].is_string(), "{m}");
        }
    }
}

#[test]
fn every_quote_is_text_of_the_response() {
    let response = String::from_utf8(fixture("complaint-strong.txt")).unwrap();
    let v = score_json(response.as_bytes());
    let mut quotes = 0;
    for i in v["indicators"].as_array().unwrap() {
        for e in i["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .chain(i["dismissed"].as_array().unwrap())
        {
            let quote = e["quote"].as_str().unwrap();
            assert!(response.contains(quote), "{quote:?} is not in the response");
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&response[start..end], e["match"].as_str().unwrap());
            quotes += 1;
        }
    }
    assert!(quotes > 5, "a strong answer has evidence");
}

#[test]
fn strong_beats_stuffed_and_negated() {
    let strong = score_json(&fixture("complaint-strong.txt"));
    let stuffed = score_json(&fixture("stuffed.txt"));
    let negated = score_json(&fixture("negated.txt"));
    assert!(
        total(&strong) > total(&stuffed) + 20,
        "strong {} stuffed {}",
        total(&strong),
        total(&stuffed)
    );
    assert!(
        total(&strong) > total(&negated) + 20,
        "strong {} negated {}",
        total(&strong),
        total(&negated)
    );
    for weak in [&stuffed, &negated] {
        assert!(
            ["little", "below"].contains(&weak["rating"].as_str().unwrap()),
            "{}",
            weak["rating"]
        );
    }
    assert!(
        ["meets", "exceeds"].contains(&strong["rating"].as_str().unwrap()),
        "strong rated {}",
        strong["rating"]
    );
}

#[test]
fn negated_phrases_are_annotated() {
    let v = score_json(&fixture("negated.txt"));
    let dismissed: Vec<&Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["dismissed"].as_array().unwrap())
        .collect();
    let negated: Vec<&str> = dismissed
        .iter()
        .filter(|d| d["status"] == "negated")
        .filter_map(|d| d["match"].as_str())
        .collect();
    for word in ["apologize", "listen", "follow up"] {
        assert!(
            negated.iter().any(|m| m.contains(word)),
            "{word} not reported negated in {negated:?}"
        );
    }
}

#[test]
fn stuffed_sentences_are_annotated() {
    let v = score_json(&fixture("stuffed.txt"));
    assert!(
        v["stuffed"].as_array().unwrap().len() >= 3,
        "{}",
        v["stuffed"]
    );
}

#[test]
fn the_same_answer_always_gets_the_same_bytes() {
    let run = || {
        roleplay()
            .current_dir(repo(""))
            .args([
                "score",
                "--format",
                "json",
                "--case",
                CASE,
                "tests/fixtures/responses/complaint-strong.txt",
            ])
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn odd_responses_score_without_panicking() {
    let big = "I'm sorry, I will replace the book today and call you Monday. "
        .repeat(5 * 1024 * 1024 / 62);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("whitespace", b"  \n\t\r\n  ".to_vec()),
        ("rtl and emoji", "\u{200F}I'm sorry \u{1F622}\u{200E} we will fix it \u{1F44D}. \u{05E9}\u{05DC}\u{05D5}\u{05DD}".as_bytes().to_vec()),
        ("latin-1", b"I'm sorry, caf\xe9 customer.".to_vec()),
        ("five megabytes", big.into_bytes()),
        ("punctuation only", b"!!! ... ??? ,,, --- '''".to_vec()),
    ];
    for (name, bytes) in cases {
        let output = roleplay()
            .current_dir(repo(""))
            .args(["score", "--format", "json", "--case", CASE, "-"])
            .write_stdin(bytes)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let v: Value =
            serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(total(&v) <= 100, "{name}");
    }
}

#[test]
fn an_empty_response_scores_zero() {
    let v = score_json(b"");
    assert_eq!(total(&v), 0);
    assert_eq!(v["rating"], "little");
}

#[test]
fn a_binary_response_is_refused() {
    roleplay()
        .current_dir(repo(""))
        .args(["score", "--case", CASE, "-"])
        .write_stdin(vec![0u8, 159, 146, 150, 0, 1, 2])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("binary"));
}

#[test]
fn text_report_has_no_colour_under_no_color_and_colour_when_forced() {
    let plain = roleplay()
        .current_dir(repo(""))
        .args([
            "score",
            "--case",
            CASE,
            "tests/fixtures/responses/complaint-strong.txt",
        ])
        .output()
        .unwrap();
    assert!(!plain.stdout.contains(&0x1b));
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(text.contains("CR:010") && text.contains("Total"), "{text}");
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "a line is wider than 80 columns:\n{text}"
    );
    let forced = roleplay()
        .current_dir(repo(""))
        .args([
            "--color",
            "always",
            "score",
            "--case",
            CASE,
            "tests/fixtures/responses/complaint-strong.txt",
        ])
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b));
}

#[test]
fn a_shipped_case_is_found_by_id_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    roleplay()
        .current_dir(dir.path())
        .args([
            "score",
            "--format",
            "json",
            "--case",
            "summit-gear-ski-return",
            "-",
        ])
        .write_stdin("I'm sorry about the skis.")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "\"case\": \"summit-gear-ski-return\"",
        ));
}

/// 20,000 words with no punctuation were quadratic (minutes in a debug build); the
/// timeout only keeps a regression from hanging the run, the bench measures speed.
#[test]
fn a_long_run_with_no_punctuation_is_scored() {
    let run = "sorry I will refund you and call you tomorrow ".repeat(2_500);
    for format in ["json", "text"] {
        let out = roleplay()
            .args(["score", "--format", format, "--case", CASE, "-"])
            .current_dir(repo(""))
            .write_stdin(run.as_str())
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{format}: {:?}", out.status);
    }
}
