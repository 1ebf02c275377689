//! A saved attempt and where it came from, typed: times are UTC instants, the origin is
//! an enum, the score is [`StoredScore`]. The columns hold text (RFC 3339 times to the
//! second, the origin's key, the score's JSON) so the file stays readable by hand.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::score::StoredScore;
use crate::model::{Answer, Band};

/// Where an attempt came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A timed `roleplay practice` session.
    Practice,
    /// `roleplay score --save`.
    Score,
}

impl Origin {
    /// The key kept in the database and printed by `history --format json`.
    pub fn key(self) -> &'static str {
        match self {
            Origin::Practice => "practice",
            Origin::Score => "score",
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Origin {
    type Err = String;

    fn from_str(text: &str) -> Result<Origin, String> {
        match text {
            "practice" => Ok(Origin::Practice),
            "score" => Ok(Origin::Score),
            other => Err(format!(
                "it came from `{other}`, which this release does not know"
            )),
        }
    }
}

/// An attempt to be saved.
#[derive(Clone, Debug)]
pub struct NewAttempt<'a> {
    /// The case's id.
    pub case_id: &'a str,
    /// The case's title.
    pub case_title: &'a str,
    /// When the student started.
    pub started_at: DateTime<Utc>,
    /// When it was scored.
    pub finished_at: DateTime<Utc>,
    /// Where it came from.
    pub origin: Origin,
    /// The presentation.
    pub response: &'a str,
    /// Answers to the judge's questions.
    pub answers: &'a [Answer],
    /// The score, with the form it was scored on.
    pub score: &'a StoredScore,
    /// The student's name, when given.
    pub student: Option<&'a str>,
}

/// A saved attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    /// Its number.
    pub id: i64,
    /// The case's id.
    pub case_id: String,
    /// The case's title.
    pub case_title: String,
    /// When the student started.
    pub started_at: DateTime<Utc>,
    /// When it was scored.
    pub finished_at: DateTime<Utc>,
    /// Where it came from.
    pub origin: Origin,
    /// The presentation.
    pub response: String,
    /// Answers to the judge's questions.
    pub answers: Vec<Answer>,
    /// The total.
    pub total: u32,
    /// The band of the total.
    pub rating: Band,
    /// The score, with the form it was scored on.
    pub score: StoredScore,
    /// The student's name, when given.
    pub student: Option<String>,
}

/// The current time, to the second: what a new attempt records.
pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

/// A time as the database keeps it: RFC 3339, UTC, to the second (`2026-11-23T10:00:00Z`).
pub fn stamp(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads a time the database keeps.
pub fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("its time `{text}` is not an RFC 3339 time: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_kept_to_the_second_in_utc() {
        let time = parse_time("2026-11-23T05:00:00-05:00").unwrap();
        assert_eq!(stamp(&time), "2026-11-23T10:00:00Z");
        assert!(parse_time("yesterday").unwrap_err().contains("yesterday"));
        assert_eq!(stamp(&now()).len(), "2026-11-23T10:00:00Z".len());
    }

    #[test]
    fn an_origin_reads_back_its_own_key_and_refuses_others() {
        for origin in [Origin::Practice, Origin::Score] {
            assert_eq!(origin.key().parse::<Origin>(), Ok(origin));
        }
        assert!("batch".parse::<Origin>().unwrap_err().contains("batch"));
    }
}
