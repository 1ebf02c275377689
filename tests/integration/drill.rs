//! Progress and drills through the binary, on a history the tests build themselves.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::util::{json_of, repo, roleplay_in, spawn_pty};

fn save(home: &Path, case: &str, example: &str) {
    roleplay_in(home)
        .args([
            "score",
            "--save",
            "--format",
            "json",
            "--case",
            case,
            "--example",
            example,
        ])
        .assert()
        .success();
}

fn json(home: &Path, args: &[&str]) -> Value {
    json_of(roleplay_in(home).args(args))
}

#[test]
fn progress_figures_match_a_hand_computation_over_the_history() {
    let home = tempfile::tempdir().unwrap();
    save(home.path(), "summit-gear-ski-return", "weak");
    save(home.path(), "riverbank-overdraft-fees", "weak");
    save(home.path(), "summit-gear-ski-return", "strong");
    // By hand: each attempt's points per indicator, from the saved attempts themselves.
    let mut by_code: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for id in 1..=3 {
        let attempt = json(
            home.path(),
            &["show-attempt", &id.to_string(), "--format", "json"],
        );
        for line in attempt["score"]["indicators"].as_array().unwrap() {
            by_code
                .entry(line["code"].as_str().unwrap().into())
                .or_default()
                .push(line["points"].as_f64().unwrap());
        }
    }
    let progress = json(home.path(), &["progress", "--format", "json"]);
    assert_eq!(progress["attempts"], 3);
    for record in progress["indicators"].as_array().unwrap() {
        let points = &by_code[record["code"].as_str().unwrap()];
        let average = points.iter().sum::<f64>() / points.len() as f64;
        assert!(
            (record["average_points"].as_f64().unwrap() - average).abs() < 1e-9,
            "{record}"
        );
        assert_eq!(record["attempts"].as_u64().unwrap() as usize, points.len());
        let trend = if points.len() < 2 {
            0.0
        } else {
            points[points.len() - 1] - points[0]
        };
        if points.len() == 2 {
            assert!(
                (record["trend"].as_f64().unwrap() - trend).abs() < 1e-9,
                "{record}"
            );
        }
    }
    // CR:010 and CR:007 were tested in all three; the weakest comes first.
    let weakest = progress["weakest"].as_array().unwrap();
    let lowest = progress["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .min_by(|a, b| {
            a["average"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["average"].as_f64().unwrap())
        })
        .unwrap();
    assert_eq!(weakest[0], lowest["code"]);
    let text = String::from_utf8(
        roleplay_in(home.path())
            .arg("progress")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.contains("Work on next") && text.contains("CR:010"),
        "{text}"
    );
}

#[test]
fn drill_test_scores_an_answer_against_the_indicator() {
    let home = tempfile::tempdir().unwrap();
    let out = roleplay_in(home.path())
        .args(["drill", "test", "-i", "CR:010"])
        .write_stdin(
            "You listen to the whole story, apologize, show empathy and follow up later.\n.\n",
        )
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("+ Apologizes") && text.contains("- missed:"),
        "{text}"
    );
    assert!(text.contains("1 card(s) answered"), "{text}");
}

#[test]
fn the_review_schedule_advances_as_fsrs_says() {
    use roleplay::history::store::History;
    use roleplay::practice::drill::{rating_for, reschedule};
    let home = tempfile::tempdir().unwrap();
    let answer = "Listen to the whole story, apologize, show empathy, fix it right now, offer a refund or a replacement, \
                  follow up with a call, and train staff so it never happens again.\n.\n";
    let review = |now: &str| {
        roleplay_in(home.path())
            .env("ROLEPLAY_NOW", now)
            .args(["drill", "review", "-i", "CR:010"])
            .write_stdin(answer)
            .output()
            .unwrap()
    };
    let first = review("2026-11-23T12:00:00Z");
    assert!(String::from_utf8_lossy(&first.stdout).contains("1 card(s) reviewed"));
    let history = History::open(&home.path().join("history.sqlite3")).unwrap();
    let saved = history.cards().unwrap();
    assert_eq!(saved.len(), 1);
    let t0 = chrono::DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    // The engine's coverage for this answer gives the rating; FSRS gives the due date.
    let rubrics = roleplay::library::shipped::rubrics().unwrap();
    let rubric = rubrics
        .get(&roleplay::model::Code::parse("CR:010").unwrap())
        .unwrap();
    let form = roleplay::library::shipped::default_form().unwrap();
    let text = answer.trim_end_matches(".\n").trim_end();
    let card = roleplay::practice::drill::drill_scorecard(rubric, rubrics, form, text).unwrap();
    let expected = reschedule(None, "CR:010", rating_for(card.indicators[0].coverage), t0).unwrap();
    assert_eq!(saved[0].due, expected.due);

    let early = review("2026-11-23T12:01:00Z");
    assert!(
        String::from_utf8_lossy(&early.stdout).contains("Nothing is due"),
        "not due yet"
    );

    let later = (saved[0].due + chrono::Duration::hours(1)).to_rfc3339();
    review(&later);
    let again = History::open(&home.path().join("history.sqlite3"))
        .unwrap()
        .cards()
        .unwrap();
    assert!(
        again[0].due > saved[0].due,
        "{} should be after {}",
        again[0].due,
        saved[0].due
    );
}

