//! Follow-up questions through the real binary: chosen from what the response missed,
//! asked in the practice session, answered in a file for `score --answers`, credited
//! less than a volunteered point, and shown in every report format.

use std::path::Path;

use crate::practice::{decline_feedback, practice};
use crate::util::{json_of, roleplay, roleplay_in};

pub const CASE: &str = "summit-gear-ski-return";

/// Covers every heavy idea of CR:010 except preventing a repeat.
pub const NO_PREVENTION: [&str; 6] = [
    "Good afternoon, Mr. Kessler, and thank you for telling me the whole story; I appreciate you bringing this to me.",
    "I'm so sorry about the skis; I understand how frustrating it is to buy skis that are wrong for you.",
    "Let me make sure I have this right: our associate sold you expert skis even though the sales record says you ski groomed blue runs.",
    "Right now I will raise your Second Run credit to 75% and remount your bindings on the Trailhead 165 for free today, or you can take store credit.",
    "Our Peak Return Policy gives a full refund only within 30 days on unused gear, and mounted skis count as used, which keeps it fair for every customer.",
    "I'll call you next week to see how the new skis feel. Thank you for coming in.",
];

pub const PREVENTION_QUESTION: &str = "what will stop it from happening to the next customer?";
pub const PREVENTION_ANSWER: &str = "Starting tomorrow, every ski sale gets a second check against the skier's ability on the sales record, and I will retrain the ski shop staff this week.";

/// A one-indicator case (CR:001) and a response that says every one of its ideas.
const SMALL_CASE: &str = "id: harbor-wheel
title: The wheel that came back bent
participant_role: the service lead at Harbor Bikes, a neighborhood bicycle shop
judge_role: a commuter whose rebuilt wheel bent on the first ride, Priya Nand
situation: |
  You are to assume the role of the service lead at Harbor Bikes. The shop promises that every repair leaves a bike safer than it came in. Priya Nand (judge) paid $95 for a wheel rebuild last week, and the wheel bent on her first ride to work. She wants to know what the shop will do.
indicators: [CR:001]
judge_questions:
  - Why should I trust your shop again?
";
const COVERS_ALL: [&str; 6] = [
    "Ms. Nand, our brand promise is that every repair leaves your bike safer than it came in.",
    "What that means for you is a bike you can count on for your ride to work.",
    "We will live up to that promise every single time, no matter who is on shift.",
    "That is why we are rebuilding your wheel today at no charge, in line with our promise.",
    "Keeping that promise protects our reputation and keeps the word of mouth positive.",
    "It is what sets us apart from the big chain stores down the road.",
];

/// A practice of `case` with `follow_ups` follow-ups, where the student has presented
/// `lines` and is waiting for the judge's first question.
pub fn presented(
    home: &Path,
    case: &str,
    follow_ups: &str,
    lines: &[&str],
) -> rexpect::session::PtySession {
    let mut p = practice(home, &[case, "--prep", "0", "--follow-ups", follow_ups]);
    p.exp_string("Present now").unwrap();
    for line in lines {
        p.send_line(line).unwrap();
    }
    p.send_line(".").unwrap();
    p
}

