//! The history of attempts, in SQLite. The schema is versioned with `user_version`
//! and migrated forward; a file that cannot be read as this database is reported and
//! never written to.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Migrations, in order: migration `n` brings the schema to version `n + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_attempts.sql"),
    include_str!("migrations/002_cards.sql"),
    include_str!("migrations/003_student.sql"),
];

/// The schema version this release writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// A judge's question and the student's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The judge's question.
    pub question: String,
    /// What the student answered.
    pub answer: String,
}

/// An attempt to be saved.
#[derive(Clone, Debug)]
pub struct NewAttempt<'a> {
    /// The case's id.
    pub case_id: &'a str,
    /// The case's title.
    pub case_title: &'a str,
    /// When the student started, RFC 3339.
    pub started_at: String,
    /// When it was scored, RFC 3339.
    pub finished_at: String,
    /// `practice` or `score`.
    pub origin: &'a str,
    /// The presentation.
    pub response: &'a str,
    /// Answers to the judge's questions.
    pub answers: &'a [Answer],
    /// The total.
    pub total: u32,
    /// The rating key.
    pub rating: &'a str,
    /// The scorecard as JSON.
    pub scorecard: serde_json::Value,
    /// The student's name, when given.
    pub student: Option<&'a str>,
}

/// A saved attempt.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attempt {
    /// Its number.
    pub id: i64,
    /// The case's id.
    pub case_id: String,
    /// The case's title.
    pub case_title: String,
    /// When the student started.
    pub started_at: String,
    /// When it was scored.
    pub finished_at: String,
    /// `practice` or `score`.
    pub origin: String,
    /// The presentation.
    pub response: String,
    /// Answers to the judge's questions.
    pub answers: Vec<Answer>,
    /// The total.
    pub total: u32,
    /// The rating key.
    pub rating: String,
    /// The scorecard as JSON.
    pub scorecard: serde_json::Value,
    /// The student's name, when given.
    pub student: Option<String>,
}

