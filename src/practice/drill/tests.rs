//! Unit tests of `practice/drill.rs`, beside it.

use std::io::Cursor;

use super::*;
use crate::library::shipped;
use crate::model::Code;

fn deck(codes: &[&str]) -> Vec<&'static Rubric> {
    let rubrics = shipped::rubrics().unwrap();
    codes
        .iter()
        .map(|c| rubrics.get(&Code::parse(c).unwrap()).unwrap())
        .collect()
}

#[test]
fn learn_flips_and_stops_on_q() {
    let mut out = Vec::new();
    let seen = learn(
        &deck(&["CR:010", "CR:007"]),
        &mut Cursor::new("\n\nq\n"),
        &mut out,
    )
    .unwrap();
    assert_eq!(seen, 1);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Card 1 of 2: CR:010") && text.contains("A judge listens for:"));
}

#[test]
fn test_scores_the_answer_against_the_concepts() {
    let rubrics = shipped::rubrics().unwrap();
    let form = shipped::default_form().unwrap();
    let answer = "It means handling a complaint well: listen to the whole story, apologize, \
                  show empathy, fix it right away, offer a refund or replacement, and follow up.\n.\n";
    let mut out = Vec::new();
    let got = test(
        &deck(&["CR:010"]),
        rubrics,
        form,
        &mut Cursor::new(answer),
        &mut out,
    )
    .unwrap();
    assert_eq!(got.len(), 1);
    assert!(got[0].coverage >= 0.5, "{got:?}");
    assert!(String::from_utf8(out).unwrap().contains("+ Apologizes"));
}

#[test]
fn ratings_follow_coverage() {
    assert_eq!(rating_for(0.7), Rating::Easy);
    assert_eq!(rating_for(0.45), Rating::Good);
    assert_eq!(rating_for(0.25), Rating::Hard);
    assert_eq!(rating_for(0.0), Rating::Again);
}

#[test]
fn a_good_review_pushes_the_card_later_than_an_again() {
    let now = DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let good = reschedule(None, "CR:010", Rating::Good, now).expect("a card");
    let again = reschedule(None, "CR:010", Rating::Again, now).expect("a card");
    assert!(good.due > again.due, "{} vs {}", good.due, again.due);
    let later = good.due + chrono::Duration::days(1);
    let second = reschedule(Some(&good), "CR:010", Rating::Easy, later).expect("a card");
    assert!(second.due > good.due);
}

#[test]
fn a_damaged_saved_card_is_an_error_not_a_fresh_start() {
    let now = DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let damaged = SavedCard {
        code: "CR:010".into(),
        card: "{not json".into(),
        due: at("2026-11-20T12:00:00Z"),
    };
    assert!(reschedule(Some(&damaged), "CR:010", Rating::Good, now).is_err());
}

#[test]
fn due_puts_reviewed_cards_first_and_skips_future_ones() {
    let now = DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let saved = vec![
        SavedCard {
            code: "CR:007".into(),
            card: String::new(),
            due: at("2026-11-20T00:00:00Z"),
        },
        SavedCard {
            code: "CR:009".into(),
            card: String::new(),
            due: at("2026-12-20T00:00:00Z"),
        },
    ];
    let got: Vec<&str> = due(&deck(&["CR:001", "CR:007", "CR:009"]), &saved, now)
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(got, ["CR:007", "CR:001"]);
}

#[test]
fn matching_counts_right_pairs() {
    let cards = deck(&["CR:010", "CR:007", "CR:001"]);
    // Titles shown as a) CR:007, b) CR:001, c) CR:010.
    let order = [1, 2, 0];
    let mut out = Vec::new();
    let got = matching(&cards, &order, &mut Cursor::new("1c 2a 3a\n"), &mut out).unwrap();
    assert_eq!((got.right, got.total), (2, 3));
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("WRONG  3b  CR:001"), "{text}");
    assert!(text.contains("you paired it with a)"), "{text}");
    assert!(text.contains("right  1c  CR:010"), "{text}");
}

#[test]
fn malformed_pairs_are_refused_with_the_form_and_asked_again() {
    let cards = deck(&["CR:010", "CR:007", "CR:001"]);
    let mut out = Vec::new();
    let typed = "1c2a\n4a\n1c 1a\nhello\n1c 2a 3b\n";
    let got = matching(&cards, &[1, 2, 0], &mut Cursor::new(typed), &mut out).unwrap();
    assert_eq!(got.right, 3);
    let text = String::from_utf8(out).unwrap();
    for why in [
        "`1c2a` is not a pair",
        "`4a` is out of range",
        "1 is paired twice",
        "`hello` is not a pair",
    ] {
        assert!(text.contains(why), "{why}: {text}");
    }
    assert!(text.contains("a number from 1 to 3, then a letter from a to c"));
}

fn at(time: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(time)
        .unwrap()
        .with_timezone(&Utc)
}
