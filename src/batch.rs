//! Scoring a class at once: rows of (student, case, response) from a folder, a CSV
//! file or a JSON Lines file, scored in parallel. Rows that cannot be scored are
//! kept with their line and the reason, never dropped silently.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::engine::{Scorecard, Scorer};
use crate::error::Error;
use crate::model::{Band, Case};

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

/// A scored row.
#[derive(Clone, Debug, Serialize)]
pub struct Scored {
    /// Who wrote it.
    pub student: String,
    /// The case's id.
    pub case: String,
    /// The total.
    pub total: u32,
    /// The rating.
    pub rating: Band,
    /// Points per indicator code.
    pub indicators: BTreeMap<String, u32>,
    /// The full scorecard.
    #[serde(skip)]
    pub card: Scorecard,
    /// The response, which the scorecard's spans point into.
    #[serde(skip)]
    pub response: String,
}

/// Reads the response files of a folder (`.txt`, `.md`, or no extension), one student
/// per file named by its stem, all for one case.
pub fn rows_from_folder(folder: &Path, case: &str) -> Result<(Vec<Row>, Vec<Skipped>), Error> {
    let entries = std::fs::read_dir(folder).map_err(|source| Error::Io {
        action: "read",
        path: folder.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let origin = path.display().to_string();
        let student = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        match std::fs::read(&path) {
            Ok(bytes) if bytes.contains(&0) => skipped.push(Skipped {
                origin,
                reason: "a binary file, not a typed response".into(),
            }),
            Ok(bytes) => rows.push(Row {
                student,
                case: case.to_string(),
                response: String::from_utf8_lossy(&bytes).into_owned(),
                origin,
            }),
            Err(e) => skipped.push(Skipped {
                origin,
                reason: e.to_string(),
            }),
        }
    }
    Ok((rows, skipped))
}

/// Reads rows from CSV with a header naming `student`, `case` and `response`.
pub fn rows_from_csv(text: &str, name: &str) -> (Vec<Row>, Vec<Skipped>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return (
                Vec::new(),
                vec![Skipped {
                    origin: format!("{name}:1"),
                    reason: e.to_string(),
                }],
            );
        }
    };
    let column = |want: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
    };
    let (Some(student), Some(case), Some(response)) =
        (column("student"), column("case"), column("response"))
    else {
        return (
            Vec::new(),
            vec![Skipped {
                origin: format!("{name}:1"),
                reason: "the header must name the columns student, case and response".into(),
            }],
        );
    };
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                let origin = format!("{name}:{line}");
                let get = |i: usize| record.get(i).map(str::to_string);
                match (get(student), get(case), get(response)) {
                    (Some(s), Some(c), Some(r)) if !s.trim().is_empty() && !c.trim().is_empty() => {
                        rows.push(Row {
                            student: s,
                            case: c.trim().to_string(),
                            response: r,
                            origin,
                        })
                    }
                    _ => skipped.push(Skipped {
                        origin,
                        reason: "missing student, case or response".into(),
                    }),
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                skipped.push(Skipped {
                    origin: format!("{name}:{line}"),
                    reason: e.to_string(),
                });
            }
        }
    }
    (rows, skipped)
}

/// Reads rows from JSON Lines: one object with `student`, `case` and `response` per line.
pub fn rows_from_jsonl(text: &str, name: &str) -> (Vec<Row>, Vec<Skipped>) {
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name}:{}", index + 1);
        match serde_json::from_str::<Row>(line) {
            Ok(mut row) => {
                row.origin = origin;
                rows.push(row);
            }
            Err(e) => skipped.push(Skipped {
                origin,
                reason: e.to_string(),
            }),
        }
    }
    (rows, skipped)
}

/// Scores rows in parallel with one compiled scorer per case; `tick` is called once
/// per row, from any thread. Rows whose case is unknown are skipped with the reason.
pub fn score(
    rows: Vec<Row>,
    cases: &BTreeMap<String, (Case, Scorer)>,
    unknown: &BTreeMap<String, String>,
    tick: &(dyn Fn() + Sync),
) -> (Vec<Scored>, Vec<Skipped>) {
    // Rows of one case together: each case's automaton stays in the processor's cache.
    let mut rows = rows;
    rows.sort_by(|a, b| a.case.cmp(&b.case));
    let results: Vec<Result<Scored, Skipped>> = rows
        .into_par_iter()
        .map(|row| {
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
            let card = scorer.score(&row.response);
            Ok(Scored {
                student: row.student,
                case: case.id.clone(),
                total: card.total,
                rating: card.rating,
                indicators: card
                    .indicators
                    .iter()
                    .map(|i| (i.code.to_string(), i.points))
                    .collect(),
                card,
                response: row.response,
            })
        })
        .collect();
    let mut scored = Vec::new();
    let mut skipped = Vec::new();
    for result in results {
        match result {
            Ok(s) => scored.push(s),
            Err(s) => skipped.push(s),
        }
    }
    (scored, skipped)
}

/// The indicator codes of the scored rows, in first-seen order: the CSV's columns.
pub fn codes(scored: &[Scored]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for s in scored {
        for line in &s.card.indicators {
            if !codes.contains(&line.code.to_string()) {
                codes.push(line.code.to_string());
            }
        }
    }
    codes
}

/// A text cell a spreadsheet will not run as a formula: a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP recommends
/// against CSV injection.
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Writes the scored rows as CSV: student, case, total, rating, then one column per code.
pub fn write_csv(out: &mut dyn std::io::Write, scored: &[Scored]) -> Result<(), csv::Error> {
    let codes = codes(scored);
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec![
        "student".to_string(),
        "case".into(),
        "total".into(),
        "rating".into(),
    ];
    header.extend(codes.iter().cloned());
    writer.write_record(&header)?;
    for s in scored {
        let mut record = vec![
            spreadsheet_safe(&s.student),
            spreadsheet_safe(&s.case),
            s.total.to_string(),
            s.rating.key().to_string(),
        ];
        record.extend(codes.iter().map(|c| {
            s.indicators
                .get(c)
                .map(ToString::to_string)
                .unwrap_or_default()
        }));
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
