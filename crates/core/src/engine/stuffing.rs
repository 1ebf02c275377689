//! Keyword stuffing: lists of buzzwords, and sentences that only name concepts
//! without saying what the student will do, earn nothing.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::Tokenized;
use crate::text::normalize::norms;

/// Why a sentence was judged to be stuffing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stuffing {
    /// Four or more short items separated by commas: a list of terms.
    List,
    /// Four or more concept phrases packed into one sentence with little else.
    Dense,
    /// A fragment that is nothing but a concept's name ("Empathy.").
    Fragment,
}

impl Stuffing {
    /// A short explanation for reports.
    pub fn reason(self) -> &'static str {
        match self {
            Stuffing::List => "a list of terms, not what you would do",
            Stuffing::Dense => "names many ideas at once without explaining any",
            Stuffing::Fragment => "a term on its own, not a sentence",
        }
    }
}

/// A concept phrase found in a sentence: the sentence, the tokens, and which concept
/// (any key that tells concepts apart).
pub type Hit = (usize, Range<usize>, (usize, usize));

/// Judges every sentence, given the concept phrases found in it and which sentences
/// use the case's own details (`specific`): a sentence about this case's people and
/// numbers is not mere naming. A concept counts once per sentence however many of
/// its phrases appear.
pub fn stuffed_sentences(
    tokenized: &Tokenized,
    hits: &[Hit],
    specific: &[bool],
) -> Vec<Option<Stuffing>> {
    let pronouns: Vec<String> = ["i", "you", "we", "me", "us"]
        .iter()
        .flat_map(|w| norms(w))
        .collect();
    let mut per_sentence: Vec<Vec<Range<usize>>> = vec![Vec::new(); tokenized.sentences.len()];
    let mut firsts: Vec<Vec<Range<usize>>> = vec![Vec::new(); tokenized.sentences.len()];
    let mut seen: rustc_hash::FxHashSet<(usize, (usize, usize))> =
        std::collections::HashSet::default();
    for (sentence, range, concept) in hits {
        if let Some(list) = per_sentence.get_mut(*sentence) {
            list.push(range.clone());
            if seen.insert((*sentence, *concept)) {
                firsts[*sentence].push(range.clone());
            }
        }
    }
    tokenized
        .sentences
        .iter()
        .zip(per_sentence.into_iter().zip(firsts))
        .enumerate()
        .map(|(index, (sentence, (ranges, mut concepts)))| {
            if ranges.is_empty() {
                return None;
            }
            let words: Vec<usize> = sentence
                .tokens
                .clone()
                .filter(|&t| !tokenized.tokens[t].skip)
                .collect();
            let covered = words
                .iter()
                .filter(|&&t| ranges.iter().any(|r| r.contains(&t)))
                .count();
            let groups = merged_count(&mut concepts);
            let density = covered as f64 / words.len().max(1) as f64;

            // Segments never cross sentences, so the sentence's tokens name its segments.
            let first = tokenized.tokens[sentence.tokens.start].segment;
            let last = tokenized.tokens[sentence.tokens.end - 1].segment;
            let segments: Vec<&Range<usize>> = tokenized.segments[first..=last]
                .iter()
                .map(|s| &s.tokens)
                .collect();
            let with_hits = segments
                .iter()
                .filter(|s| ranges.iter().any(|r| r.start >= s.start && r.start < s.end))
                .count();
            let average = words.len() as f64 / segments.len().max(1) as f64;
            let has_pronoun = words
                .iter()
                .any(|&t| pronouns.iter().any(|p| *p == tokenized.tokens[t].norm));
            // A figure or a name makes a sentence concrete, whatever it names besides.
            let concrete = words.iter().any(|&t| {
                let token = &tokenized.tokens[t];
                token.number
                    || (token.capitalized && t != sentence.tokens.start && token.norm != "i")
            });

            let (items, items_with_hits) = list_items(tokenized, &words, &ranges);
            let item_words = words.len().saturating_sub(items.saturating_sub(1)) as f64;
            let chain = items >= 5 && item_words / items as f64 <= 2.5 && items_with_hits >= 3;
            if chain || (segments.len() >= 4 && average <= 2.5 && with_hits * 2 >= segments.len()) {
                Some(Stuffing::List)
            } else if !specific.get(index).copied().unwrap_or(false)
                && !concrete
                && words.len() >= 10
                && groups >= 4
                && density >= 0.45
            {
                Some(Stuffing::Dense)
            } else if words.len() <= 4 && covered == words.len() && !has_pronoun {
                Some(Stuffing::Fragment)
            } else {
                None
            }
        })
        .collect()
}

