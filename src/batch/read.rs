//! Reading a class's responses one row at a time, so memory does not grow with the
//! class: a folder of files, a CSV file or a JSON Lines file. A row that cannot be
//! read (bad CSV, bad JSON, bytes that are not UTF-8) is skipped with its file and
//! line; the others are still scored.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use super::{Row, Skipped};
use crate::error::Error;

/// What reading yields: a row to score, a row skipped, or a warning about a row that
/// is scored anyway.
#[derive(Debug)]
pub enum Item {
    /// A row to score.
    Row(Row),
    /// A row that cannot be scored.
    Skipped(Skipped),
    /// Something a coach should know about a row that is still scored.
    Warning(String),
}

/// The response files of a folder (`.txt`, `.md`, or no extension), one student per
/// file named by its stem, all for one case, read one at a time.
pub fn folder(folder: &Path, case: &str) -> Result<impl Iterator<Item = Vec<Item>> + use<>, Error> {
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
    let case = case.to_string();
    Ok(paths.into_iter().map(move |path| folder_file(&path, &case)))
}

fn folder_file(path: &Path, case: &str) -> Vec<Item> {
    let origin = path.display().to_string();
    let mut items = Vec::new();
    let stem = path.file_stem().unwrap_or_default();
    let student = match stem.to_str() {
        Some(name) => name.to_string(),
        None => {
            items.push(Item::Warning(format!(
                "{origin}: the file name is not UTF-8; the student is named {}",
                stem.to_string_lossy()
            )));
            stem.to_string_lossy().into_owned()
        }
    };
    match std::fs::read(path) {
        Ok(bytes) if bytes.contains(&0) => items.push(Item::Skipped(Skipped {
            origin,
            reason: "a binary file, not a typed response".into(),
        })),
        Ok(bytes) => {
            let response = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let (line, _) = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
                    items.push(Item::Warning(format!(
                        "{origin}:{line}: not UTF-8 text; unreadable bytes were replaced before scoring"
                    )));
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            };
            items.push(Item::Row(Row {
                student,
                case: case.to_string(),
                response,
                origin,
            }));
        }
        Err(e) => items.push(Item::Skipped(Skipped {
            origin,
            reason: e.to_string(),
        })),
    }
    items
}

/// The 1-based line and column of byte `offset`, counted in bytes.
fn line_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    (line, column)
}

/// Rows of a CSV file with a header naming `student`, `case` and `response`.
pub fn csv<R: Read + 'static>(input: R, name: &str) -> Box<dyn Iterator<Item = Item>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header_error = |reason: String| -> Box<dyn Iterator<Item = Item>> {
        Box::new(std::iter::once(Item::Skipped(Skipped {
            origin: format!("{name}:1"),
            reason,
        })))
    };
    let headers = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => return header_error(e.to_string()),
    };
    let column = |want: &str| {
        headers
            .iter()
            .position(|h| std::str::from_utf8(h).is_ok_and(|h| h.trim().eq_ignore_ascii_case(want)))
    };
    let (Some(student), Some(case), Some(response)) =
        (column("student"), column("case"), column("response"))
    else {
        return header_error("the header must name the columns student, case and response".into());
    };
    let name = name.to_string();
    Box::new(reader.into_byte_records().map(move |record| {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Item::Skipped(Skipped {
                    origin: format!("{name}:{line}"),
                    reason: e.to_string(),
                });
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let origin = format!("{name}:{line}");
        let get = |i: usize| record.get(i).map(std::str::from_utf8);
        match (get(student), get(case), get(response)) {
            (Some(Ok(s)), Some(Ok(c)), Some(Ok(r)))
                if !s.trim().is_empty() && !c.trim().is_empty() =>
            {
                Item::Row(Row {
                    student: s.to_string(),
                    case: c.trim().to_string(),
                    response: r.to_string(),
                    origin,
                })
            }
            (Some(s), Some(c), Some(r)) if s.is_err() || c.is_err() || r.is_err() => {
                Item::Skipped(Skipped {
                    origin,
                    reason: "the row is not UTF-8 text; save the file as UTF-8".into(),
                })
            }
            _ => Item::Skipped(Skipped {
                origin,
                reason: "missing student, case or response".into(),
            }),
        }
    }))
}

/// Rows of a JSON Lines file: one object with `student`, `case` and `response` per line.
pub fn jsonl<R: BufRead + 'static>(input: R, name: &str) -> impl Iterator<Item = Item> + use<R> {
    let name = name.to_string();
    input
        .split(b'\n')
        .enumerate()
        .filter_map(move |(index, line)| {
            let origin = format!("{name}:{}", index + 1);
            let skipped = |reason: String| {
                Some(Item::Skipped(Skipped {
                    origin: origin.clone(),
                    reason,
                }))
            };
            let line = match line {
                Ok(line) => line,
                Err(e) => return skipped(e.to_string()),
            };
            let Ok(text) = std::str::from_utf8(&line) else {
                return skipped("the line is not UTF-8 text; save the file as UTF-8".into());
            };
            if text.trim().is_empty() {
                return None;
            }
            match serde_json::from_str::<Row>(text) {
                Ok(mut row) => {
                    row.origin = origin;
                    Some(Item::Row(row))
                }
                Err(e) => skipped(e.to_string()),
            }
        })
}
