//! Rendering a [`Scorecard`](crate::engine::Scorecard): each renderer takes the
//! scorecard and the response it scored and writes to any `Write`.

pub mod json;
pub mod text;

use crate::text::Span;

/// Where a report is going: how wide, and whether it may use colour.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Columns available.
    pub width: usize,
    /// Whether to emit ANSI colour.
    pub color: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 80,
            color: false,
        }
    }
}

/// A quote cut to at most `max` characters around the matched words, on one line:
/// the text before, the match, and the text after.
pub fn excerpt(
    response: &str,
    context: Span,
    matched: Span,
    max: usize,
) -> (String, String, String) {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let context = context.cover(matched);
    let before = flat(&response[Span::new(context.start, matched.start)]);
    let hit = flat(&response[matched]);
    let after = flat(&response[Span::new(matched.end, context.end)]);
    let room = max.saturating_sub(hit.chars().count() + 2);
    let keep_before = (room / 2).max(room.saturating_sub(after.chars().count()));
    let before = tail_chars(&before, keep_before);
    let keep_after = room.saturating_sub(before.chars().count());
    let after = head_chars(&after, keep_after);
    let space_before = if before.is_empty() || before.ends_with(' ') {
        ""
    } else {
        " "
    };
    let space_after = if after.is_empty() || after.starts_with([',', '.', '!', '?', ';', ':', ' '])
    {
        ""
    } else {
        " "
    };
    let before = if before.is_empty() {
        before
    } else {
        format!("{before}{space_before}")
    };
    let mut after = if after.is_empty() {
        after
    } else {
        format!("{space_after}{after}")
    };
    let total = before.chars().count() + hit.chars().count() + after.chars().count();
    if total > max {
        let keep = after.chars().count().saturating_sub(total - max);
        after = head_chars(&after, keep);
    }
    (before, hit, after)
}

fn tail_chars(text: &str, keep: usize) -> String {
    let count = text.chars().count();
    if count <= keep {
        return text.to_string();
    }
    let tail: String = text.chars().skip(count - keep.saturating_sub(1)).collect();
    format!("…{}", tail.trim_start())
}

fn head_chars(text: &str, keep: usize) -> String {
    if text.chars().count() <= keep {
        return text.to_string();
    }
    let head: String = text.chars().take(keep.saturating_sub(1)).collect();
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_keeps_the_match_and_cuts_around_it() {
        let text =
            "Well, first of all I am so very sorry about what happened with the laptop you bought.";
        let start = text.find("sorry").unwrap();
        let (before, hit, after) = excerpt(
            text,
            Span::new(0, text.len()),
            Span::new(start, start + 5),
            40,
        );
        assert_eq!(hit, "sorry");
        assert!(
            before.starts_with('…') && after.ends_with('…'),
            "{before:?} {after:?}"
        );
        assert!(before.chars().count() + 5 + after.chars().count() <= 41);
    }

    #[test]
    fn short_quotes_are_whole() {
        let text = "I'm sorry.";
        let (before, hit, after) = excerpt(text, Span::new(0, 10), Span::new(4, 9), 60);
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("I'm ", "sorry", ".")
        );
    }
}
