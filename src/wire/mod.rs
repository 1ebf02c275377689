//! The JSON of `roleplay score --format json`, as one owned type, [`WireScorecard`]:
//! what `score` prints, what the history keeps, and what a saved attempt is rendered
//! from again. The contract's keys (`case`, `total`, `max`, `rating`, and per indicator
//! `code`, `title`, `points`, `max`, `band`, `evidence` of `{concept, quote}` and
//! `missed` of `{concept, tip}`), plus optional keys of our own:
//!
//! - top level: `title`, `form`, `certificate`, `skills`, `stats`, `stuffed` (with the
//!   stuffing `kind`: `list`, `dense` or `fragment`), and `misconceptions` (a mistaken
//!   idea the response states, with a correction, the byte offsets of the words that show
//!   it and of the clause quoted), and `held` and `held_reason` (why the whole response
//!   was held down: `fragments`, `buzzwords`, `copied` or `hostile`), `reading` (what the
//!   whole response showed: the case's facts used, commitments, hedges, tone, fillers,
//!   speech or fragments), and `student` when `--student` named one;
//! - evidence: `label`, `match` (the matched words), `start`/`end` (byte offsets of
//!   the match), `line`/`column` (1-based), `source` (`rubric` or `case`), `case_specific`,
//!   `context_start`/`context_end` (byte offsets of the clause the quote is taken from)
//!   and `sentence` (0-based); `quote` is the sentence, or the clause of a long sentence,
//!   around the match, without the spaces at its ends;
//! - per indicator: `coverage`, `tied_to_case`, `capped`, and `dismissed`: phrases that
//!   earned nothing, with `status` `negated`, `stuffed`, `quoted`, `contradicted`,
//!   `disrespectful` or `repeated`, a `reason`, `by_start`/`by_end` (the negating or
//!   contradicting words) and `stuffing` (the kind) where they apply.
//!
//! The offsets are what let a saved attempt be shown again exactly as it was scored:
//! [`WireScorecard::to_scorecard`] rebuilds the engine's result from them.

use std::io::{self, Write};

use crate::engine::{
    Evidence, IndicatorScore, MisconceptionHit, Missed, Scorecard, SkillScore, Status,
};
use crate::model::SkillMeasure;
use crate::text::{LineIndex, Span};

mod card;
pub mod row;
pub use card::{
    Dismissal, WireIndicator, WireMisconception, WireMissed, WireQuote, WireScorecard, WireSkill,
    WireStuffed,
};

/// Writes the scorecard as one JSON object and a newline.
pub fn write(out: &mut dyn Write, card: &Scorecard, response: &str) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &WireScorecard::new(card, response))?;
    writeln!(out)
}

/// The scorecard as a JSON value, for callers that embed it.
pub fn value(card: &Scorecard, response: &str) -> serde_json::Value {
    WireScorecard::new(card, response).to_value()
}

impl WireScorecard {
    /// The wire form of `card`, quoting `response`. Every span of the card must lie in
    /// `response` on character boundaries (the engine's always do; see [`fits`]).
    pub fn new(card: &Scorecard, response: &str) -> WireScorecard {
        let lines = LineIndex::new(response);
        WireScorecard {
            case: card.case_id.clone(),
            title: card.case_title.clone(),
            form: card.form_id.clone(),
            total: card.total,
            max: card.max,
            rating: card.rating,
            certificate: card.certificate,
            indicators: card
                .indicators
                .iter()
                .map(|i| indicator(i, response, &lines))
                .collect(),
            skills: card
                .skills
                .iter()
                .map(|s| WireSkill {
                    id: s.id.key().to_string(),
                    label: s.label.clone(),
                    points: s.points,
                    max: s.max,
                    band: s.band,
                    reason: s.reason.clone(),
                })
                .collect(),
            stats: card.stats.clone(),
            reading: card.reading.clone(),
            held: card.held,
            held_reason: card.held.map(|h| h.reason().to_string()),
            stuffed: card
                .stuffed
                .iter()
                .map(|(span, kind)| WireStuffed {
                    start: span.start,
                    end: span.end,
                    reason: kind.reason().to_string(),
                    kind: *kind,
                })
                .collect(),
            misconceptions: card
                .misconceptions
                .iter()
                .map(|m| WireMisconception {
                    code: m.code.clone(),
                    id: m.id.clone(),
                    label: m.label.clone(),
                    correction: m.correction.clone(),
                    quote: response[m.context].trim().to_string(),
                    matched: response[m.span].to_string(),
                    start: m.span.start,
                    end: m.span.end,
                    context_start: m.context.start,
                    context_end: m.context.end,
                })
                .collect(),
        }
    }

