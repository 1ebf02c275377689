//! Lists of fixed phrases found in raw text: whole words, any letter case, any run of
//! white space between words, either apostrophe. It finds what the regex
//! `(?i)\b(?:first|second|…)\b` (words joined by `\s+`) would find, and builds in a
//! fraction of the time: one of those regexes took longer to build than a response
//! takes to score, and each command built several at start-up.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::text::Span;

/// Lists of comma-separated phrases, compiled into one automaton so that a text is
/// read once for all of them.
#[derive(Debug)]
pub struct PhraseLists {
    automaton: AhoCorasick,
    /// The list each pattern belongs to.
    list_of: Vec<usize>,
    lists: usize,
}

impl PhraseLists {
    /// The phrases of each list: lower-case ASCII words, single spaces between them,
    /// each starting and ending with a letter or digit.
    pub fn new(lists: &[&str]) -> Self {
        let mut phrases = Vec::new();
        let mut list_of = Vec::new();
        for (list, text) in lists.iter().enumerate() {
            for phrase in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                phrases.push(phrase);
                list_of.push(list);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            // Every match, so that one refused by a word boundary does not hide a
            // shorter or later phrase at the same place.
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(phrases)
            .expect("a phrase list this small always builds");
        PhraseLists {
            automaton,
            list_of,
            lists: lists.len(),
        }
    }

    /// For each list, where its phrases are found: leftmost first, never overlapping;
    /// where several start at the same place, the one listed first (a regex
    /// alternation's choice).
    pub fn find(&self, text: &str) -> Vec<Vec<Span>> {
        let view = Squeezed::new(text);
        let searched = view.text();
        let mut found: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(searched)
            .filter(|m| word_edge(searched, m.start()) && word_edge(searched, m.end()))
            .map(|m| (m.start(), m.pattern().as_usize(), m.end()))
            .collect();
        found.sort_unstable();
        let mut spans = vec![Vec::new(); self.lists];
        let mut after = vec![0; self.lists];
        for (start, pattern, end) in found {
            let list = self.list_of[pattern];
            if start >= after[list] {
                spans[list].push(Span::new(view.original(start), view.original(end)));
                after[list] = end;
            }
        }
        spans
    }
}

/// Whether byte `at` lies between an ASCII word character and something else (an
/// ASCII word boundary: other letters are not word characters).
fn word_edge(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let word = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    let before = at.checked_sub(1).is_some_and(word);
    before != word(at)
}

/// The text with every run of white space made one space and curly apostrophes made
/// straight, so that fixed phrases can be looked for in it; each of its bytes knows
/// the byte of the original it came from. Most texts need no change, and are not copied.
enum Squeezed<'t> {
    Same(&'t str),
    Changed {
        text: String,
        /// For each byte of `text`, and one past its end, the original byte offset.
        origin: Vec<usize>,
    },
}

impl<'t> Squeezed<'t> {
    fn new(original: &'t str) -> Self {
        let bytes = original.as_bytes();
        let changes = !original.is_ascii()
            || bytes.iter().any(|b| (b'\t'..=b'\r').contains(b))
            || bytes.windows(2).any(|pair| pair == b"  ");
        if !changes {
            return Squeezed::Same(original);
        }
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
        Squeezed::Changed { text, origin }
    }

    /// The text to search.
    fn text(&self) -> &str {
        match self {
            Squeezed::Same(text) => text,
            Squeezed::Changed { text, .. } => text,
        }
    }

    /// The original offset of byte `at` of the squeezed text.
    fn original(&self, at: usize) -> usize {
        match self {
            Squeezed::Same(_) => at,
            Squeezed::Changed { text, origin } => origin.get(at).copied().unwrap_or(text.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct PhraseList(PhraseLists);

    impl PhraseList {
        fn new(list: &str) -> Self {
            PhraseList(PhraseLists::new(&[list]))
        }
        fn count(&self, text: &str) -> usize {
            self.0.find(text)[0].len()
        }
    }

    fn found<'t>(list: &PhraseList, text: &'t str) -> Vec<&'t str> {
        list.0.find(text)[0]
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
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
    fn each_list_is_found_on_its_own() {
        let lists = PhraseLists::new(&["not my problem", "my problem, problem"]);
        let text = "It's not my problem.";
        let found = lists.find(text);
        let words =
            |list: &[Span]| -> Vec<&str> { list.iter().map(|s| &text[s.start..s.end]).collect() };
        assert_eq!(words(&found[0]), ["not my problem"]);
        assert_eq!(words(&found[1]), ["my problem"]);
    }

    #[test]
    fn counts_matches_that_do_not_overlap() {
        let list = PhraseList::new("synergy, leverage");
        assert_eq!(list.count("Synergy, synergy and leverage; leveraged."), 3);
    }
}
