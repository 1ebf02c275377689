//! serde_yaml's errors reworded for people: the key or value at fault, what was
//! expected, and the position.

use std::path::{Path, PathBuf};

use super::{shape, yaml_words};
use crate::error::{LoadError, LoadErrorKind, Position};

/// Rewords a serde_yaml error for people, keeping its position.
pub(super) fn yaml_error(path: &Path, text: &str, error: &serde_yaml::Error) -> LoadError {
    let mut position = error.location().map(|l| Position {
        line: l.line(),
        column: l.column(),
    });
    let full = error.to_string();
    // The parser's own messages (the file is not YAML) in a coach's words, pointing
    // where the mistake was made.
    let bare = full.split_once(": ").map_or(full.as_str(), |(head, rest)| {
        if head.contains(' ') {
            full.as_str()
        } else {
            rest
        }
    });
    // A control character is reported below, at the byte the reader names.
    let reworded = if bare.contains("control characters") {
        None
    } else {
        yaml_words::reword(bare)
    };
    if let Some(mut said) = reworded {
        let open = position.and_then(|p| yaml_words::unclosed_quote(text, p.line));
        if let Some(open) = open.filter(|_| said.position.is_none()) {
            said.position = Some(open);
            said.message = "this quoted text is not closed on its line: add the closing quote at the end of the value".into();
        }
        let at = said.position.or(position);
        if at
            .and_then(|p| text.lines().nth(p.line.saturating_sub(1)))
            .is_some_and(|l| l.contains('\t'))
        {
            said.message =
                "a tab in the indentation: YAML does not allow tabs there; indent with spaces"
                    .into();
        }
        return LoadError::at(
            PathBuf::from(path),
            text,
            said.position.or(position),
            LoadErrorKind::Parse(said.message),
        );
    }
    let mut message = full;
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    // The reader's errors (a control character, say) give a byte offset instead.
    if let Some(cut) = message.rfind(" at position ") {
        let offset = message[cut + 13..].trim().parse::<usize>().ok();
        if let Some(offset) = offset {
            if position.is_none_or(|p| p.line == 1 && p.column == 1) {
                position = Some(shape::position_of(text, offset));
            }
            message.truncate(cut);
        }
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
