//! The JSON of `roleplay score --format json`: the contract's keys (`case`, `total`,
//! `max`, `rating`, and per indicator `code`, `title`, `points`, `max`, `band`,
//! `evidence` of `{concept, quote}` and `missed` of `{concept, tip}`), plus optional
//! keys of our own:
//!
//! - top level: `title`, `form`, `certificate`, `skills`, `stats`, `stuffed`, and
//!   `misconceptions` (a mistaken idea the response states, with a correction), and
//!   `held` and `held_reason` (why the whole response was held down: `fragments`,
//!   `buzzwords`, `copied` or `hostile`), `reading` (what the whole response showed: the case's facts used, commitments,
//!   hedges, tone, fillers, speech or fragments), and `student` when `--student` named one;
//! - evidence: `label`, `match` (the matched words), `start`/`end` (byte offsets of
//!   the match), `line`/`column` (1-based), `source` (`rubric` or `case`), `case_specific`;
//!   `quote` is the sentence, or the clause of a long sentence, around the match;
//! - per indicator: `coverage`, `tied_to_case`, `capped`, and `dismissed`: phrases that
//!   earned nothing, with `status` `negated`, `stuffed`, `quoted`, `contradicted`, `disrespectful` or `repeated` and a `reason`.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::{Evidence, Scorecard, Status};
use crate::model::Band;
use crate::text::LineIndex;

#[derive(Serialize)]
struct Report<'a> {
    case: &'a str,
    title: &'a str,
    form: &'a str,
    total: u32,
    max: u32,
    rating: Band,
    certificate: bool,
    indicators: Vec<Indicator<'a>>,
    skills: Vec<Skill<'a>>,
    stats: &'a crate::engine::Stats,
    reading: &'a crate::engine::Reading,
    #[serde(skip_serializing_if = "Option::is_none")]
    held: Option<crate::engine::points::Held>,
    #[serde(skip_serializing_if = "Option::is_none")]
    held_reason: Option<&'static str>,
    stuffed: Vec<Stuffed>,
    misconceptions: Vec<Mistake<'a>>,
}

#[derive(Serialize)]
struct Mistake<'a> {
    code: &'a str,
    id: &'a str,
    label: &'a str,
    correction: &'a str,
    quote: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
}

#[derive(Serialize)]
struct Indicator<'a> {
    code: &'a str,
    title: &'a str,
    points: u32,
    max: u32,
    band: Band,
    coverage: f64,
    tied_to_case: bool,
    capped: bool,
    evidence: Vec<Quote<'a>>,
    dismissed: Vec<Quote<'a>>,
    missed: Vec<Missed<'a>>,
}

#[derive(Serialize)]
struct Quote<'a> {
    concept: &'a str,
    label: &'a str,
    quote: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    source: crate::engine::ConceptSource,
    case_specific: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

#[derive(Serialize)]
struct Missed<'a> {
    concept: &'a str,
    label: &'a str,
    tip: &'a str,
    weight: u32,
    source: crate::engine::ConceptSource,
}

#[derive(Serialize)]
struct Skill<'a> {
    id: &'a str,
    label: &'a str,
    points: u32,
    max: u32,
    band: Band,
    reason: &'a str,
}

#[derive(Serialize)]
struct Stuffed {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Writes the scorecard as one JSON object and a newline.
pub fn write(out: &mut dyn Write, card: &Scorecard, response: &str) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(card, response))?;
    writeln!(out)
}

/// The scorecard as a JSON value, for callers that embed it.
pub fn value(card: &Scorecard, response: &str) -> serde_json::Value {
    serde_json::to_value(report(card, response)).unwrap_or(serde_json::Value::Null)
}

fn report<'a>(card: &'a Scorecard, response: &'a str) -> Report<'a> {
    let lines = LineIndex::new(response);
    let quote = |e: &'a Evidence| quote(e, response, &lines);
    Report {
        case: &card.case_id,
        title: &card.case_title,
        form: &card.form_id,
        total: card.total,
        max: card.max,
        rating: card.rating,
        certificate: card.certificate,
        indicators: card
            .indicators
            .iter()
            .map(|i| Indicator {
                code: i.code.as_str(),
                title: &i.title,
                points: i.points,
                max: i.max,
                band: i.band,
                coverage: (i.coverage * 1000.0).round() / 1000.0,
                tied_to_case: i.tied_to_case,
                capped: i.capped,
                evidence: i
                    .evidence
                    .iter()
                    .filter(|e| e.status == Status::Credited)
                    .map(quote)
                    .collect(),
                dismissed: i
                    .evidence
                    .iter()
                    .filter(|e| e.status != Status::Credited)
                    .map(quote)
                    .collect(),
                missed: i
                    .missed
                    .iter()
                    .map(|m| Missed {
                        concept: &m.concept,
                        label: &m.label,
                        tip: &m.tip,
                        weight: m.weight,
                        source: m.source,
                    })
                    .collect(),
            })
            .collect(),
        skills: card
            .skills
            .iter()
            .map(|s| Skill {
                id: s.id.key(),
                label: &s.label,
                points: s.points,
                max: s.max,
                band: s.band,
                reason: &s.reason,
            })
            .collect(),
        stats: &card.stats,
        reading: &card.reading,
        held: card.held,
        held_reason: card.held.map(|h| h.reason()),
        stuffed: card
            .stuffed
            .iter()
            .map(|(span, kind)| Stuffed {
                start: span.start,
                end: span.end,
                reason: kind.reason(),
            })
            .collect(),
        misconceptions: card
            .misconceptions
            .iter()
            .map(|m| Mistake {
                code: m.code.as_str(),
                id: &m.id,
                label: &m.label,
                correction: &m.correction,
                quote: response[m.context].trim(),
                matched: &response[m.span],
            })
            .collect(),
    }
}

fn quote<'a>(e: &'a Evidence, response: &'a str, lines: &LineIndex<'_>) -> Quote<'a> {
    let (line, column) = lines.line_column(e.span.start);
    let (status, reason) = (e.status.key(), e.status.why(response));
    Quote {
        concept: &e.concept,
        label: &e.label,
        quote: response[e.context].trim(),
        matched: &response[e.span],
        start: e.span.start,
        end: e.span.end,
        line,
        column,
        source: e.source,
        case_specific: e.case_specific,
        status,
        reason,
    }
}
