//! The contract of `roleplay score --format json`, pinned by type: a copy of the wire
//! scorecard written here by hand, every struct `deny_unknown_fields`, deserializes real
//! output. A key renamed, dropped or added without this copy (and the contract in
//! case-format.md) changing with it fails here; new weights and scores do not.

use serde::Deserialize;
use serde_json::Value;

use crate::util::{json_of, repo, roleplay, roleplay_in};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Score {
    case: String,
    title: String,
    form: String,
    total: u32,
    max: u32,
    rating: Band,
    certificate: bool,
    indicators: Vec<Indicator>,
    skills: Vec<Skill>,
    stats: Stats,
    reading: Reading,
    held: Option<Held>,
    held_reason: Option<String>,
    stuffed: Vec<Stuffed>,
    misconceptions: Vec<Misconception>,
    // Added by options: `--student`, `--answers` with follow-ups, `--transcript`.
    student: Option<String>,
    follow_ups: Option<Vec<FollowUp>>,
    delivery: Option<Value>,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Band {
    Little,
    Below,
    Meets,
    Exceeds,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum Held {
    Fragments,
    Buzzwords,
    Copied,
    Hostile,
    OffTopic,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Source {
    Rubric,
    Case,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Stuffing {
    List,
    Dense,
    Fragment,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Hash, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Dismissal {
    Repeated,
    Negated,
    Stuffed,
    Quoted,
    Contradicted,
    Disrespectful,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    code: String,
    title: String,
    points: u32,
    max: u32,
    band: Band,
    coverage: f64,
    tied_to_case: bool,
    capped: bool,
    evidence: Vec<Quote>,
    dismissed: Vec<Quote>,
    missed: Vec<Missed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Quote {
    concept: String,
    label: String,
    quote: String,
    #[serde(rename = "match")]
    matched: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    source: Source,
    case_specific: bool,
    status: Option<Dismissal>,
    reason: Option<String>,
    context_start: usize,
    context_end: usize,
    sentence: usize,
    by_start: Option<usize>,
    by_end: Option<usize>,
    stuffing: Option<Stuffing>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Missed {
    concept: String,
    label: String,
    tip: String,
    weight: u32,
    source: Source,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Skill {
    id: String,
    label: String,
    points: u32,
    max: u32,
    band: Band,
    reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stats {
    words: usize,
    sentences: usize,
    case_tie: f64,
    case_terms_used: Vec<String>,
    dismissed: f64,
    questions_answered: (usize, usize),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Reading {
    words: usize,
    sentences: usize,
    facts_used: f64,
    facts: Vec<String>,
    refusals: usize,
    fact_share: f64,
    on_case: f64,
    commitments: usize,
    hedges: usize,
    disrespect: usize,
    fillers: f64,
    speech: f64,
    copied: f64,
    buzzwords: f64,
    reasons: usize,
    topic: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stuffed {
    start: usize,
    end: usize,
    reason: String,
    kind: Stuffing,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Misconception {
    code: String,
    id: String,
    label: String,
    correction: String,
    quote: String,
    #[serde(rename = "match")]
    matched: String,
    start: usize,
    end: usize,
    context_start: usize,
    context_end: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct FollowUp {
    indicator: String,
    concept: String,
    label: String,
    weight: u32,
    question: String,
    answer: String,
    credited: Option<String>,
    points: u32,
    cap: u32,
    points_before: u32,
    already: bool,
}

/// Scores with `args` (and `--format json`) and reads the output as the typed copy.
fn score(args: &[&str]) -> Score {
    let value = json_of(
        roleplay()
            .current_dir(repo(""))
            .args(["score", "--format", "json"])
            .args(args),
    );
    serde_json::from_value(value).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// What every score promises whatever the weights: totals within their maxima, bands
/// that match, quotes that are the response's own words at their offsets.
fn check(score: &Score, response: &str) {
    assert!(score.total <= score.max && score.max > 0);
    assert!(!score.case.is_empty() && !score.title.is_empty() && !score.form.is_empty());
    assert_eq!(score.held.is_some(), score.held_reason.is_some());
    if score.form == "deca-series" {
        // The Individual Series form's lines (rubrics/forms/deca-series.yaml).
        assert_eq!(score.certificate, score.total >= 70);
        assert_eq!(score.rating, band(score.total, [0, 25, 60, 80]));
        for s in &score.skills {
            assert_eq!(s.band, band(s.points, [0, 2, 4, 5]), "{s:?}");
        }
        for i in &score.indicators {
            assert_eq!(i.band, band(i.points, [0, 5, 9, 12]), "{}", i.code);
        }
    }
    for s in &score.skills {
        assert!(s.points <= s.max && !s.id.is_empty() && !s.label.is_empty());
        assert!(!s.reason.is_empty());
    }
    assert_eq!(score.stats.words > 0, score.reading.words > 0);
    assert!(score.stats.case_tie <= 1.0 && score.stats.dismissed <= 1.0);
    assert!(score.stats.questions_answered.0 <= score.stats.questions_answered.1);
    assert!(score.stats.case_terms_used.len() <= score.stats.words);
    assert!(score.stats.sentences >= 1 || score.stats.words == 0);
    for i in &score.indicators {
        assert!(i.points <= i.max && (0.0..=1.0).contains(&i.coverage));
        assert!(i.code.contains(':') && !i.title.is_empty(), "{}", i.code);
        let _ = (i.tied_to_case, i.capped);
        for q in &i.evidence {
            assert!(q.status.is_none() && q.reason.is_none(), "{q:?}");
            quoted(q, response);
        }
        for q in &i.dismissed {
            let status = q.status.expect("a dismissed phrase says why");
            assert!(q.reason.as_deref().is_some_and(|r| !r.is_empty()));
            let by = matches!(status, Dismissal::Negated | Dismissal::Contradicted);
            assert_eq!(q.by_start.is_some() && q.by_end.is_some(), by, "{q:?}");
            assert_eq!(q.stuffing.is_some(), status == Dismissal::Stuffed, "{q:?}");
            quoted(q, response);
        }
        for m in &i.missed {
            assert!(!m.concept.is_empty() && !m.label.is_empty() && !m.tip.is_empty());
            assert!((1..=3).contains(&m.weight), "{m:?}");
            let _ = &m.source;
        }
    }
    for s in &score.stuffed {
        assert!(s.end <= response.len() && !s.reason.is_empty(), "{s:?}");
        let _ = (s.start, &s.kind);
    }
    for m in &score.misconceptions {
        assert_eq!(&response[m.start..m.end], m.matched);
        assert_eq!(response[m.context_start..m.context_end].trim(), m.quote);
        assert!(!m.code.is_empty() && !m.id.is_empty() && !m.label.is_empty());
        assert!(!m.correction.is_empty());
    }
}

/// The column `points` fall in, given each column's lowest points.
fn band(points: u32, floors: [u32; 4]) -> Band {
    let columns = [Band::Little, Band::Below, Band::Meets, Band::Exceeds];
    let at = floors.iter().rposition(|&f| points >= f).unwrap_or(0);
    columns[at]
}

fn quoted(q: &Quote, response: &str) {
    assert_eq!(&response[q.start..q.end], q.matched, "{q:?}");
    assert_eq!(response[q.context_start..q.context_end].trim(), q.quote);
    assert!(
        q.context_start <= q.start && q.end <= q.context_end,
        "{q:?}"
    );
    let before = &response[..q.start];
    assert_eq!(q.line, before.matches('\n').count() + 1);
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    assert_eq!(q.column, column, "{q:?}");
    if let (Some(start), Some(end)) = (q.by_start, q.by_end) {
        assert!(start <= end && end <= response.len());
    }
    assert!(!q.concept.is_empty() && !q.label.is_empty());
    let _ = (&q.source, q.case_specific, q.sentence);
}

/// A shipped case's example answer, as the case file holds it.
fn example(case: &str, name: &str) -> String {
    let text = std::fs::read_to_string(repo(&format!("cases/{case}.yaml"))).unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    value["examples"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|e| e["name"].as_str() == Some(name))
        .and_then(|e| e["response"].as_str())
        .unwrap()
        .to_string()
}

#[test]
fn real_scores_deserialize_into_the_pinned_wire_type() {
    let tidewater = ["--case", "tests/fixtures/cases/tidewater.yaml"];
    let file = "tests/fixtures/responses/complaint-strong.txt";
    let response = std::fs::read_to_string(repo(file)).unwrap();
    let strong = score(&[tidewater[0], tidewater[1], file]);
    check(&strong, &response);
    assert!(strong.student.is_none() && strong.follow_ups.is_none() && strong.delivery.is_none());
    let mut seen = std::collections::HashSet::new();
    let mut held = false;
    let (mut stuffed, mut misconceptions) = (false, false);
    // Chosen to show a stuffed sentence, a misconception, disrespect and a held response.
    for (case, name) in [
        ("brickoven-loyalty-app", "strong"),
        ("brickoven-loyalty-app", "weak"),
        ("brightpath-agency-account-review", "strong"),
        ("freshway-self-checkout", "weak"),
    ] {
        let card = score(&["--case", case, "--example", name, "--student", "Ana"]);
        check(&card, &example(case, name));
        assert_eq!(card.student.as_deref(), Some("Ana"));
        held |= card.held.is_some();
        stuffed |= !card.stuffed.is_empty();
        misconceptions |= !card.misconceptions.is_empty();
        let statuses = card.indicators.iter().flat_map(|i| &i.dismissed);
        seen.extend(statuses.filter_map(|q| q.status));
    }
    assert!(held && stuffed && misconceptions);
    for status in [
        Dismissal::Negated,
        Dismissal::Stuffed,
        Dismissal::Quoted,
        Dismissal::Repeated,
        Dismissal::Disrespectful,
    ] {
        assert!(
            seen.contains(&status),
            "no {status:?} phrase in the samples"
        );
    }
}

#[test]
fn follow_ups_and_a_saved_attempt_carry_the_same_wire_type() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let response = "Hello Mr. Kessler, I'm sorry the skis are not working for you. Our policy \
                    gives a full refund within 30 days on unused gear. I can offer store credit \
                    toward a softer ski, and I will call you on Friday.";
    let answers = "A 75% credit covers most of it.\n\nWe will retrain staff.\n\n\
                   Please tell me the whole story first.\n\nI stay calm and listen.\n";
    std::fs::write(dir.path().join("r.txt"), response).unwrap();
    std::fs::write(dir.path().join("a.txt"), answers).unwrap();
    let value = json_of(
        roleplay_in(home.path())
            .current_dir(dir.path())
            .args(["score", "--case", "summit-gear-ski-return", "--save"])
            .args(["--format", "json", "--answers", "a.txt", "r.txt"]),
    );
    let card: Score = serde_json::from_value(value.clone()).unwrap();
    assert!(card.follow_ups.as_ref().is_some_and(|f| !f.is_empty()));
    let shown =
        json_of(roleplay_in(home.path()).args(["show-attempt", "latest", "--format", "json"]));
    let saved: Score = serde_json::from_value(shown["score"].clone()).unwrap();
    assert_eq!(saved.total, card.total);
    assert_eq!(
        shown["score"], value,
        "the attempt shows the score it printed"
    );
}