/// The history database.
pub struct History {
    connection: Connection,
    path: PathBuf,
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
            Connection::open_with_flags(path, flags).map_err(|e| damaged(e.to_string()))?;
        // Read before writing anything: a damaged or foreign file fails here, untouched.
        let version: i64 = connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|e| damaged(e.to_string()))?;
        if exists {
            let check: String = connection
                .query_row("PRAGMA quick_check", [], |row| row.get(0))
                .map_err(|e| damaged(e.to_string()))?;
            if check != "ok" {
                return Err(damaged(check));
            }
            if version == 0 {
                let tables: i64 = connection
                    .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
                    .map_err(|e| damaged(e.to_string()))?;
                if tables > 0 {
                    return Err(damaged(
                        "it is an SQLite database, but not roleplay's history".into(),
                    ));
                }
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
        };
        history.migrate(0)?;
        Ok(history)
    }

    fn migrate(&mut self, from: i64) -> Result<(), Error> {
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let path = self.path.clone();
            let tx = self.connection.transaction().map_err(|e| Error::Damaged {
                path,
                why: e.to_string(),
            })?;
            tx.execute_batch(sql)
                .map_err(|e| Error::Internal(format!("migration {}: {e}", index + 1)))?;
            tx.pragma_update(None, "user_version", index as i64 + 1)
                .map_err(|e| Error::Internal(e.to_string()))?;
            tx.commit().map_err(|e| Error::Internal(e.to_string()))?;
        }
        Ok(())
    }

    fn error(&self, e: rusqlite::Error) -> Error {
        Error::Damaged {
            path: self.path.clone(),
            why: e.to_string(),
        }
    }

    /// Saves an attempt and returns its number.
    pub fn save(&self, attempt: &NewAttempt<'_>) -> Result<i64, Error> {
        let answers =
            serde_json::to_string(attempt.answers).map_err(|e| Error::Internal(e.to_string()))?;
        self.connection
            .execute(
                "INSERT INTO attempts (case_id, case_title, started_at, finished_at, origin, response, answers, total, rating, scorecard, student)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    attempt.case_id,
                    attempt.case_title,
                    attempt.started_at,
                    attempt.finished_at,
                    attempt.origin,
                    attempt.response,
                    answers,
                    attempt.total,
                    attempt.rating,
                    attempt.scorecard.to_string(),
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
        let rows = statement
            .query_map(params![case_id], row_to_attempt)
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(e))
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
    /// When it is next due, RFC 3339.
    pub due: String,
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
                Ok(SavedCard {
                    code: row.get(0)?,
                    card: row.get(1)?,
                    due: row.get(2)?,
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
        reviewed_at: &str,
        rating: u8,
        coverage: f64,
    ) -> Result<(), Error> {
        self.connection
            .execute(
                "INSERT INTO cards (code, card, due) VALUES (?1, ?2, ?3)
                 ON CONFLICT(code) DO UPDATE SET card = excluded.card, due = excluded.due",
                params![card.code, card.card, card.due],
            )
            .map_err(|e| self.error(e))?;
        self.connection
            .execute(
                "INSERT INTO reviews (code, reviewed_at, rating, coverage) VALUES (?1, ?2, ?3, ?4)",
                params![card.code, reviewed_at, rating, coverage],
            )
            .map_err(|e| self.error(e))?;
        Ok(())
    }
}

fn row_to_attempt(row: &rusqlite::Row<'_>) -> rusqlite::Result<Attempt> {
    let answers: String = row.get(7)?;
    let scorecard: String = row.get(10)?;
    Ok(Attempt {
        id: row.get(0)?,
        case_id: row.get(1)?,
        case_title: row.get(2)?,
        started_at: row.get(3)?,
        finished_at: row.get(4)?,
        origin: row.get(5)?,
        response: row.get(6)?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
        total: row.get(8)?,
        rating: row.get(9)?,
        scorecard: serde_json::from_str(&scorecard).unwrap_or(serde_json::Value::Null),
        student: row.get(11)?,
    })
}

/// The history file inside the data folder.
pub fn default_path(home: &Path) -> PathBuf {
    home.join("history.sqlite3")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt<'a>(case_id: &'a str, total: u32, answers: &'a [Answer]) -> NewAttempt<'a> {
        NewAttempt {
            case_id,
            case_title: "A case",
            started_at: "2026-11-23T10:00:00Z".into(),
            finished_at: "2026-11-23T10:20:00Z".into(),
            origin: "practice",
            response: "I'm sorry.",
            answers,
            total,
            rating: "below",
            scorecard: serde_json::json!({ "total": total }),
            student: Some("Ana Díaz"),
        }
    }

    #[test]
    fn saves_and_lists_attempts_in_order() {
        let history = History::in_memory().unwrap();
        let answers = [Answer {
            question: "Why?".into(),
            answer: "Because.".into(),
        }];
        let first = history.save(&attempt("a", 40, &answers)).unwrap();
        let second = history.save(&attempt("b", 70, &[])).unwrap();
        assert!(second > first);
        let all = history.list(None).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].answers, answers);
        assert_eq!(all[0].student.as_deref(), Some("Ana Díaz"));
        assert_eq!(history.list(Some("b")).unwrap().len(), 1);
        assert_eq!(history.latest().unwrap().unwrap().total, 70);
        assert_eq!(history.get(first).unwrap().unwrap().case_id, "a");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.sqlite3");
        let junk = b"this is not a database, but a student's notes\n".repeat(100);
        std::fs::write(&path, &junk).unwrap();
        let error = History::open(&path).err().expect("refused");
        assert!(error.to_string().contains("history.sqlite3"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), junk);
    }

    #[test]
    fn a_new_file_gets_the_current_schema_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/history.sqlite3");
        History::open(&path)
            .unwrap()
            .save(&attempt("a", 1, &[]))
            .unwrap();
        let history = History::open(&path).unwrap();
        assert_eq!(history.list(None).unwrap().len(), 1);
        let version: i64 = history
            .connection
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
