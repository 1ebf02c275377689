//! The history of attempts, in SQLite. The schema is versioned with `user_version`
//! and migrated forward; a file that cannot be read as this database is reported and
//! never written to.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};
use serde::Serialize;

use chrono::{DateTime, Utc};

use super::attempt::{parse_time, stamp};

use crate::error::Error;

pub use super::attempt::{Attempt, NewAttempt, Origin};
pub use super::migrate::SCHEMA_VERSION;
use super::migrate::{MIGRATIONS, Migration};
use super::score::StoredScore;

/// Saved with each attempt; a domain value, so it lives in the core's model.
pub use crate::model::Answer;

/// The history database.
pub struct History {
    connection: Connection,
    path: PathBuf,
    skipped: std::cell::RefCell<Vec<SkippedRow>>,
}

/// A saved attempt whose row cannot be read, left as it is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    /// The attempt's number.
    pub id: i64,
    /// What is wrong with it.
    pub why: String,
}

impl History {
    /// Opens the database at `path`, creating it (and its folder) if it does not exist.
    /// A file that is not a readable history is reported and left untouched.
    pub fn open(path: &Path) -> Result<History, Error> {
        let exists = path.exists();
        if let Some(parent) = path.parent().filter(|_| !exists) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                action: "create",
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let damaged = |why: String| Error::Damaged {
            path: path.to_path_buf(),
            why,
        };
        let flags = if exists {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let connection =
            Connection::open_with_flags(path, flags).map_err(|e| write_error(path, e))?;
        // Another roleplay (a second `score --save`) may hold the file for a moment: wait.
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| write_error(path, e))?;
        // Read before writing anything: a damaged or foreign file fails here, untouched.
        // One statement reads both in one snapshot: another roleplay creating the file at
        // the same moment is seen either before its first migration or after it, never between.
        let (version, tables): (i64, i64) = connection
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), \
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map_err(|e| write_error(path, e))?;
        if exists {
            let check: String = connection
                .query_row("PRAGMA quick_check", [], |row| row.get(0))
                .map_err(|e| write_error(path, e))?;
            if check != "ok" {
                return Err(damaged(check));
            }
            if version == 0 && tables > 0 {
                return Err(damaged(
                    "it is an SQLite database, but not roleplay's history".into(),
                ));
            }
        }
        if version > SCHEMA_VERSION {
            return Err(damaged(format!(
                "it was written by a newer roleplay (schema {version}, this one knows {SCHEMA_VERSION}); upgrade roleplay"
            )));
        }
        let mut history = History {
            connection,
            path: path.to_path_buf(),
            skipped: Default::default(),
        };
        history.migrate(version)?;
        Ok(history)
    }

    /// Opens an in-memory database, for tests.
    pub fn in_memory() -> Result<History, Error> {
        let connection =
            Connection::open_in_memory().map_err(|e| Error::Internal(e.to_string()))?;
        let mut history = History {
            connection,
            path: PathBuf::from(":memory:"),
            skipped: Default::default(),
        };
        history.migrate(0)?;
        Ok(history)
    }

    /// Brings the schema up to date in one exclusive transaction. The version is read
    /// again inside it, so two roleplays opening a new file at once migrate it once.
    fn migrate(&mut self, seen: i64) -> Result<(), Error> {
        if seen >= SCHEMA_VERSION {
            return Ok(());
        }
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| write_error(&path, e);
        let tx = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Exclusive)
            .map_err(fail)?;
        let from: i64 = tx
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(fail)?;
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
            match migration {
                Migration::Sql(sql) => tx.execute_batch(sql),
                Migration::Rows(convert) => convert(&tx),
            }
            .map_err(|e| match e.sqlite_error_code() {
                Some(_) if is_write_failure(&e) => write_error(&path, e),
                _ => Error::Internal(format!("migration {}: {e}", index + 1)),
            })?;
            tx.pragma_update(None, "user_version", index as i64 + 1)
                .map_err(fail)?;
        }
        tx.commit().map_err(fail)
    }

    fn error(&self, e: rusqlite::Error) -> Error {
        write_error(&self.path, e)
    }

    /// Saves an attempt and returns its number.
    pub fn save(&self, attempt: &NewAttempt<'_>) -> Result<i64, Error> {
        let answers =
            serde_json::to_string(attempt.answers).map_err(|e| Error::Internal(e.to_string()))?;
        let score = &attempt.score.score;
        self.connection
            .execute(
                "INSERT INTO attempts (case_id, case_title, started_at, finished_at, origin, response, answers, total, rating, scorecard, student)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    attempt.case_id,
                    attempt.case_title,
                    stamp(&attempt.started_at),
                    stamp(&attempt.finished_at),
                    attempt.origin.key(),
                    attempt.response,
                    answers,
                    score.total,
                    score.rating.key(),
                    attempt.score.to_json(),
                    attempt.student
                ],
            )
            .map_err(|e| self.error(e))?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Every attempt, oldest first, optionally for one case.
    pub fn list(&self, case_id: Option<&str>) -> Result<Vec<Attempt>, Error> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT id, case_id, case_title, started_at, finished_at, origin, response, answers, total, rating, scorecard, student
                 FROM attempts WHERE (?1 IS NULL OR case_id = ?1) ORDER BY id",
            )
            .map_err(|e| self.error(e))?;
        let mut rows = statement
            .query(params![case_id])
            .map_err(|e| self.error(e))?;
        let mut attempts = Vec::new();
        // A damaged row is skipped and named, so one bad row does not hide the others.
        while let Some(row) = rows.next().map_err(|e| write_error(&self.path, e))? {
            match row_to_attempt(row) {
                Ok(attempt) => attempts.push(attempt),
                Err(e) => {
                    let id = row.get::<_, i64>(0).unwrap_or_default();
                    let mut skipped = self.skipped.borrow_mut();
                    if !skipped.iter().any(|s| s.id == id) {
                        skipped.push(SkippedRow { id, why: e });
                    }
                }
            }
        }
        Ok(attempts)
    }

    /// The rows that `list` skipped because they could not be read, once each.
    pub fn skipped(&self) -> Vec<SkippedRow> {
        self.skipped.borrow().clone()
    }

    /// One attempt by number.
    pub fn get(&self, id: i64) -> Result<Option<Attempt>, Error> {
        Ok(self.list(None)?.into_iter().find(|a| a.id == id))
    }

    /// The most recent attempt.
    pub fn latest(&self) -> Result<Option<Attempt>, Error> {
        Ok(self.list(None)?.pop())
    }
}

