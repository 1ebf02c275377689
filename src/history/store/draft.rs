//! The practice in progress, saved after every line the student types (the
//! presentation, the fixed answers and the follow-up answers), so Ctrl-C, a closed
//! terminal or a killed process loses nothing. Saved atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::history::Answer;
use super::write_atomic;
use crate::error::Error;
use crate::model::FollowUp;

/// The draft format's version.
pub const DRAFT_VERSION: u32 = 1;

/// Where a practice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Reading the case and preparing.
    Prep,
    /// Typing the presentation.
    Presenting,
    /// Answering the judge's questions.
    Questions,
}

/// A practice in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The draft format's version.
    pub version: u32,
    /// The case's id.
    pub case_id: String,
    /// The case file, when the case came from one.
    pub case_path: Option<PathBuf>,
    /// When the practice started, RFC 3339.
    pub started_at: String,
    /// Where it stands.
    pub stage: Stage,
    /// Seconds of presentation time used.
    pub presenting_seconds: u64,
    /// The presentation's lines so far.
    pub response: Vec<String>,
    /// Questions answered so far.
    pub answers: Vec<Answer>,
    /// Lines of the answer being typed.
    pub answer_lines: Vec<String>,
    /// Notes typed during the prep, shown while presenting.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Seconds of prep time used.
    #[serde(default)]
    pub prep_seconds: u64,
    /// The follow-ups, once the fixed questions are answered and they are chosen:
    /// absent before then and in drafts from older releases, which read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_ups: Option<FollowUpDraft>,
}

/// The follow-up questions of a practice in progress: the questions as chosen (a
/// resumed practice asks the same ones, whatever the history says by then) and what
/// was typed to them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpDraft {
    /// The follow-ups chosen, in the order they are asked.
    pub questions: Vec<FollowUp>,
    /// Follow-ups answered so far, in order.
    pub answers: Vec<Answer>,
    /// Lines of the follow-up answer being typed.
    pub answer_lines: Vec<String>,
}

impl Draft {
    /// A new draft for a case.
    pub fn new(case_id: &str, case_path: Option<PathBuf>, started_at: String) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            case_id: case_id.to_string(),
            case_path,
            started_at,
            stage: Stage::Prep,
            presenting_seconds: 0,
            response: Vec::new(),
            answers: Vec::new(),
            answer_lines: Vec::new(),
            notes: Vec::new(),
            prep_seconds: 0,
            follow_ups: None,
        }
    }

    /// How many lines the student has typed into the draft (notes aside): what the
    /// resume question counts.
    pub fn typed_lines(&self) -> usize {
        let follow_ups = self
            .follow_ups
            .as_ref()
            .map_or(0, |f| f.answers.len() + f.answer_lines.len());
        self.response.len() + self.answers.len() + self.answer_lines.len() + follow_ups
    }

    /// Reads the draft at `path`; `Ok(None)` when there is none. A draft that cannot
    /// be read is moved aside (never overwritten) and reported.
    pub fn load(path: &Path) -> Result<Option<Draft>, Error> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(Error::Io {
                    action: "read",
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        match serde_json::from_slice::<Draft>(&bytes) {
            Ok(draft) if draft.version == DRAFT_VERSION => Ok(Some(draft)),
            Ok(draft) => Err(Error::Damaged {
                path: path.to_path_buf(),
                why: format!(
                    "draft format {} is not one this roleplay knows",
                    draft.version
                ),
            }),
            Err(e) => {
                let aside = path.with_extension(format!("damaged-{}.json", std::process::id()));
                match std::fs::rename(path, &aside) {
                    Ok(()) => Err(Error::DraftSetAside {
                        path: path.to_path_buf(),
                        aside,
                        why: e.to_string(),
                    }),
                    Err(_) => Err(Error::Damaged {
                        path: path.to_path_buf(),
                        why: e.to_string(),
                    }),
                }
            }
        }
    }

    /// Saves the draft atomically.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        write_atomic(path, &bytes).map_err(|source| Error::Io {
            action: "write",
            path: path.to_path_buf(),
            source,
        })
    }

    /// Removes the draft once the attempt is saved.
    pub fn discard(path: &Path) -> Result<(), Error> {
        match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(Error::Io {
                action: "remove",
                path: path.to_path_buf(),
                source,
            }),
        }
    }
}

/// The draft file inside the data folder.
pub fn default_path(home: &Path) -> PathBuf {
    home.join("draft.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.json");
        let mut draft = Draft::new("case", None, "2026-11-23T10:00:00Z".into());
        draft.stage = Stage::Presenting;
        draft.response = vec!["Hello, Ms. Kim.".into(), "I'm sorry.".into()];
        draft.save(&path).unwrap();
        assert_eq!(Draft::load(&path).unwrap(), Some(draft));
        Draft::discard(&path).unwrap();
        assert_eq!(Draft::load(&path).unwrap(), None);
    }

    #[test]
    fn follow_up_answers_round_trip_and_an_older_draft_still_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.json");
        let mut draft = Draft::new("case", None, "2026-11-23T10:00:00Z".into());
        draft.stage = Stage::Questions;
        draft.follow_ups = Some(FollowUpDraft {
            questions: vec![FollowUp {
                indicator: crate::model::Code::parse_lenient("CR:010").unwrap(),
                concept: "prevents-recurrence".into(),
                label: "Prevents a repeat".into(),
                weight: 3,
                question: "What changes so nobody else goes through this?".into(),
            }],
            answers: Vec::new(),
            answer_lines: vec!["Every ski sale gets a second check.".into()],
        });
        draft.save(&path).unwrap();
        assert_eq!(Draft::load(&path).unwrap(), Some(draft.clone()));
        assert_eq!(draft.typed_lines(), 1);

        // A draft written before follow-ups were kept has no such key.
        draft.follow_ups = None;
        let mut older = serde_json::to_value(&draft).unwrap();
        assert!(older.get("follow_ups").is_none());
        older["answers"] = serde_json::json!([]);
        std::fs::write(&path, older.to_string()).unwrap();
        assert_eq!(Draft::load(&path).unwrap(), Some(draft));
    }

    #[test]
    fn a_damaged_draft_is_kept_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.json");
        std::fs::write(&path, b"{ half a draft").unwrap();
        let error = Draft::load(&path).unwrap_err().to_string();
        assert!(error.contains("moved, unchanged, to"), "{error}");
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read(kept[0].path()).unwrap(), b"{ half a draft");
    }
}
