//! Multi-phrase matching over normalized words: every phrase is compiled once into
//! one trie over word ids, so a response is read once however many phrases a case
//! has. A trie builds in a fraction of the time an Aho-Corasick automaton over the
//! same keys took (most of `roleplay score`'s start-up) and searches as fast, since
//! a phrase always starts and ends on a whole word.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use std::ops::Range;

use regex::Regex;

use crate::model::CompiledKeys;
use crate::text::{Span, Tokenized, WordCache, tokenize, tokenize_cached};

/// The words a phrase can match in a response: its tokens, less the skipped ones.
pub struct NormText {
    /// The index of each matchable token, in order.
    token_at: Vec<usize>,
}

impl NormText {
    /// The matchable tokens of `tokenized`.
    pub fn new(tokenized: &Tokenized) -> NormText {
        NormText {
            token_at: (0..tokenized.tokens.len())
                .filter(|&i| !tokenized.tokens[i].skip)
                .collect(),
        }
    }
}

/// A phrase or pattern found in the response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<T> {
    /// What the phrase stands for.
    pub target: T,
    /// The tokens it covers.
    pub tokens: Range<usize>,
    /// The words it covers in the response.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: usize,
}

impl<T> Found<T> {
    /// The same finding, standing for `target`.
    pub fn retarget<U>(self, target: U) -> Found<U> {
        Found {
            target,
            tokens: self.tokens,
            span: self.span,
            sentence: self.sentence,
        }
    }
}

/// How many extra words may sit between two words of a phrase: "keep customers"
/// also finds "keep loyal customers", "follow up" finds "follow this up".
const GAP: usize = 1;

/// Words that may not fill a gap, so a gap never hides a negation.
const NO_GAP: &[&str] = &["not", "never", "no", "without"];

/// Multi-word phrases by their first two words' ids: the later words' ids and the
/// automaton slot of each.
type GapIndex = FxHashMap<(u32, u32), Vec<(Vec<u32>, usize)>>;

/// Compiled phrases and patterns, each pointing at one or more targets.
pub struct Matcher<T> {
    /// The phrases as a trie: (node, word id) to the next node; the root is node 0.
    edges: FxHashMap<(u32, u32), u32>,
    /// For each trie node, the slot of the phrase that ends there.
    ends: Vec<Option<usize>>,
    /// For each slot (one per distinct key), what its phrases stand for.
    targets: Vec<Vec<T>>,
    /// Ids of the words of multi-word phrases.
    vocabulary: FxHashMap<String, u32>,
    /// Multi-word phrases, for matching with gaps.
    gapped: GapIndex,
    patterns: Vec<(Regex, T)>,
}

/// The normalized form of a phrase as the matcher keys it, " w1 w2 ", or `None`
/// when the phrase has no matchable words.
pub fn phrase_key(phrase: &str) -> Option<String> {
    phrase_key_cached(phrase, &mut WordCache::default())
}

/// [`phrase_key`], normalizing each word once per `cache`: phrases share most words.
pub fn phrase_key_cached(phrase: &str, cache: &mut WordCache) -> Option<String> {
    let tokenized = tokenize_cached(phrase, cache);
    let words = tokenized.matchable_words();
    (!words.is_empty()).then(|| format!(" {} ", words.join(" ")))
}

/// For each phrase, whether any of `texts` says it as the engine would hear it
/// (normalized, with the engine's gaps): for checking a case's own phrases.
pub fn phrases_said(phrases: &[String], texts: &[&str]) -> Vec<bool> {
    let matcher = Matcher::new(phrases.iter().cloned().enumerate().map(|(n, p)| (p, n)), []);
    let mut said = vec![false; phrases.len()];
    for text in texts {
        let tokenized = tokenize(text);
        let norm = NormText::new(&tokenized);
        for found in matcher.find(text, &tokenized, &norm) {
            said[found.target] = true;
        }
    }
    said
}

