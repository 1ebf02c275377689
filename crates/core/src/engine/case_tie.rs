//! The tie to the case: the case's own specifics (names, numbers, products, the
//! policy, the brand promise) found in a response. An indicator whose evidence never
//! touches them cannot reach "meets": a generic answer could fit any case.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::model::Case;
use crate::text::normalize::norms;
use crate::text::{Tokenized, WordCache, tokenize_cached};

use super::matcher::Found;

/// Words too common, or too much a part of every case's boilerplate, to show that a
/// response is about this case.
const COMMON: &str = "
about above after again against all also always among another any anyone anything are around
because been before being below best better between both bring business call came can case ceo
come company could customer customers day days decide does done down during each early either
else end ended even ever every explain fact feel few find first follow for from full gave get
give given goes going good great had has have having help her here him his how however idea
ideas into its just keep kept know last least less like likely little long look made make
manager many may more most much must need needs never new next nice not now number off often
once one only open order other others over own part past people per place plan plans point
policy possible present presentation problem problems product products put question questions
rather really recently recommend right role same say says see seen service services several
should show since small some something soon start still store such sure take takes team tell
than thank that their them then there these they thing things think this those though through
time times today together told too toward under until upon use used very want wants was way
ways week weeks well went were what when where whether which while who whom whose why will
with within without work works would year years yes yet you your judge judges participant
assume begin begins greeting greet conclude concludes thanking role-play roleplay situation
event events asked asks wants will also staff employee employees member members client clients
guest guests owner director president manager managers department customer's company's
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
";

pub(crate) static COMMON_NORMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| COMMON.split_whitespace().flat_map(norms).collect());

/// The specifics of one case, compiled for matching.
pub struct CaseTerms {
    /// The terms, as display text, in the order found.
    pub terms: Vec<String>,
    norms: HashSet<String>,
}

impl CaseTerms {
    /// Extracts the case's specifics. `generic` holds the normalized words of the
    /// rubric phrases: words that earn concept credit are not specifics.
    pub fn new(case: &Case, generic: &HashSet<String>, cache: &mut WordCache) -> CaseTerms {
        let mut terms: Vec<String> = Vec::new();
        let mut add = |term: String| {
            let term = term.trim().to_string();
            if !term.is_empty() && !terms.iter().any(|t| t.eq_ignore_ascii_case(&term)) {
                terms.push(term);
            }
        };
        let text = format!(
            "{}\n\n{}\n\n{}\n\n{}",
            case.title, case.participant_role, case.judge_role, case.situation
        );
        for quoted in quoted_phrases(&text) {
            add(quoted);
        }
        let tokenized = tokenize_cached(&text, cache);
        for term in proper_nouns_and_numbers(&text, &tokenized) {
            add(term);
        }
        for word in frequent_words(&text, &tokenized, generic) {
            add(word);
        }
        for (_, items) in &case.look_for {
            for item in items {
                for phrase in &item.phrases {
                    add(phrase.0.clone());
                }
            }
        }
        // A term made only of rubric or common words ("CRM", "privacy") is not specific to the case.
        terms.retain(|t| {
            tokenize_cached(t, cache).tokens.iter().any(|w| {
                !w.skip
                    && !generic.contains(w.norm.as_str())
                    && !COMMON_NORMS.contains(w.norm.as_str())
            })
        });
        let norms = terms
            .iter()
            .flat_map(|t| {
                let tokens = tokenize_cached(t, cache).tokens;
                tokens.into_iter().map(|t| t.norm.into_string())
            })
            .collect();
        CaseTerms { terms, norms }
    }

    /// The terms as phrases to listen for, each with its index: the scorer compiles
    /// them into its one automaton, so a response is scanned once for everything.
    pub fn phrases(&self) -> impl Iterator<Item = (String, usize)> + '_ {
        self.terms.iter().cloned().enumerate().map(|(i, t)| (t, i))
    }

    /// For each of `sentences`, whether it uses a case term; and which terms are
    /// used, from the terms found in the response.
    pub fn mark(
        &self,
        sentences: usize,
        found: impl IntoIterator<Item = Found<usize>>,
    ) -> (Vec<bool>, BTreeSet<usize>) {
        let mut per_sentence = vec![false; sentences];
        let mut used = BTreeSet::new();
        for found in found {
            per_sentence[found.sentence] = true;
            used.insert(found.target);
        }
        (per_sentence, used)
    }

    /// Whether a normalized word belongs to some case term.
    pub fn contains_norm(&self, norm: &str) -> bool {
        self.norms.contains(norm)
    }
}

