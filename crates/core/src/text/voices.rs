//! Whose words are these? A response may be a transcript with the judge's lines in
//! it ("Judge: ... / Me: ..."), or quote what someone else said ("she told me
//! \"that's not my problem\""). Only the student's own words earn credit.

use super::Span;

/// Speaker labels that mark the student's own lines in a transcript.
const OWN_LABELS: &[&str] = &[
    "me",
    "i",
    "student",
    "participant",
    "you",
    "manager",
    "employee",
    "associate",
    "rep",
    "representative",
    "staff",
];

/// Labels that mark someone else's line.
const OTHER_LABELS: &[&str] = &[
    "judge",
    "customer",
    "client",
    "guest",
    "member",
    "patient",
    "owner",
    "caller",
    "parent",
    "q",
    "question",
    "interviewer",
];

/// Lines spoken by someone other than the student: those labelled as the judge's or
/// the customer's (or labelled with a name from `other_names`, such as the judge's
/// character), up to the next labelled line. Byte spans of whole lines.
pub fn other_speakers(text: &str, other_names: &[String]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut in_other = false;
    let mut labelled_any = false;
    for line in text.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len());
        offset += line.len();
        match label(line) {
            Some(label) => {
                labelled_any = true;
                let lower = label.to_lowercase();
                let own = OWN_LABELS.contains(&lower.as_str());
                in_other = !own
                    && (OTHER_LABELS.contains(&lower.as_str())
                        || other_names
                            .iter()
                            .any(|n| n.eq_ignore_ascii_case(label) || first_word_eq(n, label)));
            }
            // A blank line ends a turn only in a transcript whose turns are labelled.
            None if line.trim().is_empty() && !labelled_any => in_other = false,
            None => {}
        }
        if in_other {
            out.push(span);
        }
    }
    out
}

fn first_word_eq(name: &str, label: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|first| first.eq_ignore_ascii_case(label))
}

/// A speaker label at the start of a line: one or two words, then a colon.
fn label(line: &str) -> Option<&str> {
    let trimmed = line.trim_start().trim_start_matches(['*', '_', '[', '(']);
    let (head, _) = trimmed.split_once(':')?;
    let head = head.trim().trim_end_matches(['*', '_', ']', ')']);
    let words = head.split_whitespace().count();
    let plain = head
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '\'');
    (plain && (1..=2).contains(&words) && head.len() <= 24).then_some(head)
}

/// Words that introduce someone else's words: "she said", "he told me", "they asked".
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "asked",
    "wrote",
    "mentioned",
    "claimed",
    "complained",
    "posted",
    "wanted",
];

/// Quoted speech and reported speech: text inside quotation marks of four words or
/// more, and what follows "he said" / "she told me" / "they wanted" up to the end of
/// the sentence. Byte spans.
pub fn quoted(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Straight quotes pair up in order; curly quotes open and close explicitly.
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"' | '\u{201C}', None) => open = Some(i + c.len_utf8()),
            ('"' | '\u{201D}', Some(start)) => {
                let inside = &text[start..i];
                if inside.split_whitespace().count() >= 2 {
                    out.push(Span::new(start, i));
                }
                open = None;
            }
            ('\n', Some(_)) if text[i + 1..].starts_with('\n') => open = None,
            _ => {}
        }
    }
    out.extend(reported(text));
    out.sort_by_key(|s| s.start);
    out
}

/// "she said she wanted an apology": from the reporting verb after a third-person
/// subject to the end of the sentence.
fn reported(text: &str) -> Vec<Span> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let words: Vec<(usize, &str)> = word_positions(&lower);
    for pair in words.windows(2) {
        let [(_, subject), (at, verb)] = pair else {
            continue;
        };
        let third_person = matches!(*subject, "he" | "she" | "they");
        if third_person && REPORTING_VERBS.contains(verb) {
            let start = at + verb.len();
            let end = lower[start..]
                .find(['.', '!', '?', '\n'])
                .map_or(lower.len(), |e| start + e);
            if end > start {
                out.push(Span::new(start, end));
            }
        }
    }
    out
}

fn word_positions(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || c == '\'';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// `text` with the given spans blanked out (replaced by spaces, newlines kept), so
/// every byte offset still points at the same place in the original.
pub fn blank(text: &str, spans: &[Span]) -> String {
    if spans.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for span in spans {
        if span.start < last {
            continue;
        }
        out.push_str(&text[last..span.start]);
        for c in text[span.start..span.end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        last = span.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_lines_are_someone_elses() {
        let text =
            "Judge: Why did this happen?\nMe: I'm sorry, I will fix it.\nJudge: When?\nMe: Today.";
        let spans = other_speakers(text, &[]);
        let dropped: Vec<&str> = spans.iter().map(|s| text[*s].trim()).collect();
        assert_eq!(dropped, ["Judge: Why did this happen?", "Judge: When?"]);
    }

    #[test]
    fn the_judges_character_by_name_is_someone_else() {
        let text = "Dana: I want a refund.\nMe: Of course, Dana.";
        let spans = other_speakers(text, &["Dana Whitfield".into()]);
        assert_eq!(spans.len(), 1);
    }

    #[test]
    fn a_colon_in_prose_is_no_label() {
        let text = "Here is my plan: I will call you today and refund the fee.";
        assert!(other_speakers(text, &[]).is_empty());
    }

    #[test]
    fn quoted_and_reported_speech_are_found() {
        let text = "He said \"that's not my problem\" to you. She said she wanted an apology.";
        let spans = quoted(text);
        for words in ["not my problem", "wanted an apology"] {
            let at = text.find(words).unwrap();
            let span = Span::new(at, at + words.len());
            assert!(spans.iter().any(|s| s.contains(span)), "{words}");
        }
        let own = text.find("to you").unwrap();
        assert!(!spans.iter().any(|s| s.contains(Span::new(0, 2))), "{own}");
    }

    #[test]
    fn blanking_keeps_offsets() {
        let text = "ab\u{2019}cd\nef";
        let out = blank(text, &[Span::new(0, 6)]);
        assert_eq!(out.len(), text.len());
        assert!(out.ends_with("\nef") || out.ends_with("ef"));
    }
}
