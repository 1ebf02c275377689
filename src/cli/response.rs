//! Reading a student's response from a file or standard input, for the commands
//! that score one.

use std::io::Read;
use std::path::PathBuf;

use super::{io_error, warn};
use crate::error::Error;

/// Reads a response as text. Bytes that are not UTF-8 are replaced (with a warning);
/// a file with NUL bytes is refused as binary.
pub(super) fn read_response(path: &PathBuf) -> Result<String, Error> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(e, "read", "standard input"))?;
    } else {
        bytes = std::fs::read(path).map_err(|source| Error::Io {
            action: "read",
            path: path.clone(),
            source,
        })?;
    }
    if bytes.contains(&0) {
        return Err(Error::Usage(format!(
            "{} looks like a binary file, not a typed response; save the response as plain text",
            path.display()
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            warn(&format!(
                "{} is not UTF-8 text; unreadable bytes were replaced before scoring",
                path.display()
            ));
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}
