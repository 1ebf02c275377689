//! The view of a scored shipped case: what it keeps, how it words a refusal, its tables.

use super::*;
use crate::library::shipped;

/// A response that says sorry twice (the second a repeat) and refuses a refund.
const RESPONSE: &str = "I'm so sorry about the skis. I am sorry again. \
    I won't apologize for our policy, and we will not give a refund.";

fn scored() -> (Scorecard, &'static Form) {
    let case = shipped::cases()
        .iter()
        .filter_map(|c| c.as_ref().ok())
        .find(|c| c.id == "summit-gear-ski-return")
        .expect("the shipped case");
    let form = shipped::form_for(case).expect("its form");
    let rubrics = shipped::rubrics().expect("the rubrics");
    let card = crate::engine::Scorer::new(case, rubrics, form)
        .expect("a scorer")
        .score(RESPONSE);
    (card, form)
}

#[test]
fn a_repeat_is_left_out_and_every_other_phrase_kept_in_order() {
    let (card, form) = scored();
    let view = View::new(&card, RESPONSE, form, Context::default());
    for (i, shown) in card.indicators.iter().zip(&view.indicators) {
        let kept: Vec<Span> = i
            .evidence
            .iter()
            .filter(|e| e.status != Status::Repeated)
            .map(|e| e.span)
            .collect();
        let spans: Vec<Span> = shown.evidence.iter().map(|e| e.span).collect();
        assert_eq!(spans, kept, "{}", i.code);
    }
    assert!(
        card.indicators
            .iter()
            .flat_map(|i| &i.evidence)
            .any(|e| e.status == Status::Repeated),
        "the response should repeat an idea"
    );
}

#[test]
fn a_refused_phrase_says_why_in_full_and_in_brief() {
    let (card, form) = scored();
    let view = View::new(&card, RESPONSE, form, Context::default());
    let refused = view
        .indicators
        .iter()
        .flat_map(|i| &i.evidence)
        .find(|e| matches!(e.status, Status::Negated(_)))
        .expect("a negated phrase");
    assert_eq!(refused.verdict, Verdict::Refused);
    assert!(
        refused
            .why
            .as_deref()
            .is_some_and(|w| w.starts_with("negated by \""))
    );
    assert!(
        refused
            .brief
            .as_deref()
            .is_some_and(|w| w.starts_with("no credit: negated by \""))
    );
    let credited = view
        .indicators
        .iter()
        .flat_map(|i| &i.evidence)
        .find(|e| e.verdict == Verdict::Credited)
        .expect("a credited phrase");
    assert!(credited.why.is_none() && credited.brief.is_none());
}

#[test]
fn the_tables_span_the_form_and_add_up_to_its_maximum() {
    let (card, form) = scored();
    let view = View::new(&card, RESPONSE, form, Context::default());
    let table = &view.indicator_table;
    assert_eq!(table.rows.len(), card.indicators.len());
    assert_eq!(
        table.max,
        form.indicators.max * card.indicators.len() as u32
    );
    assert_eq!(table.bands.len(), 4);
    assert!(table.bands[0].1.starts_with('0'), "{:?}", table.bands);
    let top = &table.bands[3].1;
    assert!(top.ends_with(&form.indicators.max.to_string()), "{top}");
    assert_eq!(view.skill_table.rows.len(), card.skills.len());
}