    /// As a JSON value. It holds only strings, numbers and lists, which always convert.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The engine's result again, from the offsets, for the text, Markdown and HTML
    /// reports; an error names what is missing. Evidence and dismissed phrases are put
    /// back in the response's order (earliest first, longest first), as the engine
    /// found them.
    pub fn to_scorecard(&self) -> Result<Scorecard, String> {
        let indicators = self
            .indicators
            .iter()
            .map(|i| {
                let mut evidence = i
                    .evidence
                    .iter()
                    .chain(&i.dismissed)
                    .map(evidence)
                    .collect::<Result<Vec<_>, String>>()?;
                // A stable sort: credited phrases come first among equal spans.
                evidence.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
                Ok(IndicatorScore {
                    code: i.code.clone(),
                    title: i.title.clone(),
                    points: i.points,
                    max: i.max,
                    band: i.band,
                    coverage: i.coverage,
                    tied_to_case: i.tied_to_case,
                    capped: i.capped,
                    evidence,
                    missed: i
                        .missed
                        .iter()
                        .map(|m| Missed {
                            concept: m.concept.clone(),
                            label: m.label.clone(),
                            tip: m.tip.clone(),
                            weight: m.weight,
                            source: m.source,
                        })
                        .collect(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Scorecard {
            case_id: self.case.clone(),
            case_title: self.title.clone(),
            form_id: self.form.clone(),
            indicators,
            skills: self
                .skills
                .iter()
                .map(|s| {
                    let id = SkillMeasure::ALL
                        .into_iter()
                        .find(|m| m.key() == s.id)
                        .ok_or_else(|| format!("unknown skills measure `{}`", s.id))?;
                    Ok(SkillScore {
                        id,
                        label: s.label.clone(),
                        points: s.points,
                        max: s.max,
                        band: s.band,
                        reason: s.reason.clone(),
                    })
                })
                .collect::<Result<Vec<_>, String>>()?,
            total: self.total,
            max: self.max,
            rating: self.rating,
            certificate: self.certificate,
            stats: self.stats.clone(),
            stuffed: self
                .stuffed
                .iter()
                .map(|s| Ok((span(s.start, s.end)?, s.kind)))
                .collect::<Result<Vec<_>, String>>()?,
            misconceptions: self
                .misconceptions
                .iter()
                .map(|m| {
                    Ok(MisconceptionHit {
                        code: m.code.clone(),
                        id: m.id.clone(),
                        label: m.label.clone(),
                        correction: m.correction.clone(),
                        span: span(m.start, m.end)?,
                        context: span(m.context_start, m.context_end)?,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?,
            held: self.held,
            reading: self.reading.clone(),
        })
    }
}

fn indicator(i: &IndicatorScore, response: &str, lines: &LineIndex<'_>) -> WireIndicator {
    let quotes = |credited: bool| {
        i.evidence
            .iter()
            .filter(|e| (e.status == Status::Credited) == credited)
            .map(|e| quote(e, response, lines))
            .collect()
    };
    WireIndicator {
        code: i.code.clone(),
        title: i.title.clone(),
        points: i.points,
        max: i.max,
        band: i.band,
        coverage: (i.coverage * 1000.0).round() / 1000.0,
        tied_to_case: i.tied_to_case,
        capped: i.capped,
        evidence: quotes(true),
        dismissed: quotes(false),
        missed: i
            .missed
            .iter()
            .map(|m| WireMissed {
                concept: m.concept.clone(),
                label: m.label.clone(),
                tip: m.tip.clone(),
                weight: m.weight,
                source: m.source,
            })
            .collect(),
    }
}

fn quote(e: &Evidence, response: &str, lines: &LineIndex<'_>) -> WireQuote {
    let (line, column) = lines.line_column(e.span.start);
    let (status, by, stuffing) = match e.status {
        Status::Credited => (None, None, None),
        Status::Repeated => (Some(Dismissal::Repeated), None, None),
        Status::Negated(by) => (Some(Dismissal::Negated), Some(by), None),
        Status::Stuffed(kind) => (Some(Dismissal::Stuffed), None, Some(kind)),
        Status::Quoted => (Some(Dismissal::Quoted), None, None),
        Status::Contradicted(by) => (Some(Dismissal::Contradicted), Some(by), None),
        Status::Disrespectful => (Some(Dismissal::Disrespectful), None, None),
    };
    WireQuote {
        concept: e.concept.clone(),
        label: e.label.clone(),
        quote: response[e.context].trim().to_string(),
        matched: response[e.span].to_string(),
        start: e.span.start,
        end: e.span.end,
        line,
        column,
        source: e.source,
        case_specific: e.case_specific,
        status,
        reason: e.status.why(response),
        context_start: e.context.start,
        context_end: e.context.end,
        sentence: e.sentence,
        by_start: by.map(|s| s.start),
        by_end: by.map(|s| s.end),
        stuffing,
    }
}

fn evidence(q: &WireQuote) -> Result<Evidence, String> {
    let by = || match (q.by_start, q.by_end) {
        (Some(start), Some(end)) => span(start, end),
        _ => Err(format!(
            "the dismissed phrase \"{}\" has no by_start and by_end",
            q.matched
        )),
    };
    let status =
        match q.status {
            None => Status::Credited,
            Some(Dismissal::Repeated) => Status::Repeated,
            Some(Dismissal::Negated) => Status::Negated(by()?),
            Some(Dismissal::Contradicted) => Status::Contradicted(by()?),
            Some(Dismissal::Quoted) => Status::Quoted,
            Some(Dismissal::Disrespectful) => Status::Disrespectful,
            Some(Dismissal::Stuffed) => Status::Stuffed(q.stuffing.ok_or_else(|| {
                format!("the stuffed phrase \"{}\" has no stuffing kind", q.matched)
            })?),
        };
    Ok(Evidence {
        concept: q.concept.clone(),
        label: q.label.clone(),
        source: q.source,
        span: span(q.start, q.end)?,
        context: span(q.context_start, q.context_end)?,
        sentence: q.sentence,
        case_specific: q.case_specific,
        status,
    })
}

fn span(start: usize, end: usize) -> Result<Span, String> {
    if start <= end {
        Ok(Span::new(start, end))
    } else {
        Err(format!(
            "a span that ends ({end}) before it starts ({start})"
        ))
    }
}

/// Whether every span of a scorecard lies inside `text`, on character boundaries: a
/// hand-edited history must not crash a report.
pub fn fits(card: &Scorecard, text: &str) -> bool {
    let ok = |span: Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let evidence = card.indicators.iter().flat_map(|i| &i.evidence).all(|e| {
        let by = match e.status {
            Status::Negated(by) | Status::Contradicted(by) => ok(by),
            _ => true,
        };
        ok(e.span) && ok(e.context) && by
    });
    evidence
        && card.stuffed.iter().all(|(s, _)| ok(*s))
        && card
            .misconceptions
            .iter()
            .all(|m| ok(m.span) && ok(m.context))
}

#[cfg(test)]
mod tests;
