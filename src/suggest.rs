//! "Did you mean" suggestions for misspelled keys, codes and ids.

use strsim::levenshtein;

/// The candidate closest to `word` by edit distance, if it is close enough to be a
/// likely typo (at most a third of the word's length, and at most 3 edits).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (levenshtein(&word.to_lowercase(), &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["situation", "title", "indicators", "look_for"];
        assert_eq!(closest("situaton", &keys), Some("situation"));
        assert_eq!(closest("lookfor", &keys), Some("look_for"));
        assert_eq!(closest("banana", &keys), None);
        assert_eq!(closest("CR:01", &["CR:010", "CR:001"]), Some("CR:001"));
    }

    #[test]
    fn distance_counts_characters_not_bytes() {
        // One edit in characters, two in bytes: within the limit of 1 only by characters.
        assert_eq!(closest("a\u{e9}", &["ae"]), Some("ae"));
    }
}
