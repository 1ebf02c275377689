//! Cuts a response into word tokens, segments (between commas and the like) and
//! sentences, keeping every position as a byte span into the unchanged text.

use std::ops::Range;

use super::normalize::{Norm, Piece, normalize_word};
use super::span::Span;

/// One normalized word piece. A contraction gives two tokens that share a span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the word is in the text.
    pub span: Span,
    /// The stemmed, lower-case form used for matching.
    pub norm: Norm,
    /// Left out of phrase matching (articles, possessives, fillers).
    pub skip: bool,
    /// The word began with a capital letter.
    pub capitalized: bool,
    /// The word is made of digits.
    pub number: bool,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// Index of the segment (a stretch between commas, colons, dashes...) that holds it.
    pub segment: usize,
}

/// A sentence: a token range and the span from its first word to its end mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, end punctuation included.
    pub span: Span,
    /// Its tokens, as indices into [`Tokenized::tokens`].
    pub tokens: Range<usize>,
}

/// A stretch of a sentence between punctuation marks such as commas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The segment's text.
    pub span: Span,
    /// Its tokens, as indices into [`Tokenized::tokens`].
    pub tokens: Range<usize>,
}

/// A tokenized text.
#[derive(Clone, Debug, Default)]
pub struct Tokenized {
    /// Every word piece, in order.
    pub tokens: Vec<Token>,
    /// Sentences, in order; none is empty.
    pub sentences: Vec<Sentence>,
    /// Segments, in order; none is empty.
    pub segments: Vec<Segment>,
}

impl Tokenized {
    /// The normalized words that phrase matching sees (skipped words left out), in order.
    pub fn matchable_words(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| !t.skip)
            .map(|t| t.norm.as_str())
            .collect()
    }

    /// The number of words (a contraction counts once).
    pub fn word_count(&self) -> usize {
        let mut count = 0;
        let mut last = None;
        for token in &self.tokens {
            if last != Some(token.span) {
                count += 1;
                last = Some(token.span);
            }
        }
        count
    }
}

/// Titles and abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "prof", "inc", "co", "ltd", "no", "approx",
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Segment,
    Sentence,
}

/// The normalized forms of words already seen, kept by a caller that tokenizes many
/// texts (a class batch, one per thread): the core itself keeps nothing between calls.
#[derive(Default)]
pub struct WordCache {
    words: rustc_hash::FxHashMap<String, Vec<Piece>>,
}

/// Words a cache holds at most, so a hostile batch cannot grow it without bound.
const WORD_CACHE_LIMIT: usize = 100_000;

/// Tokenizes `text`. Never fails: any bytes that are not words are treated as spaces.
pub fn tokenize(text: &str) -> Tokenized {
    tokenize_with(text, None)
}

/// Tokenizes `text` as [`tokenize`] does, normalizing each word once per `cache`.
pub fn tokenize_cached(text: &str, cache: &mut WordCache) -> Tokenized {
    tokenize_with(text, Some(cache))
}

fn tokenize_with(text: &str, mut cache: Option<&mut WordCache>) -> Tokenized {
    let mut builder = Builder::default();
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    let mut pieces = Vec::new();
    while let Some((pos, ch)) = iter.next() {
        if ch.is_alphanumeric() {
            let end = word_end(text, pos);
            while iter.peek().is_some_and(|&(p, _)| p < end) {
                iter.next();
            }
            let word = &text[pos..end];
            pieces.clear();
            match cache.as_deref_mut() {
                Some(cache) => match cache.words.get(word) {
                    Some(known) => pieces.extend_from_slice(known),
                    None => {
                        normalize_word(word, &mut pieces);
                        if cache.words.len() < WORD_CACHE_LIMIT {
                            cache.words.insert(word.to_string(), pieces.clone());
                        }
                    }
                },
                None => normalize_word(word, &mut pieces),
            }
            let ends_in_abbreviation = bytes.get(end) == Some(&b'.')
                && (ABBREVIATIONS.contains(&word.to_lowercase().as_str()) || word.contains('.'));
            builder.push_word(Span::new(pos, end), word, &pieces);
            if ends_in_abbreviation {
                iter.next();
            }
            continue;
        }
        match ch {
            '.' | '!' | '?' | '\u{2026}' => builder.mark(Break::Sentence, pos + ch.len_utf8()),
            '\n' => {
                let rest = &text[pos + 1..];
                let next_line = rest.trim_start_matches([' ', '\t', '\r']);
                if next_line.starts_with('\n') || starts_with_bullet(next_line) {
                    builder.mark(Break::Sentence, pos);
                }
            }
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '\u{201C}' | '\u{201D}'
            | '\u{2014}' | '\u{2013}' | '/' => builder.mark(Break::Segment, pos),
            '-' if iter.peek().is_none_or(|&(_, c)| c.is_whitespace()) => {
                builder.mark(Break::Segment, pos)
            }
            _ => {}
        }
    }
    builder.finish()
}

