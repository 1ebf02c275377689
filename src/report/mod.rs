//! Rendering a [`Scorecard`](crate::engine::Scorecard): each renderer takes the
//! scorecard and the response it scored and writes to any `Write`.

pub mod agreement;
pub mod html;
pub mod json;
pub mod markdown;
pub mod progress;
pub mod roster;
pub mod summary;
pub mod text;

use crate::model::Case;
use crate::store::Answer;
use crate::text::Span;

/// What a report may show beyond the scorecard: the case, the answers to the judge's
/// questions, and when the attempt was made.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The case, for its summary and questions.
    pub case: Option<&'a Case>,
    /// Answers to the judge's questions.
    pub answers: &'a [Answer],
    /// When the attempt was made, as the reader's local time.
    pub when: Option<&'a str>,
    /// The student's name, printed on the form.
    pub student: Option<&'a str>,
}

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
/// the text before, the match, and the text after (each with its own spacing).
pub fn excerpt(
    response: &str,
    context: Span,
    matched: Span,
    max: usize,
) -> (String, String, String) {
    let context = context.cover(matched);
    let before = flat(&response[Span::new(context.start, matched.start)]);
    let hit = flat(&response[matched]).trim().to_string();
    let after = flat(&response[Span::new(matched.end, context.end)]);
    let budget = max.saturating_sub(hit.chars().count());
    let (before_len, after_len) = (before.chars().count(), after.chars().count());
    let keep_before = before_len.min((budget / 2).max(budget.saturating_sub(after_len)));
    let keep_after = after_len.min(budget.saturating_sub(keep_before));
    (
        tail_chars(&before, keep_before),
        hit,
        head_chars(&after, keep_after),
    )
}

/// Whitespace runs as single spaces, keeping a leading or trailing space.
fn flat(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".to_string()
        };
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{}{trail}", words.join(" "))
}

/// The last `keep` characters, the first replaced by "…" when cut.
fn tail_chars(text: &str, keep: usize) -> String {
    let count = text.chars().count();
    if count <= keep {
        return text.to_string();
    }
    if keep == 0 {
        return String::new();
    }
    let tail: String = text.chars().skip(count - (keep - 1)).collect();
    format!("…{tail}")
}

/// The first `keep` characters, the last replaced by "…" when cut.
fn head_chars(text: &str, keep: usize) -> String {
    if text.chars().count() <= keep {
        return text.to_string();
    }
    if keep == 0 {
        return String::new();
    }
    let head: String = text.chars().take(keep - 1).collect();
    format!("{head}…")
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
        assert!(before.chars().count() + 5 + after.chars().count() <= 40);
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