/// A flashcard's saved schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavedCard {
    /// The indicator code.
    pub code: String,
    /// The scheduler's state, as JSON.
    pub card: String,
    /// When it is next due (RFC 3339 in the database, for ordering).
    pub due: DateTime<Utc>,
}

impl History {
    /// Every saved card, soonest due first.
    pub fn cards(&self) -> Result<Vec<SavedCard>, Error> {
        let mut statement = self
            .connection
            .prepare("SELECT code, card, due FROM cards ORDER BY due, code")
            .map_err(|e| self.error(e))?;
        let rows = statement
            .query_map([], |row| {
                let due: String = row.get(2)?;
                Ok(SavedCard {
                    code: row.get(0)?,
                    card: row.get(1)?,
                    due: parse_time(&due).map_err(|why| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            format!(
                                "the drill card of {}: {why}",
                                row.get::<_, String>(0).unwrap_or_default()
                            )
                            .into(),
                        )
                    })?,
                })
            })
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(e))
    }

    /// Saves a card's schedule and logs the review.
    pub fn save_review(
        &self,
        card: &SavedCard,
        reviewed_at: DateTime<Utc>,
        rating: u8,
        coverage: f64,
    ) -> Result<(), Error> {
        self.connection
            .execute(
                "INSERT INTO cards (code, card, due) VALUES (?1, ?2, ?3)
                 ON CONFLICT(code) DO UPDATE SET card = excluded.card, due = excluded.due",
                params![card.code, card.card, card.due.to_rfc3339()],
            )
            .map_err(|e| self.error(e))?;
        self.connection
            .execute(
                "INSERT INTO reviews (code, reviewed_at, rating, coverage) VALUES (?1, ?2, ?3, ?4)",
                params![card.code, reviewed_at.to_rfc3339(), rating, coverage],
            )
            .map_err(|e| self.error(e))?;
        Ok(())
    }
}