/// The keys of `phrase` and of its synonym variants, as the scorer compiles a
/// concept's phrase: (its own key, its variants' keys in order, each kept even when
/// it repeats another). Build scripts compile known phrases with it ahead of time.
pub fn phrase_keys(phrase: &str, cache: &mut WordCache) -> (Option<String>, Vec<String>) {
    let variants = crate::engine::synonyms::variants(phrase)
        .iter()
        .filter_map(|v| phrase_key_cached(v, cache))
        .collect();
    (phrase_key_cached(phrase, cache), variants)
}

/// A concept phrase's keys, its own and then its synonym variants': looked up in
/// `compiled` when they were compiled ahead of time, else compiled here as
/// [`phrase_keys`] does.
pub fn concept_keys(
    phrase: &str,
    compiled: CompiledKeys,
    cache: &mut WordCache,
) -> impl Iterator<Item = Cow<'static, str>> + use<> {
    let (ahead, here) = match compiled.get(phrase) {
        Some(entry) => (Some(entry), None),
        None => (None, Some(phrase_keys(phrase, cache))),
    };
    let ahead = ahead
        .into_iter()
        .flat_map(|e| e.key.into_iter().chain(e.variant_keys()).map(Cow::Borrowed));
    let here = here
        .into_iter()
        .flat_map(|(key, variants)| key.into_iter().chain(variants).map(Cow::Owned));
    ahead.chain(here)
}

/// A phrase's own key (no variants), looked up or compiled as [`concept_keys`] does.
pub fn own_key(
    phrase: &str,
    compiled: CompiledKeys,
    cache: &mut WordCache,
) -> Option<Cow<'static, str>> {
    match compiled.get(phrase) {
        Some(entry) => entry.key.map(Cow::Borrowed),
        None => phrase_key_cached(phrase, cache).map(Cow::Owned),
    }
}

impl<T: Clone> Matcher<T> {
    /// Compiles phrases and patterns. Phrases that normalize alike share one slot.
    pub fn new(
        phrases: impl IntoIterator<Item = (String, T)>,
        patterns: impl IntoIterator<Item = (Regex, T)>,
    ) -> Self {
        let mut cache = WordCache::default();
        let keyed = phrases
            .into_iter()
            .filter_map(|(phrase, target)| Some((phrase_key_cached(&phrase, &mut cache)?, target)));
        Matcher::from_keys(keyed, patterns)
    }

    /// Compiles phrases already turned into keys (by [`phrase_key`] or [`phrase_keys`]),
    /// and patterns. Equal keys share one slot, the first one's.
    pub fn from_keys<K: AsRef<str>>(
        keyed: impl IntoIterator<Item = (K, T)>,
        patterns: impl IntoIterator<Item = (Regex, T)>,
    ) -> Self {
        let keyed = keyed.into_iter();
        // Sized for the keys up front: a case has a couple of thousand, and growing the
        // tables step by step rehashed them several times over.
        let count = keyed.size_hint().0;
        let mut targets: Vec<Vec<T>> = Vec::with_capacity(count);
        let mut vocabulary: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(count / 2, Default::default());
        let mut gapped = GapIndex::with_capacity_and_hasher(count / 2, Default::default());
        let mut edges: FxHashMap<(u32, u32), u32> =
            FxHashMap::with_capacity_and_hasher(count * 2, Default::default());
        let mut ends: Vec<Option<usize>> = Vec::with_capacity(count * 2 + 1);
        ends.push(None);
        let mut ids: Vec<u32> = Vec::new();
        for (key, target) in keyed {
            ids.clear();
            for word in key.as_ref().split_whitespace() {
                let id = match vocabulary.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = vocabulary.len() as u32;
                        vocabulary.insert(word.to_string(), id);
                        id
                    }
                };
                ids.push(id);
            }
            if ids.is_empty() {
                continue;
            }
            let mut node = 0;
            for &id in &ids {
                node = *edges.entry((node, id)).or_insert_with(|| {
                    ends.push(None);
                    (ends.len() - 1) as u32
                });
            }
            // The trie node where a key ends is that key's: a key seen before has its slot.
            let slot = match ends[node as usize] {
                Some(slot) => slot,
                None => {
                    let slot = targets.len();
                    targets.push(Vec::new());
                    ends[node as usize] = Some(slot);
                    if let [first, second, rest @ ..] = ids.as_slice() {
                        gapped
                            .entry((*first, *second))
                            .or_default()
                            .push((rest.to_vec(), slot));
                    }
                    slot
                }
            };
            targets[slot].push(target);
        }
        Matcher {
            edges,
            ends,
            targets,
            vocabulary,
            gapped,
            patterns: patterns.into_iter().collect(),
        }
    }

    /// Every occurrence of every phrase and pattern, in order of position.
    pub fn find(&self, text: &str, tokenized: &Tokenized, norm: &NormText) -> Vec<Found<T>> {
        let mut found = Vec::new();
        let ids = self.word_ids(tokenized, norm);
        self.find_exact(tokenized, norm, &ids, &mut found);
        self.find_gapped(tokenized, norm, &ids, &mut found);
        if !self.patterns.is_empty() {
            for (index, sentence) in tokenized.sentences.iter().enumerate() {
                let sentence_text = &text[sentence.span];
                for (regex, target) in &self.patterns {
                    for m in regex.find_iter(sentence_text) {
                        let bytes = Span::new(
                            sentence.span.start + m.start(),
                            sentence.span.start + m.end(),
                        );
                        let covered: Vec<usize> = sentence
                            .tokens
                            .clone()
                            .filter(|&t| tokenized.tokens[t].span.overlaps(bytes))
                            .collect();
                        let (Some(&first), Some(&last)) = (covered.first(), covered.last()) else {
                            continue;
                        };
                        found.push(Found {
                            target: target.clone(),
                            tokens: first..last + 1,
                            span: bytes,
                            sentence: index,
                        });
                    }
                }
            }
        }
        found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        found
    }
}