/// Text between double quotes, two to ten words long: slogans and brand promises.
fn quoted_phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('"', '"'), ('\u{201C}', '\u{201D}')] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let inner = after[..end].trim_matches(|c: char| !c.is_alphanumeric());
            let words = inner.split_whitespace().count();
            if (2..=10).contains(&words) {
                out.push(inner.to_string());
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// Capitalized words inside sentences (runs of them as one name too) and numbers of
/// two or more digits.
fn proper_nouns_and_numbers(text: &str, tokenized: &Tokenized) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<String>| {
        if run.len() > 1 {
            let span = tokenized.tokens[run[0]]
                .span
                .cover(tokenized.tokens[run[run.len() - 1]].span);
            out.push(text[span].to_string());
        }
        run.clear();
    };
    for sentence in &tokenized.sentences {
        for t in sentence.tokens.clone() {
            let token = &tokenized.tokens[t];
            let first = t == sentence.tokens.start
                || tokenized.tokens[t - 1].span == token.span && t - 1 == sentence.tokens.start;
            if token.number {
                flush(&mut run, &mut out);
                let digits = token.norm.chars().filter(char::is_ascii_digit).count();
                if digits >= 2 {
                    out.push(text[token.span].to_string());
                }
                continue;
            }
            let name = token.capitalized
                && !first
                && !token.skip
                && token.norm != "i"
                && !COMMON_NORMS.contains(token.norm.as_str());
            if name {
                if run.last() != Some(&t) {
                    run.push(t);
                }
                if token.norm.chars().count() >= 3 {
                    out.push(text[token.span].to_string());
                }
            } else if !(token.capitalized
                && run
                    .last()
                    .is_some_and(|&l| tokenized.tokens[l].span == token.span))
            {
                flush(&mut run, &mut out);
            }
        }
        flush(&mut run, &mut out);
    }
    out
}

/// Content words the case repeats (twice or more) that are neither common nor
/// rubric vocabulary: "laptop", "reservation", "branches".
fn frequent_words(text: &str, tokenized: &Tokenized, generic: &HashSet<String>) -> Vec<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, token) in tokenized.tokens.iter().enumerate() {
        if token.skip || token.number || token.norm.chars().count() < 4 {
            continue;
        }
        if COMMON_NORMS.contains(token.norm.as_str()) || generic.contains(token.norm.as_str()) {
            continue;
        }
        match counts.iter_mut().find(|(n, _, _)| *n == token.norm) {
            Some(entry) => entry.1 += 1,
            None => counts.push((token.norm.to_string(), 1, i)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, count, _)| *count >= 2)
        .map(|(_, _, first)| text[tokenized.tokens[first].span].to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::matcher::{Matcher, NormText};
    use crate::model::CaseSource;

    fn case(situation: &str) -> Case {
        let code = crate::model::Code::parse("CR:010").unwrap();
        Case {
            id: crate::model::CaseId::parse("t").unwrap(),
            title: "A test".into(),
            participant_role: "the manager of VoltMart".into(),
            judge_role: "Marcus Delgado, a customer".into(),
            indicators: vec![],
            source: CaseSource::Shipped("t".into()),
            ..crate::engine::bare_case(&code, situation)
        }
    }

    fn terms(situation: &str) -> Vec<String> {
        CaseTerms::new(
            &case(situation),
            &HashSet::default(),
            &mut WordCache::default(),
        )
        .terms
    }

    #[test]
    fn finds_names_numbers_and_slogans() {
        let got = terms(
            "You manage VoltMart. Its promise, \"Tech help you can trust,\" is on every receipt. \
             Mr. Delgado paid $1,149 for a Zentrix Aero on day 35.",
        );
        for want in [
            "VoltMart",
            "Tech help you can trust",
            "Delgado",
            "1,149",
            "Zentrix Aero",
            "Zentrix",
            "35",
        ] {
            assert!(
                got.iter().any(|t| t == want),
                "{want:?} missing from {got:?}"
            );
        }
        assert!(
            !got.iter().any(|t| t == "You" || t == "Its" || t == "Mr"),
            "{got:?}"
        );
    }

    #[test]
    fn repeated_content_words_count_but_rubric_words_do_not() {
        let text = "The laptop broke. The laptop is new. A laptop costs money. Apologize, apologize, apologize.";
        let generic: HashSet<String> = norms("apologize").into_iter().collect();
        let got = CaseTerms::new(&case(text), &generic, &mut WordCache::default()).terms;
        assert!(got.contains(&"laptop".to_string()), "{got:?}");
        assert!(!got.iter().any(|t| t.starts_with("apolog")), "{got:?}");
    }

    #[test]
    fn sentences_that_use_a_term_are_marked() {
        let terms = CaseTerms::new(
            &case("Marcus bought a Zentrix laptop."),
            &HashSet::default(),
            &mut WordCache::default(),
        );
        let matcher = Matcher::new(terms.phrases(), []);
        let text = "I'm sorry. Your Zentrix will be fixed.";
        let tokenized = crate::text::tokenize(text);
        let found = matcher.find(text, &tokenized, &NormText::new(&tokenized));
        let (marked, used) = terms.mark(tokenized.sentences.len(), found);
        assert_eq!(marked, [false, true]);
        assert_eq!(used.len(), 1);
    }
}
