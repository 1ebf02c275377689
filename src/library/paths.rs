//! Where roleplay keeps what it saves: the platform's data folder, or `ROLEPLAY_HOME`.

use std::path::PathBuf;

/// The environment variable that overrides the data folder (for tests, a class laptop).
pub const HOME_VAR: &str = "ROLEPLAY_HOME";

/// The data folder: `ROLEPLAY_HOME` if set, else the platform's (for example
/// `~/.local/share/roleplay` on Linux). `None` when neither can be found.
pub fn home() -> Option<PathBuf> {
    match std::env::var_os(HOME_VAR) {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => directories::ProjectDirs::from("", "", "roleplay")
            .map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// The folder of a coach's own rubrics inside the data folder.
pub fn rubrics_folder() -> Option<PathBuf> {
    home().map(|home| home.join("rubrics"))
}

/// The folder of a coach's own cases inside the data folder.
pub fn cases_folder() -> Option<PathBuf> {
    home().map(|home| home.join("cases"))
}

/// An RFC 3339 time as the reader's local time, `2026-12-01 15:56`; the text as it
/// is when it is not such a time. Saved files keep UTC; people read local time.
pub fn local_time(stamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stamp) {
        Ok(time) => time
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => stamp.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_time_that_is_not_rfc_3339_is_shown_as_it_is() {
        assert_eq!(super::local_time("yesterday"), "yesterday");
        assert_eq!(super::local_time("2026-12-01T20:56:18Z").len(), 16);
    }
}
