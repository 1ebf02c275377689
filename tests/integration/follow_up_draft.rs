//! Follow-up answers are saved as they are typed: a practice killed during a
//! follow-up resumes at that follow-up with every line typed to it, and the answers
//! land in the saved attempt and its report.

use rexpect::process::Signal;

use crate::follow_ups::{CASE, NO_PREVENTION, PREVENTION_ANSWER, PREVENTION_QUESTION, presented};
use crate::practice::{decline_feedback, practice};
use crate::util::{json_of, roleplay_in};

const HALF_TYPED: &str = "A second check on every fitting, typed before the crash.";
const AFTER_RESUME: &str = "And a line typed after resuming.";

#[test]
fn a_practice_killed_during_a_follow_up_resumes_with_the_typed_answer() {
    let home = tempfile::tempdir().unwrap();
    let mut p = presented(home.path(), CASE, "2", &NO_PREVENTION);
    for n in 1..=2 {
        p.exp_string(&format!("The judge asks ({n} of 2)")).unwrap();
        p.send_line("Mounted skis count as used.").unwrap();
        p.send_line(".").unwrap();
    }
    p.exp_string("The judge follows up").unwrap();
    p.exp_string(PREVENTION_QUESTION).unwrap();
    p.send_line(PREVENTION_ANSWER).unwrap();
    p.send_line(".").unwrap();
    let (_, second) = p
        .exp_regex(r"The judge asks \(2 of 2\): [^\r\n?]+\?")
        .unwrap();
    let second = second
        .split_once(": ")
        .map(|(_, q)| q.trim().to_string())
        .unwrap();
    p.send_line(HALF_TYPED).unwrap();
    // Lines are handled in order: once /time answers, the line above is saved.
    p.send_line("/time").unwrap();
    p.exp_string("the judge's questions are not timed").unwrap();
    p.process_mut().kill(Signal::SIGKILL).unwrap();

    let draft = std::fs::read_to_string(home.path().join("draft.json")).unwrap();
    assert!(draft.contains(HALF_TYPED), "{draft}");
    assert!(draft.contains("second check against the skier"), "{draft}");

    // The helper asks for no follow-ups: the draft's own are asked all the same.
    let mut p = practice(home.path(), &[]);
    p.exp_string("unfinished practice of `summit-gear-ski-return`")
        .unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Resuming").unwrap();
    p.exp_string("The judge follows up").unwrap();
    p.exp_string("1 of them answered before you stopped")
        .unwrap();
    p.exp_string(&format!("The judge asks (2 of 2): {second}"))
        .unwrap();
    p.exp_string(HALF_TYPED).unwrap();
    p.send_line(AFTER_RESUME).unwrap();
    p.send_line(".").unwrap();
    p.exp_string("Saved as attempt 1").unwrap();
    p.exp_string("FOLLOW-UP QUESTIONS").unwrap();
    decline_feedback(&mut p);
    assert!(!home.path().join("draft.json").exists());

    let attempt = json_of(roleplay_in(home.path()).args(["show-attempt", "1", "--format", "json"]));
    let asked = attempt["score"]["follow_ups"].as_array().unwrap();
    assert_eq!(asked.len(), 2, "{attempt}");
    assert_eq!(asked[0]["concept"], "prevents-recurrence");
    assert_eq!(asked[0]["answer"], PREVENTION_ANSWER);
    assert_eq!(asked[0]["points"], 1);
    assert_eq!(asked[1]["question"], second.as_str());
    assert_eq!(asked[1]["answer"], format!("{HALF_TYPED}\n{AFTER_RESUME}"));

    let report = roleplay_in(home.path())
        .env("PAGER", "cat")
        .args(["show-attempt", "1"])
        .assert()
        .success();
    let report = String::from_utf8_lossy(&report.get_output().stdout).into_owned();
    assert!(report.contains("FOLLOW-UP QUESTIONS"), "{report}");
    assert!(report.contains(PREVENTION_ANSWER), "{report}");
    assert!(report.contains(HALF_TYPED), "{report}");
    assert!(report.contains(AFTER_RESUME), "{report}");
}

#[test]
fn ctrl_c_during_a_follow_up_keeps_the_draft_instead_of_saving_without_it() {
    let home = tempfile::tempdir().unwrap();
    let mut p = presented(home.path(), CASE, "1", &NO_PREVENTION);
    for n in 1..=2 {
        p.exp_string(&format!("The judge asks ({n} of 2)")).unwrap();
        p.send_line("Mounted skis count as used.").unwrap();
        p.send_line(".").unwrap();
    }
    p.exp_string(PREVENTION_QUESTION).unwrap();
    p.send_line(PREVENTION_ANSWER).unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Stopped. Your draft is saved").unwrap();
    p.exp_eof().unwrap();
    let draft = std::fs::read_to_string(home.path().join("draft.json")).unwrap();
    assert!(draft.contains("second check against the skier"), "{draft}");
    let attempts = json_of(roleplay_in(home.path()).args(["history", "--format", "json"]));
    assert_eq!(attempts.as_array().map(Vec::len), Some(0), "{attempts}");
}
