//! Scoring a class at once: rows of (student, case, response) from a folder, a CSV
//! file or a JSON Lines file, read and scored a chunk at a time in parallel, so memory
//! stays flat as the class grows. Rows that cannot be scored are kept with their line
//! and the reason, never dropped silently.

pub mod read;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::engine::Scorer;
use crate::error::Error;
use crate::model::Case;
use crate::wire::row::{Line, Scored};

/// One response to score.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Row {
    /// Who wrote it.
    pub student: String,
    /// The case's id (or a case file).
    pub case: String,
    /// The response.
    pub response: String,
    /// Where it came from: `file:line`, for messages.
    #[serde(skip)]
    pub origin: String,
}

/// A row that could not be read or scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Where it came from: `file:line`.
    pub origin: String,
    /// Why.
    pub reason: String,
}

/// Reads the response files of a folder (`.txt`, `.md`, or no extension), one student
/// per file named by its stem, all for one case.
pub fn rows_from_folder(folder: &Path, case: &str) -> Result<(Vec<Row>, Vec<Skipped>), Error> {
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for item in read::folder(folder, case)?.flatten() {
        match item {
            read::Item::Row(row) => rows.push(row),
            read::Item::Skipped(s) => skipped.push(s),
            read::Item::Warning(_) => {}
        }
    }
    Ok((rows, skipped))
}

/// Scores a chunk of rows in parallel with one compiled scorer per case; `tick` is
/// called once per row, from any thread. With `jsonl`, each scored row also gets its
/// JSON line, made while its scorecard is at hand. Rows whose case is unknown are
/// skipped with the reason. Results keep the chunk's order.
pub fn score(
    rows: Vec<Row>,
    cases: &BTreeMap<String, (Case, Scorer)>,
    unknown: &BTreeMap<String, String>,
    (jsonl, keep_cards): (bool, bool),
    tick: &(dyn Fn() + Sync),
) -> Vec<Result<Output, Skipped>> {
    rows.into_par_iter()
        // Each worker keeps the words it has normalized: a class repeats its words.
        .map_init(crate::text::WordCache::default, |cache, row| {
            tick();
            let Some((case, scorer)) = cases.get(&row.case) else {
                let reason = unknown
                    .get(&row.case)
                    .cloned()
                    .unwrap_or_else(|| format!("no case `{}`", row.case));
                return Err(Skipped {
                    origin: row.origin,
                    reason,
                });
            };
            let card = scorer.score_cached(&row.response, cache);
            let scored = Scored {
                student: row.student,
                case: case.id.to_string(),
                total: card.total,
                rating: card.rating,
                lines: card
                    .indicators
                    .iter()
                    .map(|i| Line {
                        code: i.code.to_string(),
                        points: i.points,
                        band: i.band,
                    })
                    .collect(),
            };
            let line = jsonl.then(|| {
                let indicators: BTreeMap<&str, u32> = scored
                    .lines
                    .iter()
                    .map(|l| (l.code.as_str(), l.points))
                    .collect();
                serde_json::json!({
                    "student": scored.student,
                    "case": scored.case,
                    "total": scored.total,
                    "rating": scored.rating,
                    "indicators": indicators,
                    "score": crate::wire::value(&card, &row.response),
                })
                .to_string()
            });
            let kept = keep_cards.then_some((card, row.response));
            Ok(Output {
                scored,
                line,
                card: kept,
            })
        })
        .collect()
}

/// What scoring one row gives: its compact result, its JSON line when asked for, and
/// its scorecard with the response when per-student reports are written.
pub struct Output {
    /// The compact result.
    pub scored: Scored,
    /// The row as one JSON line.
    pub line: Option<String>,
    /// The scorecard and the response it scored.
    pub card: Option<(crate::engine::Scorecard, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(items: impl Iterator<Item = read::Item>) -> (Vec<Row>, Vec<Skipped>) {
        let mut rows = Vec::new();
        let mut skipped = Vec::new();
        for item in items {
            match item {
                read::Item::Row(r) => rows.push(r),
                read::Item::Skipped(s) => skipped.push(s),
                read::Item::Warning(_) => {}
            }
        }
        (rows, skipped)
    }

    fn rows_from_csv(text: &str, name: &str) -> (Vec<Row>, Vec<Skipped>) {
        collect(read::csv(
            std::io::Cursor::new(text.as_bytes().to_vec()),
            name,
        ))
    }

    fn rows_from_jsonl(text: &str, name: &str) -> (Vec<Row>, Vec<Skipped>) {
        collect(read::jsonl(
            std::io::Cursor::new(text.as_bytes().to_vec()),
            name,
        ))
    }

    #[test]
    fn csv_rows_keep_their_line_numbers_and_bad_rows_are_reported() {
        let text = "student,case,response\nAna,c1,\"Hello, I'm sorry.\nSecond line.\"\nBen,,Hi\nCal,c1,Thanks\n";
        let (rows, skipped) = rows_from_csv(text, "class.csv");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].student, "Ana");
        assert!(rows[0].response.contains("Second line."));
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].origin, "class.csv:4");
        assert_eq!(rows[1].origin, "class.csv:5");
    }

    #[test]
    fn csv_without_the_columns_is_refused() {
        let (rows, skipped) = rows_from_csv("name,text\nA,B\n", "c.csv");
        assert!(rows.is_empty());
        assert!(skipped[0].reason.contains("student, case and response"));
    }

    #[test]
    fn a_row_that_is_not_utf8_is_skipped_and_the_others_read() {
        let mut bytes =
            b"student,case,response\nAna,c1,Hi\nBen,c1,caf\xe9\nCal,c1,Thanks\n".to_vec();
        let (rows, skipped) = collect(read::csv(
            std::io::Cursor::new(std::mem::take(&mut bytes)),
            "c.csv",
        ));
        assert_eq!(rows.len(), 2);
        assert_eq!(skipped[0].origin, "c.csv:3");
        let (rows, skipped) = collect(read::jsonl(
            std::io::Cursor::new(
                b"{\"student\":\"A\",\"case\":\"c\",\"response\":\"\xff\"}\n".to_vec(),
            ),
            "c.jsonl",
        ));
        assert!(rows.is_empty());
        assert_eq!(skipped[0].origin, "c.jsonl:1");
    }

    #[test]
    fn jsonl_rows_and_broken_lines() {
        let text = "{\"student\":\"Ana\",\"case\":\"c1\",\"response\":\"Hi\"}\n\nnot json\n{\"student\":\"Ben\",\"case\":\"c1\"}\n";
        let (rows, skipped) = rows_from_jsonl(text, "c.jsonl");
        assert_eq!(rows.len(), 1);
        assert_eq!(
            skipped
                .iter()
                .map(|s| s.origin.as_str())
                .collect::<Vec<_>>(),
            ["c.jsonl:3", "c.jsonl:4"]
        );
    }
}
