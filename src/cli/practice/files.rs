//! What the practice session needs from around it: saving the draft, speaking the
//! judge's questions, and the student's own editor.

use std::io;
use std::path::PathBuf;

use crate::error::Error;
use crate::history::store::Draft;
use crate::practice::session::Surroundings;

/// The draft file, the voice, and whether the last save failed.
pub(super) struct Files {
    pub(super) draft: PathBuf,
    /// Whether the last save failed; the lines are still in memory.
    pub(super) failing: bool,
    /// The voice of `--speak`, when espeak-ng is there.
    pub(super) voice: Option<crate::speak::Voice>,
}

impl Surroundings for Files {
    /// A failed save (a full disk) does not end the session: the lines stay in memory,
    /// the student is told once, and every later line tries again.
    fn save(&mut self, draft: &Draft) -> Result<(), Error> {
        match draft.save(&self.draft) {
            Ok(()) if self.failing => {
                self.failing = false;
                super::super::warn("your draft is saved again; nothing was lost");
            }
            Ok(()) => {}
            Err(e) if !self.failing => {
                self.failing = true;
                let full = matches!(&e, Error::Io { source, .. } if source.kind() == io::ErrorKind::StorageFull);
                let what = if full {
                    "the disk is full"
                } else {
                    "the draft cannot be written"
                };
                super::super::warn(&format!(
                    "{what} ({e}). Your lines are kept here: free some space and go on typing; each line tries to save again"
                ));
            }
            Err(_) => {}
        }
        Ok(())
    }

    fn asked(&mut self, question: &str) {
        super::rehearse::say(&mut self.voice, question);
    }

    fn edit(&mut self, text: &str) -> Option<String> {
        // The editor gets the terminal as it expects it, and the session's keys after.
        let raw = crossterm::terminal::is_raw_mode_enabled().unwrap_or(false);
        if raw {
            let _ = crossterm::terminal::disable_raw_mode();
        }
        let edited = edit_in_editor(text);
        if raw {
            let _ = crossterm::terminal::enable_raw_mode();
        }
        edited
    }
}

/// Opens `text` in $VISUAL or $EDITOR and returns what was saved; `None` when neither
/// names an editor or the editor cannot be run.
fn edit_in_editor(text: &str) -> Option<String> {
    let named = |var: &str| {
        std::env::var(var)
            .ok()
            .filter(|e| !e.trim().is_empty() && !e.trim_start().starts_with('#'))
    };
    // Checked here rather than left to dialoguer: with neither set it would open vi,
    // and a value that is not a command (blank, or only a shell comment) would panic.
    let editor = named("VISUAL").or_else(|| named("EDITOR"))?;
    dialoguer::Editor::new()
        .executable(editor)
        .require_save(false)
        .trim_newlines(false)
        .edit(text)
        .ok()
        .flatten()
}
