//! Rendering a [`Scorecard`](crate::engine::Scorecard). The text, Markdown and HTML
//! reports lay out one [`view::View`] of the scorecard, worded once; JSON writes the
//! contract's wire shape.

pub mod agreement;
pub mod attempts;
pub mod html;
pub use crate::wire as json;
pub mod markdown;
pub mod progress;
pub mod roster;
pub mod spreadsheet;
pub mod summary;
pub mod text;
pub mod view;
pub mod visible;

use crate::model::Answer;
use crate::model::Case;
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

/// Says on every report that the overall rating is ours, not DECA's.
pub const RATING_NOTE: &str = "The rating beside the total is this tool's summary, with cut-offs of our own; DECA's form rates each line, not the whole.";

/// Where the total stands against the level DECA's Certificate of Excellence asks for.
/// DECA awards the certificate on a whole event's score, so a report never says one
/// role-play earned it.
pub fn certificate_line(card: &crate::engine::Scorecard, form: &crate::model::Form) -> String {
    let line = form.total.certificate;
    if card.certificate {
        format!("at or above {line}, the total the Certificate of Excellence asks for")
    } else {
        format!(
            "{} below {line}, the total the Certificate of Excellence asks for",
            line.saturating_sub(card.total)
        )
    }
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

/// What a judge takes from the whole response before any one indicator, as short
/// sentences every report shows the same way: why it was held down (if it was), the
/// case's facts it used, how firmly it commits, and its delivery.
pub fn reading_summary(card: &crate::engine::Scorecard) -> Vec<String> {
    let r = &card.reading;
    let mut lines = Vec::new();
    if r.words == 0 {
        return lines;
    }
    if let Some(held) = card.held {
        lines.push(format!(
            "Held down as a whole: {}; every line scores little until that changes.",
            held.reason()
        ));
    }
    if r.facts.is_empty() {
        lines.push(
            "Uses none of the case's own facts: name the people, figures and policy in the case."
                .to_string(),
        );
    } else {
        // Names and words first, then figures: "Kessler, Trailhead, 38, $479" reads
        // better than a row of numbers.
        let mut ordered: Vec<&str> = r.facts.iter().map(String::as_str).collect();
        ordered.sort_by_key(|f| f.chars().any(|c| c.is_ascii_digit()));
        let shown: Vec<&str> = ordered.into_iter().take(8).collect();
        let more = r.facts.len().saturating_sub(shown.len());
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        lines.push(format!(
            "Case facts used: {}{tail} ({:.0}% of what the case offers).",
            shown.join(", "),
            r.fact_share * 100.0
        ));
    }
    let hedges = if r.hedges > 0 {
        format!(
            ", {} hedge{} (\"maybe\", \"I'll try\") that count for less",
            r.hedges,
            plural(r.hedges)
        )
    } else {
        String::new()
    };
    lines.push(format!(
        "Firm commitments: {} of {} sentence{}{hedges}.",
        r.commitments,
        r.sentences,
        plural(r.sentences)
    ));
    if r.disrespect > 0 {
        lines.push(format!(
            "{} sentence{} dismiss or blame the customer and earn nothing.",
            r.disrespect,
            plural(r.disrespect)
        ));
    }
    if r.fillers >= 2.0 {
        lines.push(format!(
            "Fillers (\"um\", \"you know\"): {:.1} per 100 words.",
            r.fillers
        ));
    }
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
    // Only the text near the match can be shown: a window a few times the quote's
    // width keeps each quote's cost bounded however long the sentence is.
    let reach = max.saturating_mul(4).max(16);
    let before = flat(last_chars(
        &response[Span::new(context.start, matched.start)],
        reach,
    ));
    let hit = flat(&response[matched]).trim().to_string();
    let after = flat(first_chars(
        &response[Span::new(matched.end, context.end)],
        reach,
    ));
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

/// At most the last `n` characters of `text`, found from the end.
fn last_chars(text: &str, n: usize) -> &str {
    match text.char_indices().rev().nth(n) {
        Some((at, c)) => &text[at + c.len_utf8()..],
        None => text,
    }
}

/// At most the first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
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
    fn windows_take_whole_characters_from_either_end() {
        assert_eq!(last_chars("héllo wörld", 3), "rld");
        assert_eq!(first_chars("héllo", 2), "hé");
        assert_eq!(last_chars("ab", 5), "ab");
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