/// The id of a word no phrase holds.
const NONE: u32 = u32::MAX;

impl<T: Clone> Matcher<T> {
    /// The id of each matchable word of the response, [`NONE`] for words no phrase holds.
    fn word_ids(&self, tokenized: &Tokenized, norm: &NormText) -> Vec<u32> {
        norm.token_at
            .iter()
            .map(|&t| {
                self.vocabulary
                    .get(tokenized.tokens[t].norm.as_str())
                    .copied()
                    .unwrap_or(NONE)
            })
            .collect()
    }

    /// Phrases said word for word: from each word, the trie is walked along the
    /// sentence's next words. Reported in the order an automaton over the normalized
    /// text reports them (by last word, the longer first), which ties keep.
    fn find_exact(
        &self,
        tokenized: &Tokenized,
        norm: &NormText,
        ids: &[u32],
        found: &mut Vec<Found<T>>,
    ) {
        let tokens = &tokenized.tokens;
        let words = &norm.token_at;
        let start = found.len();
        for k in 0..words.len() {
            let mut node = 0;
            for j in k..words.len() {
                if tokens[words[j]].sentence != tokens[words[k]].sentence {
                    break;
                }
                let Some(&next) = self.edges.get(&(node, ids[j])) else {
                    break;
                };
                node = next;
                let Some(slot) = self.ends[node as usize] else {
                    continue;
                };
                let (first, last) = (words[k], words[j]);
                let span = tokens[first].span.cover(tokens[last].span);
                for target in &self.targets[slot] {
                    found.push(Found {
                        target: target.clone(),
                        tokens: first..last + 1,
                        span,
                        sentence: tokens[first].sentence,
                    });
                }
            }
        }
        found[start..].sort_by_key(|f| (f.tokens.end, f.tokens.start));
    }

