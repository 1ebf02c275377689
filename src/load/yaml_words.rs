//! The YAML parser's messages in words a coach understands, at the place the mistake
//! was made: an unclosed quote is reported where the quote opens, not at the end of
//! the file where the parser gave up.

use crate::error::Position;

/// A parser message reworded, and where to point.
pub struct Reworded {
    /// The message for the coach.
    pub message: String,
    /// Where the mistake is, when that is not where the parser stopped.
    pub position: Option<Position>,
}

/// Whether a serde_yaml message comes from the YAML parser (the file is not YAML)
/// rather than from reading a value of the wrong shape.
pub fn is_parser_error(message: &str) -> bool {
    const PROBLEMS: &[&str] = &[
        "found ",
        "did not find",
        "could not find",
        "mapping values are not allowed",
        "block sequence entries are not allowed",
        "control characters are not allowed",
        "invalid leading UTF-8",
        "invalid trailing UTF-8",
        "unexpected end of",
    ];
    PROBLEMS.iter().any(|p| message.starts_with(p))
}

/// Rewords the parser's `problem` (such as `found unexpected end of stream`), given
/// what it was reading and where that began when not where the problem is
/// (`while scanning a quoted scalar`, 2:8).
pub fn reword(problem: &str, context: Option<(&str, Option<Position>)>) -> Option<Reworded> {
    if !is_parser_error(problem) {
        return None;
    }
    let context_at = context.and_then(|(_, at)| at);
    let context_what = context.map_or("", |(what, _)| what.trim_start_matches("while "));
    let (text, position) = if context_what.starts_with("scanning a quoted scalar") {
        (
            "this quoted text is never closed: add the closing quote at the end of the value (or remove the opening one)".to_string(),
            context_at,
        )
    } else if problem.starts_with("did not find expected ',' or ']'") {
        (
            "this `[` list is never closed: add the closing `]` (or put the value in quotes)"
                .to_string(),
            context_at,
        )
    } else if problem.starts_with("did not find expected ',' or '}'") {
        (
            "this `{` mapping is never closed: add the closing `}` (or put the value in quotes)"
                .to_string(),
            context_at,
        )
    } else if problem.starts_with("mapping values are not allowed") {
        (
            "a `key: value` cannot start here: line this key up with the keys above it, or put quotes around a value that contains \": \"".to_string(),
            None,
        )
    } else if problem.starts_with("did not find expected key") {
        (
            "this line is not indented like the lines around it: line it up with the keys above it"
                .to_string(),
            None,
        )
    } else if problem.starts_with("could not find expected ':'") {
        (
            "a key needs a colon after it (`key: value`); if this line continues the text above, indent it like that text".to_string(),
            context_at,
        )
    } else if problem.starts_with("did not find expected '-' indicator") {
        (
            "this list item is not indented like the items above it: start each item with `- ` at the same column".to_string(),
            None,
        )
    } else if problem.starts_with("block sequence entries are not allowed") {
        (
            "a list item (`- `) cannot start here: check its indentation, or put the value in quotes".to_string(),
            None,
        )
    } else if problem.starts_with("found character that cannot start any token") {
        (
            "this character cannot start a value (`@`, a backtick, or a tab): put the value in quotes, and indent with spaces".to_string(),
            None,
        )
    } else if problem.starts_with("did not find expected node content") {
        (
            "a value is missing or starts with a character YAML reserves: put the value in quotes"
                .to_string(),
            None,
        )
    } else if problem.starts_with("found unexpected end of stream") {
        (
            "the file ends in the middle of a value: check that every quote and bracket is closed"
                .to_string(),
            context_at,
        )
    } else {
        (format!("this is not valid YAML here ({problem})"), None)
    };
    Some(Reworded {
        message: text,
        position,
    })
}

/// The first line at or above `line` (1-based) whose value opens a double quote that
/// the line never closes: a quote left open there swallows the following lines, and
/// the parser only complains where a later quote happens to close it.
pub fn unclosed_quote(text: &str, line: usize) -> Option<Position> {
    for (index, raw) in text.lines().enumerate().take(line) {
        let trimmed = raw.trim_start();
        let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        let Some(colon) = item.find(": ") else {
            continue;
        };
        let key = &item[..colon];
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || "_-:".contains(c))
        {
            continue;
        }
        let value = item[colon + 2..].trim_start();
        let value = value.strip_prefix('[').unwrap_or(value).trim_start();
        if !value.starts_with('"') && !value.contains(", \"") {
            continue;
        }
        let quotes = value
            .match_indices('"')
            .filter(|(i, _)| !value[..*i].ends_with('\\'))
            .count();
        if quotes % 2 == 1 {
            let offset = raw.len() - value.len();
            let column = raw[..offset].chars().count() + 1;
            return Some(Position {
                line: index + 1,
                column,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_points_where_it_opens() {
        let opened = Position { line: 2, column: 8 };
        let context = Some(("while scanning a quoted scalar", Some(opened)));
        let said = reword("found unexpected end of stream", context).unwrap();
        assert!(said.message.contains("never closed"));
        assert_eq!(said.position, Some(Position { line: 2, column: 8 }));
    }

    #[test]
    fn a_quote_left_open_is_found_above_the_error() {
        let text = "title: \"The book\nrole: a\nlist: [a, \"b]\nok: \"fine\"\n";
        assert_eq!(
            unclosed_quote(text, 3),
            Some(Position { line: 1, column: 8 })
        );
        assert_eq!(unclosed_quote("ok: \"fine\"\nsay: it's \"x\"\n", 2), None);
    }

    #[test]
    fn shape_errors_are_not_parser_errors() {
        assert!(reword("invalid type: string \"x\", expected a sequence", None).is_none());
        assert!(reword("mapping values are not allowed in this context", None).is_some());
    }
}
