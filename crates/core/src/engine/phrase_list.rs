//! A list of fixed phrases found in raw text: whole words, any letter case, any run of
//! white space between words, either apostrophe. It finds what the regex
//! `(?i)\b(?:first|second|…)\b` (words joined by `\s+`) would find, and builds in a
//! fraction of the time: one of those regexes took longer to build than a response
//! takes to score, and each command built several at start-up.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::Span;

/// Comma-separated phrases compiled into one automaton.
#[derive(Debug)]
pub struct PhraseList {
    automaton: AhoCorasick,
}

impl PhraseList {
    /// The phrases of a comma-separated list: lower-case ASCII words, single spaces
    /// between them, each starting and ending with a letter or digit.
    pub fn new(list: &str) -> Self {
        let phrases = list.split(',').map(str::trim).filter(|p| !p.is_empty());
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            // Every match, so that one refused by a word boundary does not hide a
            // shorter or later phrase at the same place.
            .match_kind(MatchKind::Standard)
            .build(phrases)
            .expect("a phrase list this small always builds");
        PhraseList { automaton }
    }

    /// Where the phrases are found, leftmost first, never overlapping; where several
    /// start at the same place, the one listed first (a regex alternation's choice).
    pub fn find(&self, text: &str) -> Vec<Span> {
        let view = Squeezed::new(text);
        let mut found: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(view.text.as_str())
            .filter(|m| view.word_edge(m.start()) && view.word_edge(m.end()))
            .map(|m| (m.start(), m.pattern().as_usize(), m.end()))
            .collect();
        found.sort_unstable();
        let mut spans = Vec::new();
        let mut after = 0;
        for (start, _, end) in found {
            if start >= after {
                spans.push(Span::new(view.original(start), view.original(end)));
                after = end;
            }
        }
        spans
    }

    /// How many times the phrases are found, as [`PhraseList::find`] finds them.
    pub fn count(&self, text: &str) -> usize {
        self.find(text).len()
    }
}

/// The text with every run of white space made one space and curly apostrophes made
/// straight, so that fixed phrases can be looked for in it; each of its bytes knows
/// the byte of the original it came from.
struct Squeezed {
    text: String,
    /// For each byte of `text`, and one past its end, the original byte offset.
    origin: Vec<usize>,
}

impl Squeezed {
    fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut in_space = false;
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    origin.push(at);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let c = if c == '\u{2019}' { '\'' } else { c };
            let before = text.len();
            text.push(c);
            origin.extend((0..text.len() - before).map(|i| at + i));
        }
        origin.push(original.len());
        Squeezed { text, origin }
    }

    /// Whether byte `at` lies between an ASCII word character and something else (an
    /// ASCII word boundary: other letters are not word characters).
    fn word_edge(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        let before = at.checked_sub(1).is_some_and(word);
        before != word(at)
    }

    /// The original offset of byte `at` of the squeezed text.
    fn original(&self, at: usize) -> usize {
        self.origin.get(at).copied().unwrap_or(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(list: &PhraseList, text: &'t str) -> Vec<&'t str> {
        list.find(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn finds_whole_words_in_any_case_across_any_white_space() {
        let list = PhraseList::new("not my problem, calm down, scam");
        assert_eq!(
            found(&list, "That is NOT my\n  problem. Please Calm\tdown."),
            ["NOT my\n  problem", "Calm\tdown"]
        );
        assert!(found(&list, "a scamper and notmy problem").is_empty());
    }

    #[test]
    fn an_apostrophe_matches_either_kind_and_offsets_stay_in_the_original() {
        let list = PhraseList::new("that's on you");
        let text = "Well — that\u{2019}s on you.";
        assert_eq!(found(&list, text), ["that\u{2019}s on you"]);
    }

    #[test]
    fn a_phrase_refused_at_a_boundary_leaves_room_for_another_and_the_first_listed_wins() {
        let list = PhraseList::new("because, so that, so that is why");
        // "becausee" is not a word of the list, "so that is why" and "so that" both
        // start at the same place: the first listed is taken, as an alternation would.
        assert_eq!(found(&list, "becausee so that is why"), ["so that"]);
        let list = PhraseList::new("you people, you");
        assert_eq!(found(&list, "you peoples and you"), ["you", "you"]);
    }

    #[test]
    fn counts_matches_that_do_not_overlap() {
        let list = PhraseList::new("synergy, leverage");
        assert_eq!(list.count("Synergy, synergy and leverage; leveraged."), 3);
    }
}
