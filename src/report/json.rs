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

use serde::{Deserialize, Serialize};

use crate::engine::points::Held;
use crate::engine::{
    ConceptSource, Evidence, IndicatorScore, MisconceptionHit, Missed, Reading, Scorecard,
    SkillScore, Stats, Status, Stuffing,
};
use crate::model::{Band, Code};
use crate::text::{LineIndex, Span};

/// The whole of `roleplay score --format json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireScorecard {
    /// The case's id.
    pub case: String,
    /// The case's title.
    pub title: String,
    /// The form's id.
    pub form: String,
    /// The total.
    pub total: u32,
    /// The form's maximum total.
    pub max: u32,
    /// The band of the whole performance.
    pub rating: Band,
    /// Whether the total reaches the certificate line.
    pub certificate: bool,
    /// One line per indicator, in the case's order.
    pub indicators: Vec<WireIndicator>,
    /// The skills lines, in the form's order.
    pub skills: Vec<WireSkill>,
    /// Figures about the response.
    pub stats: Stats,
    /// What the whole response showed.
    pub reading: Reading,
    /// Why the whole response was held down, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<Held>,
    /// The same, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_reason: Option<String>,
    /// Sentences judged to be stuffing.
    pub stuffed: Vec<WireStuffed>,
    /// Mistaken ideas the response shows.
    pub misconceptions: Vec<WireMisconception>,
}

/// One performance indicator's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireIndicator {
    /// The code.
    pub code: Code,
    /// The title.
    pub title: String,
    /// Points awarded.
    pub points: u32,
    /// The form's maximum.
    pub max: u32,
    /// The column the points fall in.
    pub band: Band,
    /// Credited weight over all weight, 0 to 1, to three decimals.
    pub coverage: f64,
    /// Some evidence used the case's own specifics.
    pub tied_to_case: bool,
    /// Held below "meets" by a mistaken position.
    pub capped: bool,
    /// The phrases that earned a concept.
    pub evidence: Vec<WireQuote>,
    /// The phrases that earned nothing, and why.
    pub dismissed: Vec<WireQuote>,
    /// Concepts not earned, heaviest first.
    pub missed: Vec<WireMissed>,
}

/// A phrase found in the response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireQuote {
    /// The concept's id (or a case point's label).
    pub concept: String,
    /// What the student did.
    pub label: String,
    /// The clause around the match, without the spaces at its ends.
    pub quote: String,
    /// The matched words.
    #[serde(rename = "match")]
    pub matched: String,
    /// Byte offset of the match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// 1-based line of the match.
    pub line: usize,
    /// 1-based column of the match, in characters.
    pub column: usize,
    /// Rubric or case.
    pub source: ConceptSource,
    /// The sentence names something specific to the case.
    pub case_specific: bool,
    /// Why it earned nothing; absent for evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Dismissal>,
    /// The same, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Byte offset of the clause quoted.
    pub context_start: usize,
    /// Byte offset just past the clause quoted.
    pub context_end: usize,
    /// The sentence, 0-based.
    pub sentence: usize,
    /// The negating or contradicting words' start, for those statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_start: Option<usize>,
    /// The negating or contradicting words' end, for those statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_end: Option<usize>,
    /// The kind of stuffing, for `stuffed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stuffing: Option<Stuffing>,
}

/// Why a phrase earned nothing: the stable keys of [`Status`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dismissal {
    /// Already credited earlier.
    Repeated,
    /// Refused by a negation.
    Negated,
    /// In a sentence judged to be stuffing.
    Stuffed,
    /// Someone else's words.
    Quoted,
    /// In a sentence that takes the wrong position.
    Contradicted,
    /// Said in a way that dismisses or blames the customer.
    Disrespectful,
}

/// A concept the response never earned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireMissed {
    /// The concept's id (or a case point's label).
    pub concept: String,
    /// What the student should have done.
    pub label: String,
    /// How to do it.
    pub tip: String,
    /// How much it counts.
    pub weight: u32,
    /// Rubric or case.
    pub source: ConceptSource,
}

/// One 21st Century Skills line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireSkill {
    /// The measure's id.
    pub id: String,
    /// The form's label.
    pub label: String,
    /// Points awarded.
    pub points: u32,
    /// The form's maximum.
    pub max: u32,
    /// The column the points fall in.
    pub band: Band,
    /// What the text showed.
    pub reason: String,
}

/// A sentence judged to be stuffing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireStuffed {
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Why, in words.
    pub reason: String,
    /// The kind.
    pub kind: Stuffing,
}

/// A mistaken idea the response shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireMisconception {
    /// The indicator whose rubric names it.
    pub code: Code,
    /// The misconception's id.
    pub id: String,
    /// The mistake.
    pub label: String,
    /// A short correction.
    pub correction: String,
    /// The clause around the words, without the spaces at its ends.
    pub quote: String,
    /// The words that show it.
    #[serde(rename = "match")]
    pub matched: String,
    /// Byte offset of the words.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
    /// Byte offset of the clause quoted.
    pub context_start: usize,
    /// Byte offset just past the clause quoted.
    pub context_end: usize,
}

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
                    id: s.id.clone(),
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
                .map(|s| SkillScore {
                    id: s.id.clone(),
                    label: s.label.clone(),
                    points: s.points,
                    max: s.max,
                    band: s.band,
                    reason: s.reason.clone(),
                })
                .collect(),
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
mod tests {
    use super::*;

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
}
