//! Errors, worded for the coach or student who must fix them.

use std::fmt;
use std::path::PathBuf;

/// Anything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A case, rubric or form file that cannot be used.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Several files that cannot be used.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    LoadMany(Vec<LoadError>),
    /// A file or stream that cannot be read or written.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done: `read`, `write`.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A case named by id that no folder holds.
    #[error("no case `{id}`: it is neither a file nor the id of a known case{hint}")]
    UnknownCase {
        /// The id asked for.
        id: String,
        /// A suggestion, already formatted.
        hint: String,
    },
    /// A rubric code that no rubric defines.
    #[error("no indicator `{code}`{hint}")]
    UnknownIndicator {
        /// The code asked for.
        code: String,
        /// A suggestion, already formatted.
        hint: String,
    },
    /// A saved file (history, draft) that cannot be read; it is left as it is.
    #[error("{} cannot be read: {why}. It was left as it is; move it away to start a new one", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// A healthy saved file that cannot be written now (read-only, full disk, busy).
    #[error("cannot save to {}: {why}", path.display())]
    NotWritten {
        /// The file.
        path: PathBuf,
        /// Why, and what to do.
        why: String,
    },
    /// A draft that could not be read and was moved aside, intact, so practice can go on.
    #[error("{} could not be read ({why}); it was moved, unchanged, to {}", path.display(), aside.display())]
    DraftSetAside {
        /// Where it was.
        path: PathBuf,
        /// Where it is now.
        aside: PathBuf,
        /// Why it could not be read.
        why: String,
    },
    /// A request that makes no sense as given.
    #[error("{0}")]
    Usage(String),
    /// A bug in roleplay itself, not in anything the user gave it.
    #[error("internal error (a bug in roleplay, please report it): {0}")]
    Internal(String),
}

impl From<roleplay_core::engine::EngineError> for Error {
    fn from(e: roleplay_core::engine::EngineError) -> Self {
        use roleplay_core::engine::EngineError;
        match e {
            // The user's case names an indicator their rubrics lack: theirs to fix.
            EngineError::UnknownIndicator { .. } => Error::Usage(e.to_string()),
        }
    }
}

/// A 1-based line and column in a file, as people count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A problem in a case, rubric or form file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as the user named it (or `cases/<id>.yaml` for a shipped one).
    pub path: PathBuf,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub kind: LoadErrorKind,
    /// The offending line of the file, for the caret display.
    pub line_text: Option<Box<EchoedLine>>,
}

/// The line an error echoes under its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EchoedLine {
    /// The line; a long one is clipped around the column, with `…` where it was cut.
    pub text: String,
    /// The caret's character index in `text`.
    pub caret: usize,
}

/// What is wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The file holds nothing.
    Empty,
    /// A key the format does not have.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The keys allowed there.
        expected: Vec<String>,
    },
    /// A required key is absent.
    MissingKey(String),
    /// A value of the wrong shape; the parser's words.
    Syntax(String),
    /// YAML that does not parse, worded for a coach: nothing after it can be trusted.
    Parse(String),
    /// A value that breaks a rule of the format; a full sentence.
    Invalid(String),
    /// The file cannot be read as a case file (not a regular file, too large, no
    /// permission); why, as a sentence.
    Unreadable(String),
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadErrorKind::NotUtf8 => f.write_str("the file is not UTF-8 text; save it as UTF-8"),
            LoadErrorKind::Empty => f.write_str("the file is empty"),
            LoadErrorKind::UnknownKey { key, expected } => {
                write!(f, "unknown key `{key}`")?;
                let names: Vec<&str> = expected.iter().map(String::as_str).collect();
                if let Some(best) = crate::suggest::closest(key, &names) {
                    write!(f, " (did you mean `{best}`?)")?;
                }
                if !expected.is_empty() {
                    write!(f, "; expected one of: {}", expected.join(", "))?;
                }
                Ok(())
            }
            LoadErrorKind::MissingKey(key) => write!(f, "missing required key `{key}`"),
            LoadErrorKind::Syntax(message)
            | LoadErrorKind::Parse(message)
            | LoadErrorKind::Invalid(message) => f.write_str(message),
            LoadErrorKind::Unreadable(why) => write!(f, "cannot read the file: {why}"),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_labelled(f, None)
    }
}

impl LoadError {
    /// Writes `path:line:col: [label: ]message`, then the line and a caret, as
    /// compilers do. `validate` labels each problem `error` or `warning`.
    pub fn write_labelled(&self, f: &mut dyn fmt::Write, label: Option<&str>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(Position { line, column }) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        match label {
            Some(label) => write!(f, ": {label}: {}", self.kind)?,
            None => write!(f, ": {}", self.kind)?,
        }
        if let (Some(echo), Some(Position { line, .. })) = (&self.line_text, self.position) {
            let text = &echo.text;
            let gutter = line.to_string().len();
            let caret_pad: String = text
                .chars()
                .take(echo.caret)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{:gutter$} |\n{line} | {text}\n{:gutter$} | {caret_pad}^",
                "", ""
            )?;
        }
        Ok(())
    }

    /// An error at a position in `source`, with the line kept for display.
    pub fn at(
        path: impl Into<PathBuf>,
        source: &str,
        position: Option<Position>,
        kind: LoadErrorKind,
    ) -> Self {
        // Kept clipped around the column: a 10 MB line is not copied into every error.
        let line_text = position
            .and_then(|p| {
                let line = source.lines().nth(p.line.saturating_sub(1))?;
                Some((line.trim_end_matches('\r'), p.column.saturating_sub(1)))
            })
            .map(|(line, column)| clip_around(line, column));
        LoadError {
            path: path.into(),
            position,
            kind,
            line_text: line_text.map(|(text, caret)| Box::new(EchoedLine { text, caret })),
        }
    }

    /// An error about the whole file.
    pub fn file(path: impl Into<PathBuf>, kind: LoadErrorKind) -> Self {
        LoadError {
            path: path.into(),
            position: None,
            kind,
            line_text: None,
        }
    }
}

/// How many characters of an offending line are echoed on each side of the column.
const ECHO_SIDE: usize = 60;

/// The part of `line` around character `column` that an error echoes, marked with `…`
/// where it was cut, and the caret's character index in it.
fn clip_around(line: &str, column: usize) -> (String, usize) {
    let total = line.chars().count();
    if total <= 2 * ECHO_SIDE {
        return (line.to_string(), column);
    }
    let start = column
        .saturating_sub(ECHO_SIDE)
        .min(total.saturating_sub(2 * ECHO_SIDE));
    let end = (start + 2 * ECHO_SIDE).min(total);
    let mut clipped = String::new();
    let mut caret = column - start;
    if start > 0 {
        clipped.push('…');
        caret += 1;
    }
    clipped.extend(line.chars().skip(start).take(end - start));
    if end < total {
        clipped.push('…');
    }
    (clipped, caret)
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl std::error::Error for LoadError {}
