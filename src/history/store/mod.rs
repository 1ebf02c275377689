//! What roleplay saves: the history of attempts and the draft being typed.

pub mod attempt;
pub mod draft;
pub mod history;
mod migrate;
pub mod score;

pub use attempt::{Attempt, NewAttempt, Origin};
pub use draft::Draft;
pub use history::{Answer, History, SavedCard, SkippedRow};
pub use score::StoredScore;

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed to disk,
/// then renamed over the old one, so a crash leaves either the old file or the new.
/// A path that exists but is not a regular file (`/dev/null`, a pipe, a terminal) is
/// written to directly: renaming over it would replace the device with a file.
/// A symbolic link is followed: its target is written, and the link stays a link. A
/// failed write removes its temporary file.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let target = follow_links(path);
    let path = target.as_path();
    if std::fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(bytes);
    }
    let parent = path.parent().unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temporary = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        // Best effort: the write already failed, and that is the error to report.
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// A file written as a stream and put in place only when complete: a temporary file
/// beside it, renamed over it by [`AtomicFile::commit`]. Dropped without a commit (an
/// error on the way), the temporary file is removed.
pub struct AtomicFile {
    temporary: std::path::PathBuf,
    target: std::path::PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    /// Starts writing `path` (a link is followed to its target).
    pub fn create(path: &std::path::Path) -> std::io::Result<AtomicFile> {
        let target = follow_links(path);
        let parent = target.parent().unwrap_or(std::path::Path::new("."));
        let parent = if parent.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            parent
        };
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file");
        if std::fs::metadata(&target).is_ok_and(|meta| !meta.is_file()) {
            // A device or pipe is written to directly: a rename would replace it.
            let file = std::fs::OpenOptions::new().write(true).open(&target)?;
            return Ok(AtomicFile {
                temporary: target.clone(),
                target,
                file: Some(std::io::BufWriter::new(file)),
            });
        }
        let temporary = parent.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = std::fs::File::create(&temporary)?;
        Ok(AtomicFile {
            temporary,
            target,
            file: Some(std::io::BufWriter::new(file)),
        })
    }

    fn direct(&self) -> bool {
        self.temporary == self.target
    }

    /// Flushes the file to disk and puts it in place.
    pub fn commit(mut self) -> std::io::Result<()> {
        if let Some(file) = self.file.take() {
            let file = file.into_inner().map_err(|e| e.into_error())?;
            if self.direct() {
                return Ok(());
            }
            file.sync_all()?;
        }
        std::fs::rename(&self.temporary, &self.target)
    }
}

impl std::io::Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(buf),
            None => Err(std::io::Error::other("the file was already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() && !self.direct() {
            // Not committed: the write failed on the way; leave nothing behind.
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// The file a chain of symbolic links ends at (a dangling link's target included).
fn follow_links(path: &std::path::Path) -> std::path::PathBuf {
    let mut current = path.to_path_buf();
    // A bounded walk: a loop of links is left for the write itself to report.
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(target) => {
                let base = current.parent().unwrap_or(std::path::Path::new("."));
                current = base.join(target);
            }
            Err(_) => break,
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::write_atomic;

    #[test]
    fn writing_to_a_device_writes_to_it_and_leaves_it_a_device() {
        let null = std::path::Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        write_atomic(null, b"discarded").unwrap();
        assert!(
            !std::fs::metadata(null).unwrap().is_file(),
            "/dev/null must stay a device"
        );
    }

    #[test]
    fn a_regular_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old and longer").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }
}
