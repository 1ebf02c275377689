//! What roleplay saves: the history of attempts and the draft being typed.

pub mod draft;
pub mod history;

pub use draft::Draft;
pub use history::{Answer, Attempt, History, NewAttempt, SavedCard};

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed to disk,
/// then renamed over the old one, so a crash leaves either the old file or the new.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let parent = path.parent().unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temporary = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&temporary, path)
}