/// `score --format json` of the ski case's `response` with the `answers` file, asking
/// `follow_ups` follow-ups.
fn scored_with(response: &Path, answers: &Path, follow_ups: &str) -> serde_json::Value {
    json_of(
        roleplay()
            .args(["score", "--case", CASE, "--format", "json"])
            .args(["--follow-ups", follow_ups, "--answers"])
            .arg(answers)
            .arg(response),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn indicator(card: &serde_json::Value, code: &str) -> serde_json::Value {
    card["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == code)
        .unwrap()
        .clone()
}

#[test]
fn practice_asks_the_prevention_follow_up_and_credits_the_answer_capped() {
    let home = tempfile::tempdir().unwrap();
    let mut p = presented(home.path(), CASE, "1", &NO_PREVENTION);
    p.exp_string("The judge asks (1 of 2)").unwrap();
    p.send_line("Mounted skis count as used, but the 75% credit covers most of it.")
        .unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge asks (2 of 2)").unwrap();
    p.send_line("I understand why you would ask that.").unwrap();
    p.send_line(".").unwrap();
    p.exp_string("The judge follows up").unwrap();
    p.exp_string(PREVENTION_QUESTION).unwrap();
    p.send_line(PREVENTION_ANSWER).unwrap();
    p.send_line(".").unwrap();
    p.exp_string("Saved as attempt 1").unwrap();
    p.exp_string("FOLLOW-UP QUESTIONS").unwrap();
    p.exp_string("Earned: +").unwrap();
    decline_feedback(&mut p);

    let attempt = json_of(roleplay_in(home.path()).args(["show-attempt", "1", "--format", "json"]));
    let card = &attempt["score"];
    // The saved attempt keeps its follow-ups, and its report shows them again.
    assert_eq!(card["follow_ups"][0]["concept"], "prevents-recurrence");
    let shown = roleplay_in(home.path())
        .env("PAGER", "cat")
        .args(["show-attempt", "1"])
        .assert()
        .success();
    let shown = String::from_utf8_lossy(&shown.get_output().stdout).into_owned();
    assert!(shown.contains("FOLLOW-UP QUESTIONS"), "{shown}");
    assert!(shown.contains(PREVENTION_ANSWER), "{shown}");
    // The same words scored without the follow-up: the line the credit starts from.
    let fixed = tempfile::tempdir().unwrap();
    let response = write(fixed.path(), "r.txt", &NO_PREVENTION.join("\n"));
    let answers = write(
        fixed.path(),
        "a.txt",
        "Mounted skis count as used, but the 75% credit covers most of it.\n\nI understand why you would ask that.\n",
    );
    let before = scored_with(&response, &answers, "0");
    let before = indicator(&before, "CR:010")["points"].as_u64().unwrap();
    let after = indicator(card, "CR:010")["points"].as_u64().unwrap();
    // CR:010 listens for 22 weight of rubric ideas and 2 of the case's: half of 3/24 of
    // 14 points rounds down to nothing, so the floor of one point applies.
    assert_eq!(after, before + 1, "{card}");
}

#[test]
fn practice_asks_nothing_when_the_response_covers_everything() {
    let home = tempfile::tempdir().unwrap();
    let case = write(home.path(), "harbor-wheel.yaml", SMALL_CASE);
    let mut p = presented(home.path(), case.to_str().unwrap(), "2", &COVERS_ALL);
    p.exp_string("The judge asks (1 of 1)").unwrap();
    p.send_line("Because we will put it right today.").unwrap();
    p.send_line(".").unwrap();
    let before_saved = p.exp_string("Saved as attempt 1").unwrap();
    assert!(!before_saved.contains("follows up"), "{before_saved}");
    decline_feedback(&mut p);
}

#[test]
fn questions_lists_the_fixed_questions_then_the_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    let response = write(dir.path(), "r.txt", &NO_PREVENTION.join("\n"));
    let out = roleplay()
        .args(["questions", "--case", CASE, "--follow-ups", "1"])
        .arg(&response)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("1. Why can't I just get my $840 back?"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "3. You've made this right for me, but {PREVENTION_QUESTION}"
        )),
        "{text}"
    );
    assert!(!text.contains("4. "), "{text}");

    let json = json_of(
        roleplay()
            .args(["questions", "--case", CASE, "--format", "json"])
            .arg(&response),
    );
    let questions = json["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 4);
    assert_eq!(questions[0]["kind"], "fixed");
    assert_eq!(questions[2]["kind"], "follow-up");
    assert_eq!(questions[2]["indicator"], "CR:010");
    assert_eq!(questions[2]["concept"], "prevents-recurrence");

    let none = json_of(
        roleplay()
            .args([
                "questions",
                "--case",
                CASE,
                "--format",
                "json",
                "--follow-ups",
                "0",
            ])
            .arg(&response),
    );
    assert_eq!(none["questions"].as_array().unwrap().len(), 2);
}

#[test]
fn score_answers_credits_a_follow_up_less_than_volunteering_it() {
    let dir = tempfile::tempdir().unwrap();
    let response = write(dir.path(), "r.txt", &NO_PREVENTION.join("\n"));
    let fixed = "Mounted skis count as used, but the 75% credit covers most of it.\n\nI understand why you would ask that.\n";
    let answers = write(
        dir.path(),
        "a.txt",
        &format!("{fixed}\n{PREVENTION_ANSWER}\n\n-\n"),
    );
    let plain = json_of(
        roleplay()
            .args(["score", "--case", CASE, "--format", "json"])
            .arg(&response),
    );
    let scored = json_of(
        roleplay()
            .args(["score", "--case", CASE, "--format", "json", "--answers"])
            .arg(&answers)
            .arg(&response),
    );
    // The contract's keys all stay; the follow-ups are one more.
    for key in plain.as_object().unwrap().keys() {
        assert!(scored.get(key).is_some(), "{key} missing");
    }
    assert!(plain.get("follow_ups").is_none());
    let asked = scored["follow_ups"].as_array().unwrap();
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[0]["concept"], "prevents-recurrence");
    assert_eq!(asked[0]["points"], 1);
    assert_eq!(asked[1]["points"], 0);
    assert_eq!(asked[1]["answer"], "");
    let with = indicator(&scored, "CR:010")["points"].as_u64().unwrap();
    assert_eq!(with, asked[0]["points_before"].as_u64().unwrap() + 1);

    // Volunteered in the presentation, the same sentence is worth more.
    let volunteered = write(
        dir.path(),
        "v.txt",
        &format!("{}\n{PREVENTION_ANSWER}", NO_PREVENTION.join("\n")),
    );
    let answers_fixed = write(dir.path(), "f.txt", fixed);
    let full = scored_with(&volunteered, &answers_fixed, "0");
    assert!(indicator(&full, "CR:010")["points"].as_u64().unwrap() >= with);
    assert!(full["total"].as_u64().unwrap() > scored["total"].as_u64().unwrap());

    for (format, heading) in [
        ("text", "FOLLOW-UP QUESTIONS"),
        ("markdown", "## Follow-up questions"),
        ("html", "<h2>Follow-up questions</h2>"),
    ] {
        let out = roleplay()
            .args(["score", "--case", CASE, "--format", format, "--answers"])
            .arg(&answers)
            .arg(&response)
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains(heading), "{format}: {text}");
        assert!(text.contains("+1 on CR:010"), "{format}");
        assert!(text.contains("second check against the skier"), "{format}");
    }
}

