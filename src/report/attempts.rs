//! Saved attempts as text, from views of them: the list (`roleplay history`) and the
//! heading of one attempt's report (`roleplay show-attempt`).

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::history::store::Origin;
use crate::model::Band;

/// One saved attempt as `roleplay history` lists it (and prints it with `--format json`).
#[derive(Serialize)]
pub struct AttemptRow<'a> {
    /// The attempt's number.
    pub id: i64,
    /// The case's id.
    pub case: &'a str,
    /// The case's title.
    pub title: &'a str,
    /// Who, when a coach named the student.
    pub student: Option<&'a str>,
    /// When it started (RFC 3339 in JSON).
    pub started_at: DateTime<Utc>,
    /// When it ended (RFC 3339 in JSON).
    pub finished_at: DateTime<Utc>,
    /// Where it came from.
    pub origin: Origin,
    /// The total.
    pub total: u32,
    /// The highest total on the attempt's form (not in the JSON, which predates it).
    #[serde(skip)]
    pub max: u32,
    /// The rating's key.
    pub rating: Band,
}

/// A time as the student reads it: local, to the minute (`2026-11-23 10:20`).
pub fn local_time(time: &DateTime<Utc>) -> String {
    time.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Two lines an attempt: number, local time, total, rating and where it came from;
/// then the case's title and the student.
pub fn write_rows(out: &mut dyn Write, rows: &[AttemptRow], width: usize) -> std::io::Result<()> {
    let width = width.clamp(60, 160);
    for r in rows {
        let when = local_time(&r.finished_at);
        let from = match r.origin {
            Origin::Score => "from score --save",
            Origin::Practice => "from practice",
        };
        writeln!(
            out,
            "{:>4}  {when}  {:>3}/{:<3} {:<8}  {from}",
            r.id,
            r.total,
            r.max,
            r.rating.key()
        )?;
        let mut about = r.title.to_string();
        if let Some(student) = r.student {
            about = format!("{about} · {student}");
        }
        writeln!(out, "      {}", super::text::fit(&about, width - 6))?;
    }
    writeln!(
        out,
        "\n`roleplay show-attempt ID` shows one again; `roleplay report ID -o feedback.pdf` writes the form."
    )
}

/// One saved attempt as the text report's heading shows it (`roleplay show-attempt`).
pub struct AttemptPage<'a> {
    /// The attempt's number.
    pub id: i64,
    /// The case's id.
    pub case: &'a str,
    /// The case's title.
    pub title: &'a str,
    /// Who, when a coach named the student.
    pub student: Option<&'a str>,
    /// When it ended.
    pub finished_at: DateTime<Utc>,
    /// Where it came from.
    pub origin: Origin,
    /// The presentation.
    pub response: &'a str,
    /// The answers to the judge's questions.
    pub answers: &'a [crate::model::Answer],
}

/// The heading of a saved attempt's text report: which attempt, where it came from and
/// when, the student, then the response and the answers, wrapped.
pub fn write_attempt(out: &mut dyn Write, page: &AttemptPage<'_>) -> std::io::Result<()> {
    let from = match page.origin {
        Origin::Score => "scored with `roleplay score --save`",
        Origin::Practice => "a practice session",
    };
    writeln!(
        out,
        "Attempt {}: {} ({}), {from}, {}",
        page.id,
        page.title,
        page.case,
        local_time(&page.finished_at)
    )?;
    if let Some(student) = page.student {
        writeln!(out, "Student: {student}")?;
    }
    writeln!(out, "\nYour response")?;
    for line in page.response.lines() {
        for wrapped in super::text::wrap(line, 76) {
            writeln!(out, "  {wrapped}")?;
        }
    }
    for answer in page.answers {
        writeln!(out, "\nThe judge asked: {}", answer.question)?;
        for wrapped in super::text::wrap(&answer.answer, 76) {
            writeln!(out, "  {wrapped}")?;
        }
    }
    writeln!(out)
}
