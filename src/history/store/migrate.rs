//! The history's schema, migrated forward: migration `n` brings it to version `n + 1`
//! (SQLite's `user_version`). Most are SQL; schema 4 is a conversion in Rust, from the
//! engine's own result struct to the versioned [`StoredScore`].

use rusqlite::{Transaction, params};

use super::score::StoredScore;
use crate::model::Answer;

/// One step of the schema.
pub(super) enum Migration {
    /// Statements run as they are.
    Sql(&'static str),
    /// Rows rewritten by code; its error says why the step cannot be taken.
    Rows(fn(&Transaction<'_>) -> rusqlite::Result<()>),
}

/// Migrations, in order.
pub(super) const MIGRATIONS: &[Migration] = &[
    Migration::Sql(include_str!("migrations/001_attempts.sql")),
    Migration::Sql(include_str!("migrations/002_cards.sql")),
    Migration::Sql(include_str!("migrations/003_student.sql")),
    // Version 4: each attempt's `scorecard` becomes a StoredScore (version 2 of its
    // shape): the `roleplay score --format json` object and the form it was scored on.
    Migration::Rows(wire_scorecards),
];

/// Rewrites every attempt saved in the engine's own shape as a [`StoredScore`]. A row
/// that cannot be converted (hand-edited, damaged) is left exactly as it is: reading it
/// names it and says why, and no attempt is ever dropped.
fn wire_scorecards(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String, String, String)> = {
        let mut statement =
            tx.prepare("SELECT id, response, answers, scorecard FROM attempts ORDER BY id")?;
        statement
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?
    };
    for (id, response, answers, scorecard) in rows {
        if let Ok(stored) = convert(&response, &answers, &scorecard) {
            tx.execute(
                "UPDATE attempts SET scorecard = ?1 WHERE id = ?2",
                params![stored.to_json(), id],
            )?;
        }
    }
    Ok(())
}

/// An attempt's score in the engine's shape (schema 3 and before) as a [`StoredScore`],
/// or why it cannot be. Reading uses it too, for a row the migration left as it was.
pub(super) fn convert(
    response: &str,
    answers: &str,
    scorecard: &str,
) -> Result<StoredScore, String> {
    let answers: Vec<Answer> =
        serde_json::from_str(answers).map_err(|e| format!("its answers cannot be read: {e}"))?;
    let (text, _) = crate::model::answer::joined(response, &answers);
    let default = crate::library::shipped::default_form().map_err(|e| e.to_string())?;
    let shipped = |id: &str| crate::library::shipped::form(id).cloned();
    StoredScore::from_legacy(scorecard, &text, shipped, default)
}

/// The schema version this release writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
