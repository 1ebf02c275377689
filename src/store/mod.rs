//! What roleplay saves: the history of attempts and the draft being typed.

pub mod draft;
pub mod history;

pub use draft::Draft;
pub use history::{Answer, Attempt, History, NewAttempt, SavedCard, SkippedRow};

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
