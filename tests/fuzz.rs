//! Fuzzing with proptest, bounded so CI runs it in seconds: case loading and
//! validation never panic and never hang on any text, and scoring never panics, keeps
//! every total within its maximum and every quoted span inside the response.

use std::path::Path;

use proptest::prelude::*;
use roleplay::engine::Scorer;
use roleplay::library::shipped;
use roleplay::model::{CaseSource, RubricSet};
use roleplay::{load, report};

fn rubrics() -> &'static RubricSet {
    shipped::rubrics().expect("shipped rubrics")
}

fn known() -> roleplay::load::Known<'static> {
    shipped::known().expect("shipped rubrics and forms")
}

fn good_case() -> &'static str {
    include_str!("fixtures/cases/tidewater.yaml")
}

/// A YAML fragment a hostile or careless author might write.
fn yaml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("&a x".to_string()),
        Just("*a".to_string()),
        Just("[*a, *a, *a]".to_string()),
        Just("~".to_string()),
        Just("null".to_string()),
        Just("\u{feff}".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("{".to_string()),
        Just("[[[[[[".to_string()),
        Just("- ".to_string()),
        Just(": ".to_string()),
        Just("\n  ".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("!!binary ".to_string()),
        Just("title: again\n".to_string()),
        "\\PC{0,12}",
    ]
}

/// The good case with pieces inserted at random places, or any text at all.
fn case_text() -> impl Strategy<Value = String> {
    let text = good_case();
    prop_oneof![
        proptest::collection::vec((0..text.len(), yaml_piece()), 1..6).prop_map(move |edits| {
            let mut out = text.to_string();
            for (at, piece) in edits {
                let mut at = at.min(out.len());
                while !out.is_char_boundary(at) {
                    at -= 1;
                }
                out.insert_str(at, &piece);
            }
            out
        }),
        "\\PC{0,400}",
        any::<Vec<u8>>().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// A response: words the rubrics listen for, negations, punctuation, control
/// characters and odd Unicode, in any order, sometimes with no punctuation at all.
fn response() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("sorry"),
        Just("I will"),
        Just("not"),
        Just("never"),
        Just("refund"),
        Just("call you"),
        Just("follow up"),
        Just("\"she said\""),
        Just("Judge:"),
        Just("."),
        Just(","),
        Just("\n"),
        Just("\n\n- "),
        Just("\u{1b}]0;t\u{7}"),
        Just("é́"),
        Just("'"),
        Just("I'll"),
        Just("$24.99"),
        Just("…"),
    ];
    prop_oneof![
        proptest::collection::vec(word, 0..300).prop_map(|w| w.join(" ")),
        "\\PC{0,300}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn loading_any_case_text_never_panics(text in case_text()) {
        let path = Path::new("fuzz.yaml");
        let _ = load::case_from_str(&text, path, CaseSource::File(path.into()), known());
        let _ = roleplay::load::lint::case_errors(&text, path, known());
    }

    #[test]
    fn a_loaded_case_keeps_its_required_text(text in case_text()) {
        let path = Path::new("fuzz.yaml");
        if let Ok(case) = load::case_from_str(&text, path, CaseSource::File(path.into()), known()) {
            prop_assert!(!case.title.trim().is_empty());
            prop_assert!(!case.situation.trim().is_empty());
            prop_assert!(!case.indicators.is_empty() && case.indicators.len() <= 7);
        }
    }

    #[test]
    fn scoring_any_response_stays_in_bounds(text in response()) {
        let path = Path::new("tidewater.yaml");
        let case = load::case_from_str(good_case(), path, CaseSource::File(path.into()), known())
            .expect("the fixture loads");
        let form = shipped::default_form().expect("form");
        let card = Scorer::new(&case, rubrics(), form).expect("scorer").score(&text);
        prop_assert!(card.total <= card.max);
        for line in &card.indicators {
            prop_assert!(line.points <= line.max);
            for e in &line.evidence {
                prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end));
            }
        }
        let mut out = Vec::new();
        let view = report::view::View::new(&card, &text, form, report::Context::default());
        report::text::write(&mut out, &view, report::Style::default()).expect("text");
        report::markdown::write(&mut out, &view).expect("markdown");
        report::html::write(&mut out, &view).expect("html");
        report::json::write(&mut out, &card, &text).expect("json");
    }
}