/// Whether `text` has a word that phrase matching sees (not only articles, fillers
/// and the like): what `tokenize` would say, found without stemming every word.
pub fn has_matchable_word(text: &str) -> bool {
    let mut from = 0;
    while let Some((offset, _)) = text[from..]
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
    {
        let start = from + offset;
        let end = word_end(text, start);
        if !super::normalize::only_skipped(&text[start..end]) {
            return true;
        }
        from = end;
    }
    false
}

/// The end of the word that starts at `start`: letters and digits, apostrophes
/// between letters (I'll), and dots or commas between digits (1,149.50) or letters (p.m).
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let joins = match ch {
            c if c.is_alphanumeric() => true,
            '\'' | '\u{2019}' => next.is_some_and(char::is_alphabetic),
            '.' | ',' => {
                let prev = text[..start + offset].chars().next_back();
                let digits = prev.is_some_and(|c| c.is_ascii_digit())
                    && next.is_some_and(|c| c.is_ascii_digit());
                let initials = ch == '.'
                    && prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic)
                    && text[start..start + offset]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        <= 2;
                digits || initials
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = start + offset + ch.len_utf8();
    }
    end
}

fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '\u{2022}') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// The longest sentence kept whole, in tokens; spoken sentences are far shorter, and
/// a response typed without end marks is cut into sentences of this length.
const MAX_SENTENCE_TOKENS: usize = 200;

#[derive(Default)]
struct Builder {
    out: Tokenized,
    pending: Option<(Break, usize)>,
    sentence_start: usize,
    segment_start: usize,
}

impl Builder {
    fn mark(&mut self, kind: Break, at: usize) {
        let current = self.pending.map_or(Break::None, |(k, _)| k);
        if kind >= current {
            self.pending = Some((kind, at));
        }
    }

    fn push_word(&mut self, span: Span, word: &str, pieces: &[Piece]) {
        if let Some((kind, at)) = self.pending.take() {
            self.close(kind, at);
        } else if self.out.tokens.len() - self.sentence_start >= MAX_SENTENCE_TOKENS {
            // A run with no end mark is cut so no step's cost grows with its square.
            let at = self.out.tokens.last().map_or(span.start, |t| t.span.end);
            self.close(Break::Sentence, at);
        }
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        let number = word.starts_with(|c: char| c.is_ascii_digit());
        for piece in pieces {
            self.out.tokens.push(Token {
                span,
                norm: piece.norm.clone(),
                skip: piece.skip,
                capitalized,
                number,
                sentence: self.out.sentences.len(),
                segment: self.out.segments.len(),
            });
        }
    }

    fn close(&mut self, kind: Break, at: usize) {
        let end = self.out.tokens.len();
        if kind >= Break::Segment && end > self.segment_start {
            let tokens = self.segment_start..end;
            let span = self.out.tokens[tokens.start]
                .span
                .cover(self.out.tokens[end - 1].span);
            self.out.segments.push(Segment { span, tokens });
            self.segment_start = end;
        }
        if kind == Break::Sentence && end > self.sentence_start {
            let tokens = self.sentence_start..end;
            let first = self.out.tokens[tokens.start].span;
            let last = self.out.tokens[end - 1].span;
            let span = first.cover(Span::new(last.start, at.max(last.end)));
            self.out.sentences.push(Sentence { span, tokens });
            self.sentence_start = end;
        }
    }

    /// "I'm going to call" reads as "I be will call": the future's "going to" becomes
    /// "will", so a phrase "I will call" still finds it across the one-word gap.
    fn fold_going_to(&mut self) {
        let tokens = &mut self.out.tokens;
        for i in 1..tokens.len().saturating_sub(1) {
            if tokens[i - 1].norm == "be" && tokens[i].norm == "go" && tokens[i + 1].norm == "to" {
                tokens[i].norm = Norm::const_new("will");
                tokens[i + 1].skip = true;
            }
        }
    }

