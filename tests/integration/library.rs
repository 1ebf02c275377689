//! Meta-tests of the shipped case library: every case loads, reads like a DECA case,
//! and carries a strong and a genuinely weak example.

use std::collections::BTreeSet;

use roleplay::library::shipped;

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

fn trigrams(text: &str) -> BTreeSet<String> {
    words(text).windows(3).map(|w| w.join(" ")).collect()
}

#[test]
fn every_shipped_case_loads_and_reads_like_a_deca_case() {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for loaded in shipped::cases() {
        let case = match loaded {
            Ok(case) => case,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        if !ids.insert(case.id.clone()) {
            problems.push(format!("{}: id used twice", case.id));
        }
        let situation = words(&case.situation).len();
        if !(150..=360).contains(&situation) {
            problems.push(format!(
                "{}: situation has {situation} words (DECA: 150 to 350)",
                case.id
            ));
        }
        if !case.situation.contains("You are to assume the role") {
            problems.push(format!(
                "{}: situation does not open in DECA's second person",
                case.id
            ));
        }
        if !(2..=3).contains(&case.judge_questions.len()) {
            problems.push(format!(
                "{}: {} judge questions",
                case.id,
                case.judge_questions.len()
            ));
        }
        if case.look_for.is_empty() {
            problems.push(format!("{}: no look_for points", case.id));
        }
        let strong = case.examples.iter().find(|e| e.name == "strong");
        let weak = case.examples.iter().find(|e| e.name == "weak");
        match (strong, weak) {
            (Some(strong), Some(weak)) => {
                let shared = trigrams(&weak.response)
                    .intersection(&trigrams(&strong.response))
                    .count();
                let weak_trigrams = trigrams(&weak.response).len().max(1);
                if shared * 10 > weak_trigrams {
                    problems.push(format!(
                        "{}: the weak example repeats the strong one ({shared} shared phrases)",
                        case.id
                    ));
                }
                if words(&weak.response).len() * 3 > words(&strong.response).len() {
                    problems.push(format!("{}: the weak example is not thin", case.id));
                }
            }
            _ => problems.push(format!("{}: needs a strong and a weak example", case.id)),
        }
    }
    assert!(ids.len() >= 30, "{} cases", ids.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_shipped_case_has_a_mid_band_example_with_a_band_for_each_indicator() {
    let mut problems = Vec::new();
    for case in shipped::cases().iter().filter_map(|c| c.as_ref().ok()) {
        let Some(mid) = case.examples.iter().find(|e| e.name == "mid") else {
            problems.push(format!("{}: no mid example", case.id));
            continue;
        };
        // The middle of the scale, where most students are: the border of below and meets.
        if mid.expect.to_string() != "below..meets" {
            problems.push(format!(
                "{}: the mid example expects {}",
                case.id, mid.expect
            ));
        }
        let banded: Vec<_> = mid.bands.iter().map(|(code, _)| code).collect();
        if banded.len() != case.indicators.len() {
            problems.push(format!(
                "{}: bands for {} of {} indicators",
                case.id,
                banded.len(),
                case.indicators.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn shipped_look_for_phrases_are_facts_of_their_case() {
    let out = crate::util::roleplay().arg("validate").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let strays: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("is not in the case"))
        .collect();
    assert!(strays.is_empty(), "{}", strays.join("\n"));
}

#[test]
fn the_uk_standard_cases_carry_no_deca_event_and_their_own_form() {
    for case in shipped::cases().iter().filter_map(|c| c.as_ref().ok()) {
        let nos = case
            .indicators
            .iter()
            .any(|c| c.as_str().starts_with("NOS:"));
        if nos {
            let event = case.event.as_deref().unwrap_or_default();
            assert!(event.contains("not a DECA event"), "{}: {event}", case.id);
            assert_eq!(case.form.as_deref(), Some("nos-practice"), "{}", case.id);
        }
    }
}

#[test]
fn every_shipped_case_has_a_judges_sheet_covering_each_indicator() {
    let mut problems = Vec::new();
    for case in shipped::cases().iter().filter_map(|c| c.as_ref().ok()) {
        let Some(notes) = &case.judge_notes else {
            problems.push(format!("{}: no judge_notes", case.id));
            continue;
        };
        if notes.follow_ups.is_empty() {
            problems.push(format!("{}: no follow-up question", case.id));
        }
        if notes.exceeds.len() != case.indicators.len() {
            problems.push(format!(
                "{}: exceeds notes for {} of {} indicators",
                case.id,
                notes.exceeds.len(),
                case.indicators.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_cr_indicator_is_tested_by_at_least_eight_shipped_cases() {
    let mut counts = std::collections::BTreeMap::new();
    for case in shipped::cases().iter().filter_map(|c| c.as_ref().ok()) {
        for code in &case.indicators {
            *counts.entry(code.as_str().to_string()).or_insert(0) += 1;
        }
    }
    let cr: Vec<_> = counts
        .iter()
        .filter(|(c, _)| c.starts_with("CR:"))
        .collect();
    assert_eq!(cr.len(), 15, "{counts:?}");
    assert!(cr.iter().all(|(_, n)| **n >= 8), "{counts:?}");
}