    /// Multi-word phrases with up to [`GAP`] extra words between their words. Exact
    /// (gapless) occurrences are [`Matcher::find_exact`]'s.
    fn find_gapped(
        &self,
        tokenized: &Tokenized,
        norm: &NormText,
        ids: &[u32],
        found: &mut Vec<Found<T>>,
    ) {
        if self.gapped.is_empty() {
            return;
        }
        let tokens = &tokenized.tokens;
        let words = &norm.token_at;
        let blocks: Vec<bool> = words
            .iter()
            .map(|&t| NO_GAP.contains(&tokens[t].norm.as_str()))
            .collect();
        let same = |a: usize, b: usize| tokens[words[a]].sentence == tokens[words[b]].sentence;
        // The next word with this id within reach of `at`, not past a negation.
        let step = |at: usize, id: u32| -> Option<usize> {
            for j in at + 1..=at + 1 + GAP {
                if j >= words.len() || !same(at, j) {
                    return None;
                }
                if ids[j] == id {
                    return Some(j);
                }
                if blocks[j] {
                    return None;
                }
            }
            None
        };
        for k in 0..words.len() {
            if ids[k] == NONE {
                continue;
            }
            for second in k + 1..=k + 1 + GAP {
                if second >= words.len() || !same(k, second) {
                    break;
                }
                if let Some(candidates) = self
                    .gapped
                    .get(&(ids[k], ids[second]))
                    .filter(|_| ids[second] != NONE)
                {
                    'phrase: for (rest, slot) in candidates {
                        let mut at = second;
                        for &id in rest {
                            match step(at, id) {
                                Some(j) => at = j,
                                None => continue 'phrase,
                            }
                        }
                        if at - k == rest.len() + 1 {
                            continue; // no gap: found word for word
                        }
                        let first = words[k];
                        let span = tokens[first].span.cover(tokens[words[at]].span);
                        for target in &self.targets[*slot] {
                            found.push(Found {
                                target: target.clone(),
                                tokens: first..words[at] + 1,
                                span,
                                sentence: tokens[first].sentence,
                            });
                        }
                    }
                }
                if blocks[second] {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(phrases: &[&str], text: &str) -> Vec<(usize, String)> {
        let matcher = Matcher::new(
            phrases.iter().enumerate().map(|(i, p)| (p.to_string(), i)),
            [],
        );
        let tokenized = tokenize(text);
        let norm = NormText::new(&tokenized);
        matcher
            .find(text, &tokenized, &norm)
            .into_iter()
            .map(|f| (f.target, text[f.span].to_string()))
            .collect()
    }

    #[test]
    fn matches_across_endings_case_and_articles() {
        assert_eq!(
            find(
                &["explain the policy"],
                "I'll be Explaining our policies now."
            ),
            [(0, "Explaining our policies".into())]
        );
        assert_eq!(
            find(&["apologize"], "We apologized twice."),
            [(0, "apologized".into())]
        );
    }

    #[test]
    fn matches_contractions_both_ways() {
        assert_eq!(
            find(&["I will call you"], "I'll call you Friday."),
            [(0, "I'll call you".into())]
        );
        assert_eq!(
            find(&["I'll call you"], "I will call you Friday."),
            [(0, "I will call you".into())]
        );
    }

    #[test]
    fn never_matches_across_sentences() {
        assert!(find(&["follow up"], "I will follow. Up next is lunch.").is_empty());
    }

    #[test]
    fn whole_words_only() {
        assert!(find(&["act"], "That was an exact copy.").is_empty());
    }

    #[test]
    fn one_extra_word_may_sit_inside_a_phrase() {
        assert_eq!(
            find(&["keep customers"], "We keep loyal customers."),
            [(0, "keep loyal customers".into())]
        );
        assert_eq!(
            find(&["follow up"], "I will follow this up."),
            [(0, "follow this up".into())]
        );
        assert!(find(&["keep customers"], "We keep many loyal customers.").is_empty());
        assert!(find(&["follow up"], "I will follow, not up.").is_empty());
    }

    #[test]
    fn overlapping_phrases_are_all_found() {
        let got = find(&["sorry", "I am sorry"], "I'm so sorry.");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn patterns_match_the_sentence_text() {
        let regex = regex::RegexBuilder::new(r"\b\d+ days?\b")
            .case_insensitive(true)
            .build()
            .unwrap();
        let matcher = Matcher::new(Vec::<(String, u8)>::new(), [(regex, 7u8)]);
        let text = "You have 30 days. Really.";
        let tokenized = tokenize(text);
        let got = matcher.find(text, &tokenized, &NormText::new(&tokenized));
        assert_eq!(got.len(), 1);
        assert_eq!(&text[got[0].span], "30 days");
    }
}
