//! Unit tests of `report/json.rs`: the wire form and back.

use super::*;
use crate::engine::points::Held;
use crate::engine::{ConceptSource, Stuffing};

/// A scored response with every kind of dismissal, a stuffed sentence and a
/// misconception written in by hand: the wire form must give all of it back.
#[test]
fn the_wire_form_gives_back_the_engines_result() {
    let text = "I'm sorry this happened. I will refund you today and call you on Friday.";
    let mut card = crate::testing::score_one("CR:010", text);
    let by = Span::new(0, 3);
    let statuses = [
        Status::Repeated,
        Status::Negated(by),
        Status::Stuffed(Stuffing::Dense),
        Status::Quoted,
        Status::Contradicted(by),
        Status::Disrespectful,
    ];
    let line = &mut card.indicators[0];
    let template = line.evidence.first().cloned().expect("some evidence");
    for (n, status) in statuses.into_iter().enumerate() {
        line.evidence.push(Evidence {
            span: Span::new(30 + n, 31 + n),
            status,
            ..template.clone()
        });
    }
    // The engine lists phrases by position, earliest first, longest first.
    line.evidence
        .sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    line.coverage = (line.coverage * 1000.0).round() / 1000.0;
    card.stuffed.push((Span::new(25, 40), Stuffing::List));
    card.misconceptions.push(MisconceptionHit {
        code: line.code.clone(),
        id: "refund-always".into(),
        label: "a refund is always owed".into(),
        correction: "policy decides".into(),
        span: Span::new(34, 40),
        context: Span::new(24, 72),
    });
    card.held = Some(Held::Buzzwords);
    let wire = WireScorecard::new(&card, text);
    let back: WireScorecard = serde_json::from_value(wire.to_value()).unwrap();
    assert_eq!(back.to_scorecard().unwrap(), card);
}

#[test]
fn a_negation_without_its_words_is_an_error_not_a_guess() {
    let text = "I won't apologize.";
    let card = crate::testing::score_one("CR:010", text);
    let mut wire = WireScorecard::new(&card, text);
    let mut quote = wire.indicators[0]
        .evidence
        .first()
        .cloned()
        .unwrap_or(WireQuote {
            concept: "c".into(),
            label: "l".into(),
            quote: text.into(),
            matched: "apologize".into(),
            start: 8,
            end: 17,
            line: 1,
            column: 9,
            source: ConceptSource::Rubric,
            case_specific: false,
            status: None,
            reason: None,
            context_start: 0,
            context_end: 18,
            sentence: 0,
            by_start: None,
            by_end: None,
            stuffing: None,
        });
    quote.status = Some(Dismissal::Negated);
    wire.indicators[0].dismissed.push(quote);
    let error = wire.to_scorecard().unwrap_err();
    assert!(error.contains("by_start"), "{error}");
}
