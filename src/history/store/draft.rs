//! The practice in progress, saved after every line the student types, so Ctrl-C, a
//! closed terminal or a killed process loses nothing. Saved atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::history::Answer;
use super::write_atomic;
use crate::error::Error;

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
        }
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
