//! `score --transcript`: spoken transcripts (SRT, WebVTT, plain text, speaker labels)
//! scored as the student's words alone, with the delivery figures in every format.

use crate::util::{json_of, roleplay};

const CASE: &str = "summit-gear-ski-return";

const LINE_1: &str = "Um, good afternoon, Mr. Kessler, I'm so sorry the skis were wrong for you.";
const LINE_2: &str =
    "Our Peak Return Policy covers unused gear for 30 days, and mounted skis count as used.";
const LINE_3: &str =
    "So, like, I will raise your Second Run credit to 75% and remount the bindings today.";

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn score(args: &[&str], file: &std::path::Path) -> serde_json::Value {
    json_of(
        roleplay()
            .args(["score", "--case", CASE, "--format", "json"])
            .args(args)
            .arg(file),
    )
}

/// The same words typed: what every transcript must score as.
fn typed(dir: &std::path::Path) -> serde_json::Value {
    let path = dir.join("typed.txt");
    std::fs::write(&path, format!("{LINE_1}\n{LINE_2}\n{LINE_3}")).unwrap();
    score(&[], &path)
}

#[test]
fn srt_scores_as_the_words_alone_with_figures_from_its_timings() {
    let dir = tempfile::tempdir().unwrap();
    let srt = dir.path().join("talk.srt");
    // Speech from 0 s to 60 s, with pauses of 4 s and 11 s.
    std::fs::write(
        &srt,
        format!(
            "1\n00:00:00,000 --> 00:00:15,000\n{LINE_1}\n\n2\n00:00:19,000 --> 00:00:34,000\n{LINE_2}\n\n3\n00:00:45,000 --> 00:01:00,000\n{LINE_3}\n"
        ),
    )
    .unwrap();
    let card = score(&["--transcript"], &srt);
    let plain = typed(dir.path());
    assert_eq!(card["total"], plain["total"]);
    assert_eq!(card["indicators"], plain["indicators"]);
    let d = &card["delivery"];
    let total = words(LINE_1) + words(LINE_2) + words(LINE_3);
    assert_eq!(d["words"], total);
    assert_eq!(d["words_per_minute"].as_f64().unwrap(), total as f64);
    assert_eq!(d["fillers"], 2); // "Um" and "like"
    assert_eq!(d["fillers_per_minute"].as_f64().unwrap(), 2.0);
    assert_eq!(d["longest_pause"].as_f64().unwrap(), 11.0);
    assert!((d["time_used"].as_f64().unwrap() - 0.1).abs() < 1e-9);
    assert_eq!(d["time_allowed"], 10);
}

#[test]
fn webvtt_with_voices_scores_only_the_student() {
    let dir = tempfile::tempdir().unwrap();
    let vtt = dir.path().join("talk.vtt");
    std::fs::write(
        &vtt,
        format!(
            "WEBVTT\n\nNOTE exported by a dictation app\n\n00:00.000 --> 00:04.000\n<v Judge>Why can't I just get my money back?</v>\n\n00:05.000 --> 00:20.000 line:90%\n<v Student>{LINE_1}</v>\n\n00:21.000 --> 00:40.000\n<v Student>{LINE_2}</v>\n\n00:41.000 --> 00:01:05.000\n<v Student>{LINE_3}</v>\n"
        ),
    )
    .unwrap();
    let card = score(&["--transcript"], &vtt);
    assert_eq!(card["indicators"], typed(dir.path())["indicators"]);
    assert_eq!(card["delivery"]["speaker"], "Student");
    // The judge's line is not counted among the student's words.
    assert_eq!(card["stats"]["words"], typed(dir.path())["stats"]["words"]);
    assert_eq!(card["delivery"]["longest_pause"].as_f64().unwrap(), 1.0);
}

#[test]
fn plain_text_with_labels_and_times_scores_the_student_and_has_no_timed_figures() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("talk.txt");
    std::fs::write(
        &txt,
        format!("[00:00] Judge: Why can't I just get my money back?\n[00:05] Student: {LINE_1}\n{LINE_2}\nStudent: {LINE_3}\n"),
    )
    .unwrap();
    let card = score(&["--transcript"], &txt);
    assert_eq!(card["indicators"], typed(dir.path())["indicators"]);
    assert_eq!(card["delivery"]["fillers"], 2);

    let untimed = dir.path().join("plain.txt");
    std::fs::write(&untimed, format!("{LINE_1}\n{LINE_2}\n{LINE_3}\n")).unwrap();
    let card = score(&["--transcript"], &untimed);
    assert_eq!(card["indicators"], typed(dir.path())["indicators"]);
    assert!(card["delivery"]["words_per_minute"].is_null());
    assert!(card["delivery"]["speaker"].is_null());
}

#[test]
fn every_report_format_has_the_delivery_section_and_a_typed_response_none() {
    let dir = tempfile::tempdir().unwrap();
    let srt = dir.path().join("talk.srt");
    std::fs::write(
        &srt,
        format!("1\n00:00:00,000 --> 00:00:30,000\n{LINE_1} {LINE_2}\n"),
    )
    .unwrap();
    for (format, heading) in [
        ("text", "DELIVERY"),
        ("markdown", "## Delivery"),
        ("html", "<h2>Delivery</h2>"),
    ] {
        let out = roleplay()
            .args(["score", "--case", CASE, "--format", format, "--transcript"])
            .arg(&srt)
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains(heading), "{format}");
        assert!(text.contains("Words per minute"), "{format}");
        assert!(text.contains("Tip:"), "{format}");
    }
    let typed = dir.path().join("typed.txt");
    std::fs::write(&typed, LINE_1).unwrap();
    let out = roleplay()
        .args(["score", "--case", CASE])
        .arg(&typed)
        .assert()
        .success();
    assert!(!String::from_utf8_lossy(&out.get_output().stdout).contains("DELIVERY"));
    roleplay()
        .args(["score", "--case", CASE, "--transcript"])
        .arg(&typed)
        .arg(&typed)
        .assert()
        .code(2);
}
