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
