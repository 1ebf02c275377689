//! The shipped rubrics test themselves: every concept's examples through the real
//! engine, and meta-checks on codes, ids, phrases and tips.

use std::collections::BTreeSet;

use roleplay::library::shipped;
use roleplay::testing::{credited, score_one, statuses};

const CODES: [&str; 15] = [
    "CR:001", "CR:002", "CR:003", "CR:004", "CR:005", "CR:006", "CR:007", "CR:009", "CR:010",
    "CR:016", "CR:017", "CR:018", "CR:019", "CR:029", "CR:030",
];

#[test]
fn every_concept_example_scores_as_it_says() {
    let rubrics = shipped::rubrics().expect("rubrics load");
    let mut failures = Vec::new();
    for rubric in rubrics.iter() {
        let file = format!("rubrics/{}.yaml", rubric.code.file_stem());
        for concept in &rubric.concepts {
            for text in &concept.examples.credit {
                let card = score_one(rubric.code.as_str(), text);
                if !credited(&card, &concept.id) {
                    failures.push(format!(
                        "{file}: {}: expected credit for {text:?}, got {:?}",
                        concept.id,
                        statuses(&card, &concept.id)
                    ));
                }
            }
            for text in &concept.examples.no_credit {
                let card = score_one(rubric.code.as_str(), text);
                if credited(&card, &concept.id) {
                    failures.push(format!(
                        "{file}: {}: expected no credit for {text:?}",
                        concept.id
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn all_fifteen_cr_indicators_are_shipped() {
    let rubrics = shipped::rubrics().expect("rubrics load");
    let codes: BTreeSet<&str> = rubrics
        .codes()
        .map(|c| c.as_str())
        .filter(|c| c.starts_with("CR:"))
        .collect();
    assert_eq!(codes, CODES.into_iter().collect());
}

#[test]
fn concepts_are_well_formed() {
    let rubrics = shipped::rubrics().expect("rubrics load");
    let mut problems = Vec::new();
    for rubric in rubrics.iter() {
        let mut ids = BTreeSet::new();
        let mut phrases = BTreeSet::new();
        for concept in &rubric.concepts {
            if !ids.insert(&concept.id) {
                problems.push(format!(
                    "{}: concept id `{}` twice",
                    rubric.code, concept.id
                ));
            }
            if concept.tip.trim().is_empty() {
                problems.push(format!("{}: {} has no tip", rubric.code, concept.id));
            }
            if concept.examples.credit.is_empty() {
                problems.push(format!(
                    "{}: {} has no credit example",
                    rubric.code, concept.id
                ));
            }
            for phrase in &concept.phrases {
                let key = roleplay::engine::matcher::phrase_key(&phrase.0).unwrap_or_default();
                if !phrases.insert((concept.id.clone(), key.clone())) {
                    problems.push(format!(
                        "{}: {}: phrase {:?} listed twice",
                        rubric.code, concept.id, phrase.0
                    ));
                }
            }
        }
        if !(4..=10).contains(&rubric.concepts.len()) {
            problems.push(format!(
                "{}: {} concepts (expected 4 to 10)",
                rubric.code,
                rubric.concepts.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