#[test]
fn score_without_answers_prints_no_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    let response = write(dir.path(), "r.txt", &NO_PREVENTION.join("\n"));
    let out = roleplay()
        .args(["score", "--case", CASE])
        .arg(&response)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!text.contains("FOLLOW-UP"), "{text}");
}

#[test]
fn a_case_follow_up_is_asked_first_and_must_name_a_real_concept() {
    let dir = tempfile::tempdir().unwrap();
    let own = format!(
        "{SMALL_CASE}follow_ups:\n  - indicator: CR:001\n    concept: names-promise\n    question: What does Harbor Bikes promise the people who ride in?\n"
    );
    let case = write(dir.path(), "harbor-wheel.yaml", &own);
    let response = write(dir.path(), "r.txt", "I'm sorry the wheel bent.");
    let json = json_of(
        roleplay()
            .args(["questions", "--format", "json", "--case"])
            .arg(&case)
            .arg(&response),
    );
    assert_eq!(
        json["questions"][1]["question"],
        "What does Harbor Bikes promise the people who ride in?"
    );
    roleplay().arg("validate").arg(&case).assert().success();

    let typo = own.replace("concept: names-promise", "concept: names-promis");
    let bad = write(dir.path(), "harbor-typo.yaml", &typo);
    roleplay()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("harbor-typo.yaml:12:14"))
        .stdout(predicates::str::contains(
            "CR:001 has no concept `names-promis`",
        ));
    let elsewhere = own.replace("indicator: CR:001", "indicator: CR:010");
    let bad = write(dir.path(), "harbor-code.yaml", &elsewhere);
    roleplay()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("not in the case's indicators"));
}

