//! Errors reworded for people: the parser's (the text is not YAML) from its structured
//! error, and serde_yaml's (the key or value at fault, what was expected), each with
//! its position.

use std::path::{Path, PathBuf};

use super::tree::SyntaxError;
use super::{shape, yaml_words};
use crate::error::{LoadError, LoadErrorKind, Position};

/// The parser's error (the text is not YAML) in a coach's words, pointing where the
/// mistake was made: an unclosed quote where it opens, a tab where it is.
pub(super) fn syntax_error(path: &Path, text: &str, error: &SyntaxError) -> LoadError {
    // A reader's error (a control character) names a byte, not a line.
    let position = Some(
        error
            .offset
            .map_or(error.at, |o| shape::position_of(text, o)),
    );
    let tab_on = |at: Option<Position>| {
        at.and_then(|p| text.lines().nth(p.line.saturating_sub(1)))
            .is_some_and(|l| l.contains('\t'))
    };
    let context = error.context.as_ref().map(|(what, at)| {
        let elsewhere = (*at != error.at).then_some(*at);
        (what.as_str(), elsewhere)
    });
    // A control character is reported as the reader says it, at the byte it names.
    let reworded = if error.problem.contains("control characters") {
        None
    } else {
        yaml_words::reword(&error.problem, context)
    };
    let Some(mut said) = reworded else {
        let hint = if tab_on(position) {
            " (YAML does not allow tabs for indentation: use spaces)"
        } else {
            ""
        };
        let kind = LoadErrorKind::Syntax(format!("{}{hint}", error.problem));
        return LoadError::at(PathBuf::from(path), text, position, kind);
    };
    let open = position.and_then(|p| yaml_words::unclosed_quote(text, p.line));
    if let Some(open) = open.filter(|_| said.position.is_none()) {
        said.position = Some(open);
        said.message = "this quoted text is not closed on its line: add the closing quote at the end of the value".into();
    }
    if tab_on(said.position.or(position)) {
        said.message =
            "a tab in the indentation: YAML does not allow tabs there; indent with spaces".into();
    }
    LoadError::at(
        PathBuf::from(path),
        text,
        said.position.or(position),
        LoadErrorKind::Parse(said.message),
    )
}

/// Rewords a serde_yaml error about the document's shape (a value of the wrong kind, a
/// key missing or unknown) for people, keeping its position. The text is YAML by now:
/// the parser's own errors are worded by [`syntax_error`].
pub(super) fn yaml_error(path: &Path, text: &str, error: &serde_yaml::Error) -> LoadError {
    let position = error.location().map(|l| Position {
        line: l.line(),
        column: l.column(),
    });
    // serde_yaml's message ends with the position, which `location` gives already.
    let mut message = error.to_string();
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    // serde_yaml prefixes the key path ("look_for.CR:007[0]: "); keep it for context.
    let (at, body) = match message.find(": ") {
        Some(i) if !message[..i].contains(' ') && !message[..i].contains('`') => {
            (Some(&message[..i]), &message[i + 2..])
        }
        _ => (None, message.as_str()),
    };
    let kind = if let Some(rest) = body.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        LoadErrorKind::UnknownKey {
            key,
            expected: expected_keys(rest),
        }
    } else if let Some(rest) = body.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        let key = match at {
            Some(at) => format!("{at}.{key}"),
            None => key,
        };
        LoadErrorKind::MissingKey(key)
    } else {
        let tab = position
            .and_then(|p| text.lines().nth(p.line.saturating_sub(1)))
            .is_some_and(|l| l.contains('\t'));
        let hint = if tab {
            " (YAML does not allow tabs for indentation: use spaces)"
        } else {
            ""
        };
        match at {
            Some(at) => LoadErrorKind::Syntax(format!("{at}: {body}{hint}")),
            None => LoadErrorKind::Syntax(format!("{body}{hint}")),
        }
    };
    LoadError::at(PathBuf::from(path), text, position, kind)
}

/// The keys listed after "expected one of" in serde's unknown-field message.
fn expected_keys(rest: &str) -> Vec<String> {
    let Some(list) = rest.split_once("expected").map(|(_, l)| l) else {
        return Vec::new();
    };
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}
