//! The list of saved attempts (`roleplay history`), from a view of each attempt.

use std::io::Write;

use serde::Serialize;

use crate::library::paths;

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
    /// When it started, RFC 3339.
    pub started_at: &'a str,
    /// When it ended, RFC 3339.
    pub finished_at: &'a str,
    /// `practice` or `score`.
    pub origin: &'a str,
    /// The total.
    pub total: u32,
    /// The rating's name.
    pub rating: &'a str,
}

/// Two lines an attempt: number, local time, total, rating and where it came from;
/// then the case's title and the student.
pub fn write_rows(out: &mut dyn Write, rows: &[AttemptRow], width: usize) -> std::io::Result<()> {
    let width = width.clamp(60, 160);
    for r in rows {
        let when = paths::local_time(r.finished_at);
        let from = if r.origin == "score" {
            "from score --save"
        } else {
            "from practice"
        };
        writeln!(
            out,
            "{:>4}  {when}  {:>3}/100 {:<8}  {from}",
            r.id, r.total, r.rating
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