/// Items of a sentence split at commas and at "and"/"or": how many, and how many
/// hold a concept phrase. "I will apologize and empathize and explain the policy and
/// follow up" is five short items chained together.
fn list_items(tokenized: &Tokenized, words: &[usize], ranges: &[Range<usize>]) -> (usize, usize) {
    let mut items = 0;
    let mut with_hits = 0;
    let mut current: Option<(usize, bool)> = None; // (segment, has a hit)
    for &t in words {
        let token = &tokenized.tokens[t];
        let conjunction = token.norm == "and" || token.norm == "or";
        let new_segment = current.is_some_and(|(segment, _)| segment != token.segment);
        if conjunction || new_segment {
            if let Some((_, hit)) = current.take() {
                items += 1;
                with_hits += usize::from(hit);
            }
            if conjunction {
                continue;
            }
        }
        let hit = ranges.iter().any(|r| r.contains(&t));
        current = Some(match current {
            Some((segment, had)) => (segment, had || hit),
            None => (token.segment, hit),
        });
    }
    if let Some((_, hit)) = current {
        items += 1;
        with_hits += usize::from(hit);
    }
    (items, with_hits)
}

/// How many separate stretches the ranges cover once overlaps are merged.
fn merged_count(ranges: &mut [Range<usize>]) -> usize {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut count = 0;
    let mut end = 0;
    for r in ranges.iter() {
        if count == 0 || r.start >= end {
            count += 1;
            end = r.end;
        } else {
            end = end.max(r.end);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Judges one sentence in which each of `phrases` is a concept hit.
    fn judge(text: &str, phrases: &[&str]) -> Option<Stuffing> {
        let mut concept = 0;
        let tokenized = tokenize(text);
        let mut hits = Vec::new();
        for phrase in phrases {
            concept += 1;
            let want: Vec<String> = tokenize(phrase)
                .tokens
                .into_iter()
                .filter(|t| !t.skip)
                .map(|t| t.norm.into_string())
                .collect();
            let have: Vec<(usize, &str)> = tokenized
                .tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.skip)
                .map(|(i, t)| (i, t.norm.as_str()))
                .collect();
            for w in have.windows(want.len()) {
                if w.iter()
                    .map(|(_, n)| *n)
                    .eq(want.iter().map(String::as_str))
                {
                    hits.push((
                        tokenized.tokens[w[0].0].sentence,
                        w[0].0..w[w.len() - 1].0 + 1,
                        (0, concept),
                    ));
                }
            }
        }
        stuffed_sentences(&tokenized, &hits, &[false])[0]
    }

    #[test]
    fn a_list_of_terms_is_stuffing() {
        let text = "Empathy, rapport, loyalty, trust, brand promise.";
        assert_eq!(
            judge(text, &["empathy", "rapport", "loyalty", "brand promise"]),
            Some(Stuffing::List)
        );
    }

    #[test]
    fn a_sentence_packed_with_named_concepts_is_stuffing() {
        let text = "My plan uses apology with empathy plus rapport building plus policy explanation with follow up.";
        assert_eq!(
            judge(
                text,
                &[
                    "apology",
                    "empathy",
                    "rapport building",
                    "policy explanation",
                    "follow up"
                ]
            ),
            Some(Stuffing::Dense)
        );
    }

    #[test]
    fn a_bare_term_is_stuffing_but_thank_you_is_not() {
        assert_eq!(
            judge("Active listening.", &["active listening"]),
            Some(Stuffing::Fragment)
        );
        assert_eq!(judge("Thank you.", &["thank you"]), None);
    }

    #[test]
    fn a_chain_of_and_is_a_list() {
        let text = "I will apologize and empathize and explain the policy and follow up and build rapport.";
        assert_eq!(
            judge(text, &["apologize", "empathize", "explain the policy"]),
            Some(Stuffing::List)
        );
    }

    #[test]
    fn a_real_sentence_with_one_concept_is_fine() {
        let text =
            "I'm sorry about the broken screen and about the way the counter staff spoke to you.";
        assert_eq!(judge(text, &["sorry"]), None);
    }

    #[test]
    fn a_concrete_list_of_options_is_fine() {
        let text = "You can choose a replacement today, a full refund to your card, or a credit toward another model.";
        assert_eq!(judge(text, &["replacement", "full refund"]), None);
    }
}
