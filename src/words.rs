//! Text cut and wrapped by display width (wide characters take two columns), for every
//! report and list that prints to a terminal.

/// Cuts text to `width` columns of the terminal (wide characters count two), at a
/// word when one ends near the cut, marking the cut with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        cut.push(c);
    }
    // Prefer the end of a word when one is within the last third of the room.
    if let Some(space) = cut.rfind(' ').filter(|&i| i * 3 >= cut.len() * 2) {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}

/// Wraps text into lines of at most `width` terminal columns, breaking between
/// words (a word longer than a line is split).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    textwrap::wrap(&text, width.max(1))
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// The text with its first letter in upper case.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::{fit, wrap};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wide_characters_take_two_columns() {
        for line in wrap("顧客の苦情に対応する 顧客の苦情に対応する 顧客の苦情", 12)
        {
            assert!(line.width() <= 12, "{line}");
        }
        assert!(fit("顧客の苦情に対応する", 9).width() <= 9);
    }

    #[test]
    fn fit_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(fit("Handle customer complaints", 20), "Handle customer…");
        assert_eq!(fit("short", 20), "short");
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
    }
}