    fn finish(mut self) -> Tokenized {
        self.fold_going_to();
        let end = self.out.tokens.last().map_or(0, |t| t.span.end);
        let at = match self.pending.take() {
            Some((Break::Sentence, at)) => at,
            _ => end,
        };
        self.close(Break::Sentence, at);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        tokenize(text)
            .sentences
            .iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn a_run_with_no_end_mark_is_cut_into_bounded_sentences() {
        let text = "sorry ".repeat(1000);
        let tokenized = tokenize(&text);
        assert_eq!(tokenized.sentences.len(), 5);
        assert!(
            tokenized
                .sentences
                .iter()
                .all(|s| s.tokens.len() == MAX_SENTENCE_TOKENS)
        );
    }

    fn norms(text: &str) -> Vec<String> {
        tokenize(text)
            .tokens
            .into_iter()
            .map(|t| t.norm.into_string())
            .collect()
    }

    #[test]
    fn splits_sentences_at_end_marks() {
        assert_eq!(
            sentences("I'm sorry. What happened? Let me fix it!"),
            ["I'm sorry.", "What happened?", "Let me fix it!"]
        );
    }

    #[test]
    fn titles_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Delgado, it costs $1,149.50 today. Thanks."),
            ["Mr. Delgado, it costs $1,149.50 today.", "Thanks."]
        );
        assert_eq!(
            sentences("See you at 8 p.m. on Friday."),
            ["See you at 8 p.m. on Friday."]
        );
    }

    #[test]
    fn blank_lines_and_bullets_end_sentences_but_wrapped_lines_do_not() {
        assert_eq!(
            sentences("first line\nwraps here\n\nnew paragraph"),
            ["first line\nwraps here", "new paragraph"]
        );
        assert_eq!(
            sentences("Plan\n- call her\n- refund"),
            ["Plan", "call her", "refund"]
        );
    }

    #[test]
    fn contractions_share_one_span() {
        let t = tokenize("I'll call");
        assert_eq!(t.tokens.len(), 3);
        assert_eq!(t.tokens[0].span, t.tokens[1].span);
        assert_eq!(t.word_count(), 2);
    }

    #[test]
    fn has_matchable_word_says_what_tokenize_says() {
        for text in [
            "",
            "the",
            "a the an",
            "so very just",
            "the refund",
            "won't",
            "it's",
            "its",
            "Our",
            "O'Brien",
            "p.m.",
            "the 5",
            "'the'",
            "the\u{2019}s",
            "I'll",
            "let's",
            "...",
            "an—the",
            "Über",
            "the dog's",
            "your  yours",
            "  ",
            "this, these; those",
        ] {
            let tokenized = tokenize(text).tokens.iter().any(|t| !t.skip);
            assert_eq!(has_matchable_word(text), tokenized, "{text:?}");
        }
    }

    #[test]
    fn going_to_reads_as_will() {
        let matchable = |text: &str| -> Vec<String> {
            tokenize(text)
                .tokens
                .into_iter()
                .filter(|t| !t.skip)
                .map(|t| t.norm.into_string())
                .collect()
        };
        assert_eq!(
            matchable("I'm going to call you"),
            ["i", "be", "will", "call", "you"]
        );
        assert_eq!(matchable("I'll call you"), ["i", "will", "call", "you"]);
        assert_eq!(matchable("I am going home"), ["i", "be", "go", "home"]);
    }

    #[test]
    fn hyphens_split_words() {
        assert_eq!(norms("follow-up call"), ["follow", "up", "call"]);
    }

    #[test]
    fn segments_split_at_commas() {
        let text = "Empathy, rapport, loyalty.";
        let t = tokenize(text);
        let segs: Vec<&str> = t.segments.iter().map(|s| &text[s.span]).collect();
        assert_eq!(segs, ["Empathy", "rapport", "loyalty"]);
    }

    #[test]
    fn odd_text_gives_no_words_and_no_panic() {
        for text in [
            "",
            "   \n\t ",
            "😀😀",
            "\u{200F}\u{200E}",
            "...",
            "'''",
            "-",
            "1.",
            "a.b.c.d.e.",
        ] {
            let t = tokenize(text);
            assert!(t.sentences.iter().all(|s| !s.tokens.is_empty()));
        }
    }

    #[test]
    fn right_to_left_marks_inside_words_are_separators() {
        assert_eq!(norms("sorry\u{200F}today"), ["sorri", "today"]);
    }
}
