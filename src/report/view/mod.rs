//! One view of a scored response, worded once. The text, Markdown and HTML reports
//! each take a [`View`] and only lay it out: the headings, band names, reasons, tips,
//! the reading of the whole response, the follow-ups and the delivery are all worded
//! here, from the scorecard, the case and the form.

use crate::engine::scorecard::CAPPED_REASON;
use crate::engine::{Scorecard, Status};
use crate::followup::Asked;
use crate::model::{Band, Code, Form};
use crate::text::Span;
use crate::transcript::delivery::{self, Delivery};

use super::Context;
use crate::words::fit;

/// The heading of the reading of the whole response.
pub const READING: &str = "How the whole response reads";
/// The heading of the mistaken ideas a judge would notice.
pub const MISCONCEPTIONS: &str = "A judge would catch this";
/// The heading of the skills lines' reasons.
pub const SKILLS: &str = "21st Century Skills";
/// The heading of the follow-up questions.
pub const FOLLOW_UPS: &str = "Follow-up questions";
/// The heading of the delivery figures.
pub const DELIVERY: &str = "Delivery";
/// An indicator nothing in the response spoke to, said in a full sentence.
pub const NOTHING_FOUND: &str = "Nothing in the response spoke to this indicator.";
/// The same, in the terminal's terse notes.
pub const NOTHING_FOUND_BRIEF: &str =
    "no phrase of this indicator found; points reflect the whole response";
/// What the terminal says when every delivery figure is comfortable.
pub const DELIVERY_STEADY: &str =
    "every figure is in the comfortable range; keep rehearsing out loud.";
/// An answer left empty.
pub const NO_ANSWER: &str = "(none)";
/// The terminal report's indicator lists show this many missed ideas with their tips,
/// then the rest by name.
pub const MISSED_WITH_TIPS: usize = 4;

/// Everything a report shows of one scored response, already worded.
#[derive(Debug)]
pub struct View<'a> {
    /// The response as scored, which quotes point into.
    pub response: &'a str,
    /// The case's title.
    pub title: &'a str,
    /// The case's id.
    pub case_id: &'a str,
    /// The form's name.
    pub form_name: &'a str,
    /// The total and the form's maximum.
    pub total: (u32, u32),
    /// The column of the whole performance.
    pub rating: Band,
    /// The form's name for that column.
    pub rating_label: &'a str,
    /// Where the total stands against the certificate line, starting in lower case.
    pub certificate: String,
    /// That the overall rating is ours, not DECA's.
    pub rating_note: &'static str,
    /// The form's indicator lines.
    pub indicator_table: Table<'a>,
    /// The form's skills lines.
    pub skill_table: Table<'a>,
    /// What a judge takes from the whole response, one sentence a line.
    pub reading: Vec<String>,
    /// Each indicator with its evidence, what it missed, and why.
    pub indicators: Vec<IndicatorView<'a>>,
    /// Mistaken ideas the response shows.
    pub misconceptions: Vec<MisconceptionView<'a>>,
    /// Each skills line with what it weighed.
    pub skills: Vec<SkillView<'a>>,
    /// Sentences that only named ideas, with why they earned nothing.
    pub stuffed: Vec<(Span, &'static str)>,
    /// A sentence on how many sentences were stuffing, when any were.
    pub stuffed_note: Option<String>,
    /// The case, the student, the answers and when.
    pub context: Context<'a>,
    /// The follow-up questions asked, each with its answer and what it earned.
    pub follow_ups: Vec<FollowUpView<'a>>,
    /// The delivery figures from a transcript.
    pub delivery: Option<DeliveryView>,
}

/// One of the form's two tables: the heading, the columns with their point ranges,
/// and a row per line.
#[derive(Debug)]
pub struct Table<'a> {
    /// The table's heading.
    pub heading: &'static str,
    /// The first column's heading, naming one row.
    pub column: &'static str,
    /// The form's name for each band and the points it spans, `3–5`.
    pub bands: Vec<(&'a str, String)>,
    /// The rows, in the form's order.
    pub rows: Vec<Row<'a>>,
    /// The most the table's rows can add up to.
    pub max: u32,
}

/// A line of the form.
#[derive(Debug)]
pub struct Row<'a> {
    /// The indicator's code; `None` for a skills line.
    pub code: Option<&'a Code>,
    /// The line's title.
    pub label: &'a str,
    /// Points awarded.
    pub points: u32,
    /// The line's maximum.
    pub max: u32,
    /// The column the points fall in.
    pub band: Band,
    /// The form's name for that column.
    pub band_label: &'a str,
}

