//! How common an English word is, from the shipped word-frequency list
//! (`rubrics/lexicon/english-frequency.txt`), which `build.rs` compiles into a perfect
//! hash: everyday words make weak facts, rare ones strong.

// The table (`FREQUENCY`: Zipf frequency x 10 per word), compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/frequency.rs"));

/// How common a word is: log10 of its uses per billion words, 0 when unlisted (rare).
pub(super) fn zipf(surface: &str) -> f64 {
    // Most words are already lower case: look them up without a copy.
    let lower = if surface.bytes().any(|b| !b.is_ascii_lowercase()) {
        std::borrow::Cow::Owned(surface.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(surface)
    };
    let word = lower.as_ref();
    if FREQUENCY_DISPS.is_empty() {
        return 0.0;
    }
    let hashes = phf_shared::hash(word, &FREQUENCY_KEY);
    let slot = phf_shared::get_index(&hashes, FREQUENCY_DISPS, FREQUENCY.len()) as usize;
    FREQUENCY
        .get(slot)
        .filter(|&&(start, end, _)| FREQUENCY_WORDS.get(start as usize..end as usize) == Some(word))
        .map_or(0.0, |&(_, _, z)| f64::from(z) / 10.0)
}