fn pty(home: &Path, args: &[&str]) -> rexpect::session::PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roleplay"));
    command
        .args(args)
        .env("ROLEPLAY_HOME", home)
        .env("NO_COLOR", "1")
        .env("ROLEPLAY_SEED", "7")
        .env("ROLEPLAY_NOW", "2026-11-23T12:00:00Z");
    spawn_pty(command)
}

#[test]
fn one_round_of_each_drill_mode_in_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut p = pty(
        home.path(),
        &["drill", "learn", "--count", "1", "-i", "CR:007"],
    );
    p.exp_string("Card 1 of 1: CR:007").unwrap();
    p.send_line("").unwrap();
    p.exp_string("A judge listens for:").unwrap();
    p.send_line("").unwrap();
    p.exp_string("1 card(s) studied.").unwrap();
    p.exp_eof().unwrap();

    for mode in ["test", "review"] {
        let mut p = pty(
            home.path(),
            &["drill", mode, "--count", "1", "-i", "CR:007"],
        );
        p.exp_string("CR:007 Interpret business policies").unwrap();
        p.send_line("State the policy, explain how it applies to this customer, and say it is fair for everyone.").unwrap();
        p.send_line(".").unwrap();
        p.exp_string("You covered").unwrap();
        p.exp_string("card(s)").unwrap();
        p.exp_eof().unwrap();
    }

    let mut p = pty(home.path(), &["drill", "match", "--count", "3"]);
    p.exp_string("Match each code to its title").unwrap();
    p.exp_string("c) ").unwrap();
    p.send_line("1a 2b 3c").unwrap();
    p.exp_regex(r"[0-3] of 3 right in").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn the_progress_page_renders_in_chromium() {
    let home = tempfile::tempdir().unwrap();
    save(home.path(), "summit-gear-ski-return", "weak");
    save(home.path(), "summit-gear-ski-return", "strong");
    let html = String::from_utf8(
        roleplay_in(home.path())
            .args(["progress", "--format", "html"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(html.contains("<svg") && html.contains("Work on next") && !html.contains("<script"));
    let Some(browser) = crate::reports::chromium() else {
        return;
    };
    let page = home.path().join("progress.html");
    std::fs::write(&page, &html).unwrap();
    let dom = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--dump-dom",
        ])
        .arg(format!(
            "--user-data-dir={}",
            home.path().join("profile").display()
        ))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("Your progress") && dom.contains("<polyline"),
        "{dom:.300}"
    );
    let _ = repo("");
}

fn drill(home: &Path, args: &[&str], typed: &str) -> String {
    let out = roleplay_in(home)
        .env("ROLEPLAY_SEED", "7")
        .env("ROLEPLAY_NOW", "2026-11-23T12:00:00Z")
        .arg("drill")
        .args(args)
        .write_stdin(typed.to_string())
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
fn an_empty_test_answer_says_so() {
    let home = tempfile::tempdir().unwrap();
    let text = drill(
        home.path(),
        &["test", "--count", "1", "-i", "CR:007"],
        ".\n",
    );
    assert!(
        text.contains("No answer was given, so nothing was scored."),
        "{text}"
    );
    assert!(!text.contains("-0%"), "{text}");
}

#[test]
fn review_counts_what_it_reviews_and_what_is_left() {
    let home = tempfile::tempdir().unwrap();
    let answer = "State the policy and explain it.\n.\n";
    let text = drill(home.path(), &["review", "--count", "2"], &answer.repeat(2));
    assert!(
        text.contains("card(s) due; reviewing 2 of them (--count 2)."),
        "{text}"
    );
    let due: usize = text
        .split(" card(s) due")
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        text.contains(&format!("2 card(s) reviewed; {} still due", due - 2)),
        "{text}"
    );
}

#[test]
fn match_marks_the_wrong_pairs_and_refuses_a_typo() {
    let home = tempfile::tempdir().unwrap();
    let text = drill(home.path(), &["match", "--count", "3"], "1a2b\n1a 2b 3c\n");
    assert!(
        text.contains("`1a2b` is not a pair. Type pairs such as 1a 2b"),
        "{text}"
    );
    let marks = text.matches("  right  ").count() + text.matches("  WRONG  ").count();
    assert_eq!(marks, 3, "{text}");
    assert!(text.contains(" of 3 right in"), "{text}");
}

#[test]
fn the_same_seed_deals_the_same_match_and_another_seed_another() {
    let deal = |seed: &str| {
        let home = tempfile::tempdir().unwrap();
        let out = roleplay_in(home.path())
            .env("ROLEPLAY_SEED", seed)
            .args(["drill", "match", "--count", "3"])
            .write_stdin("1a 2b 3c\n")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        // The dealt cards: the numbered codes and the lettered titles, before the answer.
        text.lines()
            .take_while(|l| !l.starts_with('>'))
            .filter(|l| l.starts_with("  "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let first = deal("7");
    assert_eq!(first.len(), 6, "{first:?}");
    assert_eq!(deal("7"), first);
    assert_ne!(deal("8"), first);
}