/// An indicator's section.
#[derive(Debug)]
pub struct IndicatorView<'a> {
    /// The line on the form.
    pub row: Row<'a>,
    /// The phrases found, credited or not, by position (a repeat is left out: it counts
    /// once and is shown once).
    pub evidence: Vec<EvidenceView<'a>>,
    /// Why the points are held below "meets", when they are.
    pub capped: Option<&'static str>,
    /// The ideas not earned, heaviest first: what to do and how.
    pub missed: Vec<MissedView<'a>>,
}

/// How a found phrase fared, as every report marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It earned its idea.
    Credited,
    /// Said against itself: negated, the wrong position, or dismissive.
    Refused,
    /// Not the student's own point: stuffing or someone else's words.
    Doubted,
}

/// A phrase found in the response.
#[derive(Debug)]
pub struct EvidenceView<'a> {
    /// What the student did.
    pub label: &'a str,
    /// How it fared.
    pub verdict: Verdict,
    /// Credited, or why not.
    pub status: Status,
    /// Why it earned nothing, in a clause.
    pub why: Option<String>,
    /// The terminal's short note on why, `no credit: …`.
    pub brief: Option<String>,
    /// The matched words.
    pub span: Span,
    /// The clause around them.
    pub context: Span,
}

/// An idea the response did not earn.
#[derive(Debug)]
pub struct MissedView<'a> {
    /// What the student should have done.
    pub label: &'a str,
    /// How to do it.
    pub tip: &'a str,
}

/// A mistaken idea and its correction.
#[derive(Debug)]
pub struct MisconceptionView<'a> {
    /// The indicator whose rubric names it.
    pub code: &'a Code,
    /// The mistake.
    pub label: &'a str,
    /// The correction.
    pub correction: &'a str,
    /// The words that show it.
    pub span: Span,
    /// The clause around them.
    pub context: Span,
}

/// A skills line and what it weighed.
#[derive(Debug)]
pub struct SkillView<'a> {
    /// The line on the form.
    pub row: Row<'a>,
    /// What the text showed, in a sentence.
    pub reason: &'a str,
}

/// A follow-up question, the answer, and what it earned.
#[derive(Debug)]
pub struct FollowUpView<'a> {
    /// The indicator it probes.
    pub indicator: &'a Code,
    /// The idea it probes.
    pub label: &'a str,
    /// The question.
    pub question: &'a str,
    /// The answer, `None` when there was none.
    pub answer: Option<&'a str>,
    /// The words of the answer that earned the idea.
    pub credited: Option<&'a str>,
    /// What the answer earned, in a clause.
    pub earned: String,
}

/// The delivery section.
#[derive(Debug)]
pub struct DeliveryView {
    /// Whose words were scored and how many, when the transcript names several speakers.
    pub speaker: Option<String>,
    /// Each figure: its name, the student's value, and the comfortable range.
    pub figures: Vec<(String, String, String)>,
    /// What to work on.
    pub tips: Vec<String>,
}

/// A quote from the response cut around the matched words: before, the words, after.
#[derive(Debug)]
pub struct Quote {
    /// The text before the matched words.
    pub before: String,
    /// The matched words.
    pub hit: String,
    /// The text after them.
    pub after: String,
}

impl<'a> View<'a> {
    /// The view of `card`, the score of `response` on `form`.
    pub fn new(
        card: &'a Scorecard,
        response: &'a str,
        form: &'a Form,
        context: Context<'a>,
    ) -> View<'a> {
        let indicator_table = Table {
            heading: "Performance indicators",
            column: "Performance indicator",
            bands: bands(form, &form.indicators.band_floors, form.indicators.max),
            rows: card
                .indicators
                .iter()
                .map(|i| indicator_row(i, form))
                .collect(),
            max: form.indicators.max * card.indicators.len() as u32,
        };
        let skill_table = Table {
            heading: SKILLS,
            column: SKILLS,
            bands: bands(form, &form.skills.band_floors, form.skills.max),
            rows: card.skills.iter().map(|s| skill_row(s, form)).collect(),
            max: form.skills.max * card.skills.len() as u32,
        };
        View {
            response,
            title: &card.case_title,
            case_id: &card.case_id,
            form_name: &form.name,
            total: (card.total, card.max),
            rating: card.rating,
            rating_label: form.band_label(card.rating),
            certificate: super::certificate_line(card, form),
            rating_note: super::RATING_NOTE,
            indicator_table,
            skill_table,
            reading: super::reading_summary(card),
            indicators: card
                .indicators
                .iter()
                .map(|i| indicator(i, form, response))
                .collect(),
            misconceptions: card
                .misconceptions
                .iter()
                .map(|m| MisconceptionView {
                    code: &m.code,
                    label: &m.label,
                    correction: &m.correction,
                    span: m.span,
                    context: m.context,
                })
                .collect(),
            skills: card
                .skills
                .iter()
                .map(|s| SkillView {
                    row: skill_row(s, form),
                    reason: &s.reason,
                })
                .collect(),
            stuffed: card.stuffed.iter().map(|(s, k)| (*s, k.reason())).collect(),
            stuffed_note: (!card.stuffed.is_empty()).then(|| {
                format!(
                    "{} sentence(s) only named ideas without saying what you would do; they earned nothing.",
                    card.stuffed.len()
                )
            }),
            context,
            follow_ups: Vec::new(),
            delivery: None,
        }
    }

    /// The view with the follow-up questions asked after the response.
    pub fn with_follow_ups(mut self, asked: &'a [Asked]) -> View<'a> {
        self.follow_ups = asked.iter().map(follow_up).collect();
        self
    }

    /// The view with the delivery figures of a transcript.
    pub fn with_delivery(mut self, d: Option<&Delivery>) -> View<'a> {
        self.delivery = d.map(|d| DeliveryView {
            speaker: d
                .speaker
                .as_ref()
                .map(|s| format!("Scored the words of {s} ({} words).", d.words)),
            figures: delivery::lines(d),
            tips: d.tips.clone(),
        });
        self
    }

    /// The words at `span` quoted within `context`, in at most about `max` characters.
    pub fn quote(&self, context: Span, span: Span, max: usize) -> Quote {
        let (before, hit, after) = super::excerpt(self.response, context, span, max);
        Quote { before, hit, after }
    }

    /// The note that follows the follow-ups: why prompted credit is smaller.
    pub fn follow_up_note(&self) -> &'static str {
        crate::followup::render::NOTE
    }
}