#[test]
fn a_case_follow_up_with_a_slot_the_case_cannot_fill_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let own = format!(
        "{SMALL_CASE}follow_ups:\n  - indicator: CR:001\n    concept: names-promise\n    question: What does {{store}} promise its riders?\n"
    );
    let case = write(dir.path(), "harbor-slot.yaml", &own);
    roleplay()
        .arg("validate")
        .arg(&case)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("harbor-slot.yaml:13:15"))
        .stdout(predicates::str::contains(
            "`{store}`, which the case cannot fill",
        ));
}

#[test]
fn a_follow_up_already_answered_among_the_fixed_answers_earns_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let response = write(dir.path(), "r.txt", &NO_PREVENTION.join("\n"));
    // The second fixed answer already says what will prevent a repeat.
    let answers = write(
        dir.path(),
        "a.txt",
        &format!("Mounted skis count as used.\n\n{PREVENTION_ANSWER}\n\n{PREVENTION_ANSWER}\n"),
    );
    let scored = scored_with(&response, &answers, "1");
    let asked = &scored["follow_ups"][0];
    assert_eq!(asked["concept"], "prevents-recurrence");
    assert_eq!(asked["already"], true);
    assert_eq!(asked["points"], 0);
    let out = roleplay()
        .args(["score", "--case", CASE, "--follow-ups", "1", "--answers"])
        .arg(&answers)
        .arg(&response)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("nothing more: your answers had already earned this"),
        "{text}"
    );
}

#[test]
fn the_wording_rotates_with_each_saved_attempt_at_the_case() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let response = write(dir.path(), "r.txt", &NO_PREVENTION.join("\n"));
    let asked = || {
        json_of(
            roleplay_in(home.path())
                .args([
                    "questions",
                    "--format",
                    "json",
                    "--follow-ups",
                    "1",
                    "--case",
                    CASE,
                ])
                .arg(&response),
        )["questions"][2]["question"]
            .clone()
    };
    let save = || {
        roleplay_in(home.path())
            .args(["score", "--save", "--case", CASE])
            .arg(&response)
            .assert()
            .success();
    };
    let first = asked();
    assert!(
        first.as_str().unwrap().ends_with(PREVENTION_QUESTION),
        "{first}"
    );
    save();
    let second = asked();
    assert_ne!(first, second);
    assert!(
        second.as_str().unwrap().contains("Summit Gear Outfitters"),
        "{second}"
    );
    save();
    assert_eq!(asked(), first);
}

#[test]
fn score_with_answers_saves_the_response_apart_from_the_answers() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let response = write(dir.path(), "r.txt", &NO_PREVENTION.join("\n"));
    let answers = write(
        dir.path(),
        "answers.txt",
        &format!("I would keep the customer informed.\n\n{PREVENTION_ANSWER}"),
    );
    roleplay_in(home.path())
        .args(["score", "--save", "--follow-ups", "1", "--case", CASE])
        .arg(&response)
        .arg("--answers")
        .arg(&answers)
        .assert()
        .success();
    let attempt = json_of(roleplay_in(home.path()).args(["show-attempt", "1", "--format", "json"]));
    let saved = attempt["response"].as_str().unwrap();
    assert_eq!(saved.trim(), NO_PREVENTION.join("\n").trim());
    // The answers are shown once, under the judge's questions, not inside the response.
    let text = String::from_utf8(
        roleplay_in(home.path())
            .args(["show-attempt", "1"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let (presented, asked) = text.split_once("The judge asked:").unwrap();
    assert!(!presented.contains("second check"), "{text}");
    assert!(asked.contains("second check"), "{text}");
}