/// A row as an attempt, or why it cannot be read. A score still in the shape of
/// schema 3 (left so by the migration) is converted in memory, or its reason given.
fn row_to_attempt(row: &rusqlite::Row<'_>) -> Result<Attempt, String> {
    let text = |i: usize| -> Result<String, String> { row.get(i).map_err(|e| e.to_string()) };
    let (response, answers, scorecard) = (text(6)?, text(7)?, text(10)?);
    let score = match StoredScore::parse(&scorecard) {
        Ok(score) => score,
        Err(why)
            if serde_json::from_str::<serde_json::Value>(&scorecard)
                .is_ok_and(|v| v.get("version").is_none()) =>
        {
            super::migrate::convert(&response, &answers, &scorecard)
                .map_err(|e| format!("{why}: {e}"))?
        }
        Err(why) => return Err(why),
    };
    let rating: String = text(9)?;
    Ok(Attempt {
        id: row.get(0).map_err(|e| e.to_string())?,
        case_id: text(1)?,
        case_title: text(2)?,
        started_at: parse_time(&text(3)?)?,
        finished_at: parse_time(&text(4)?)?,
        origin: text(5)?.parse()?,
        response,
        answers: serde_json::from_str(&answers)
            .map_err(|e| format!("its answers cannot be read: {e}"))?,
        total: row.get(8).map_err(|e| e.to_string())?,
        rating: rating
            .parse()
            .map_err(|_| format!("its rating `{rating}` is not a band"))?,
        score,
        student: row.get(11).map_err(|e| e.to_string())?,
    })
}

/// How long to wait for another roleplay that holds the history.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether SQLite failed to write a healthy file (read-only, full disk, locked, no
/// permission) rather than finding it damaged.
fn is_write_failure(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode::{
        CannotOpen, DatabaseBusy, DatabaseLocked, DiskFull, PermissionDenied, ReadOnly,
        SystemIoFailure,
    };
    matches!(
        e.sqlite_error_code(),
        Some(
            ReadOnly
                | DiskFull
                | DatabaseBusy
                | DatabaseLocked
                | PermissionDenied
                | CannotOpen
                | SystemIoFailure
        )
    )
}

/// The error for a failed statement: what actually went wrong when the file could not
/// be written, and "damaged" only when its content is.
fn write_error(path: &Path, e: rusqlite::Error) -> Error {
    if is_write_failure(&e) {
        let why = match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::PermissionDenied) => {
                "the file or its folder is read-only; your history is intact, make the folder writable"
            }
            Some(rusqlite::ErrorCode::DiskFull) => {
                "the disk is full; your history is intact, free some space and try again"
            }
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                "another program holds it; your history is intact, try again when it is done"
            }
            _ => "it could not be opened for writing; your history is intact",
        };
        return Error::NotWritten {
            path: path.to_path_buf(),
            why: format!("{why} ({e})"),
        };
    }
    Error::Damaged {
        path: path.to_path_buf(),
        why: e.to_string(),
    }
}

/// The history file inside the data folder.
pub fn default_path(home: &Path) -> PathBuf {
    home.join("history.sqlite3")
}

#[cfg(test)]
mod tests;