/// Each band's name and the points it spans on a line worth `max`.
fn bands<'a>(form: &'a Form, floors: &[u32; 4], max: u32) -> Vec<(&'a str, String)> {
    Band::ALL
        .into_iter()
        .map(|band| {
            let low = floors[band.index()];
            let high = if band == Band::Exceeds {
                max
            } else {
                floors[band.index() + 1] - 1
            };
            let range = if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            };
            (form.band_label(band), range)
        })
        .collect()
}

fn indicator_row<'a>(i: &'a crate::engine::IndicatorScore, form: &'a Form) -> Row<'a> {
    Row {
        code: Some(&i.code),
        label: &i.title,
        points: i.points,
        max: i.max,
        band: i.band,
        band_label: form.band_label(i.band),
    }
}

fn skill_row<'a>(s: &'a crate::engine::SkillScore, form: &'a Form) -> Row<'a> {
    Row {
        code: None,
        label: &s.label,
        points: s.points,
        max: s.max,
        band: s.band,
        band_label: form.band_label(s.band),
    }
}

fn indicator<'a>(
    i: &'a crate::engine::IndicatorScore,
    form: &'a Form,
    response: &str,
) -> IndicatorView<'a> {
    IndicatorView {
        row: indicator_row(i, form),
        evidence: i
            .evidence
            .iter()
            .filter(|e| e.status != Status::Repeated)
            .map(|e| EvidenceView {
                label: &e.label,
                verdict: verdict(e.status),
                status: e.status,
                why: e.status.why(response),
                brief: brief(e.status, response),
                span: e.span,
                context: e.context,
            })
            .collect(),
        capped: i.capped.then_some(CAPPED_REASON),
        missed: i
            .missed
            .iter()
            .map(|m| MissedView {
                label: &m.label,
                tip: &m.tip,
            })
            .collect(),
    }
}

fn verdict(status: Status) -> Verdict {
    match status {
        Status::Credited | Status::Repeated => Verdict::Credited,
        Status::Negated(_) | Status::Contradicted(_) | Status::Disrespectful => Verdict::Refused,
        Status::Stuffed(_) | Status::Quoted => Verdict::Doubted,
    }
}

/// Why a phrase earned nothing, short enough for a terminal line.
fn brief(status: Status, response: &str) -> Option<String> {
    match status {
        Status::Credited | Status::Repeated => None,
        Status::Negated(by) => Some(format!(
            "no credit: negated by \"{}\"",
            fit(&response[by], 20)
        )),
        Status::Stuffed(kind) => Some(format!("no credit, stuffing: {}", kind.reason())),
        Status::Quoted => Some("no credit: someone else's words".into()),
        Status::Contradicted(by) => Some(format!(
            "no credit: wrong position, \"{}\"",
            fit(&response[by], 30)
        )),
        Status::Disrespectful => {
            Some("no credit: said in a way that dismisses or blames the customer".into())
        }
    }
}

fn follow_up(a: &Asked) -> FollowUpView<'_> {
    FollowUpView {
        indicator: &a.follow_up.indicator,
        label: &a.follow_up.label,
        question: &a.follow_up.question,
        answer: (!a.answer.trim().is_empty()).then_some(a.answer.as_str()),
        credited: a.credited.as_deref(),
        earned: crate::followup::render::earned(a),
    }
}

#[cfg(test)]
mod tests;
