//! Rehearsing out loud: `practice --speak` reads the case and the judge's questions
//! with Debian's `espeak-ng` when it is installed. Nothing depends on it: without it,
//! practice says which package to install and goes on in text.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The program that speaks, and the Debian package that has it.
pub const PROGRAM: &str = "espeak-ng";

/// Why there is no voice.
#[derive(Debug, thiserror::Error)]
pub enum SpeakError {
    /// The program is not on `PATH`.
    #[error(
        "--speak needs `espeak-ng`, which is not installed: install the Debian package espeak-ng (`apt-get install espeak-ng`); practising in text"
    )]
    Missing,
}

/// A voice: says lines aloud, one after another, or writes each to a WAV file.
#[derive(Debug)]
pub struct Voice {
    program: PathBuf,
    /// When set, each line is written to `NNN.wav` here instead of played.
    wav_dir: Option<PathBuf>,
    spoken: usize,
    playing: Option<Child>,
}

/// The program's path on `PATH`, if it is there.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

impl Voice {
    /// The voice, if `espeak-ng` is installed; `wav_dir` writes WAV files instead of
    /// playing (for checking the speech without speakers).
    pub fn find(wav_dir: Option<&Path>) -> Result<Voice, SpeakError> {
        let program = on_path(PROGRAM).ok_or(SpeakError::Missing)?;
        Ok(Voice {
            program,
            wav_dir: wav_dir.map(Path::to_path_buf),
            spoken: 0,
            playing: None,
        })
    }

    /// Says a line. Playing does not hold up the session: the line plays while the
    /// student reads, and the next waits for it to finish. A failure to speak is
    /// returned as a sentence, for a warning; the session goes on.
    pub fn say(&mut self, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        if let Some(mut previous) = self.playing.take() {
            let _ = previous.wait();
        }
        self.spoken += 1;
        let mut command = Command::new(&self.program);
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match &self.wav_dir {
            Some(dir) => {
                let file = dir.join(format!("{:03}.wav", self.spoken));
                // "--" so a line starting with "-" is never read as an option.
                let status = command
                    .arg("-w")
                    .arg(&file)
                    .arg("--")
                    .arg(text)
                    .status()
                    .map_err(|e| format!("{PROGRAM} could not be run: {e}"))?;
                if !status.success() {
                    return Err(format!(
                        "{PROGRAM} failed ({status}) writing {}",
                        file.display()
                    ));
                }
            }
            None => {
                let child = command
                    .arg("--")
                    .arg(text)
                    .spawn()
                    .map_err(|e| format!("{PROGRAM} could not be run: {e}"))?;
                self.playing = Some(child);
            }
        }
        Ok(())
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        // The last line is left to finish; nothing is killed mid-word.
        if let Some(mut child) = self.playing.take() {
            let _ = child.wait();
        }
    }
}
