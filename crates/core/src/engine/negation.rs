//! Negation: "I won't apologize", "there's no need to listen", "we never follow up",
//! "following up is pointless". A phrase inside a negated clause earns nothing,
//! and the report names the word that negated it.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::text::Tokenized;
use crate::text::normalize::norms;

/// How far a negation reaches forward, in tokens.
const SCOPE: usize = 8;

fn norm_set(words: &[&str]) -> HashSet<String> {
    words.iter().flat_map(|w| norms(w)).collect()
}

/// Words that negate what follows them in their clause.
static TRIGGERS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    norm_set(&[
        "not",
        "never",
        "no",
        "nobody",
        "nothing",
        "none",
        "neither",
        "nor",
        "without",
        "cannot",
        "refuse",
        "refusing",
        "decline",
        "skip",
        "avoid",
        "ignore",
        "waste",
        "pointless",
        "useless",
        "unnecessary",
        "instead",
        "rather",
        "forget",
    ])
});

/// Words after a trigger that make it no negation at all: "not only", "no problem",
/// "don't hesitate", "no extra charge", "without delay".
static PSEUDO_AFTER: LazyLock<HashSet<String>> = LazyLock::new(|| {
    norm_set(&[
        "only",
        "just",
        "hesitate",
        "problem",
        "matter",
        "doubt",
        "later",
        "longer",
        "extra",
        "additional",
        "charge",
        "cost",
        "fee",
        "hassle",
        "delay",
        "question",
        "fail",
        "forget",
        "wait",
        "waiting",
    ])
});

/// Words that end a clause, so a negation does not reach past them.
static TERMINATORS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    norm_set(&[
        "but",
        "however",
        "although",
        "though",
        "yet",
        "except",
        "because",
        "while",
        "unless",
        "whereas",
        "which",
        "who",
        "instead",
        "otherwise",
        "then",
    ])
});

/// Subject pronouns: "and I ..." or "so we ..." starts a new clause.
static SUBJECTS: LazyLock<HashSet<String>> =
    LazyLock::new(|| norm_set(&["i", "we", "you", "he", "she", "they", "it", "that", "this"]));

static LINKERS: LazyLock<HashSet<String>> = LazyLock::new(|| norm_set(&["and", "or", "so"]));

/// Verbs and auxiliaries that put a negation after a subject: "loyalty isn't ...",
/// "following up is a waste".
static COPULAS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    norm_set(&[
        "is", "are", "was", "were", "be", "do", "does", "did", "will", "would", "can", "could",
        "should", "seems", "matters",
    ])
});

/// Words after a copula that deny the subject.
static DENIALS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    norm_set(&[
        "not",
        "never",
        "waste",
        "pointless",
        "useless",
        "unnecessary",
        "overrated",
        "nothing",
    ])
});

/// Clauses: stretches of a segment between clause-ending words. `clause_of[t]` is the
/// clause of token `t`.
#[derive(Debug, Clone)]
pub struct Clauses {
    /// Token ranges of the clauses, in order.
    pub ranges: Vec<Range<usize>>,
    /// For each token, the index of its clause.
    pub clause_of: Vec<usize>,
}

impl Clauses {
    /// Splits every segment of `tokenized` into clauses.
    pub fn new(tokenized: &Tokenized) -> Clauses {
        let tokens = &tokenized.tokens;
        let mut ranges = Vec::new();
        let mut clause_of = vec![0; tokens.len()];
        for segment in &tokenized.segments {
            let mut start = segment.tokens.start;
            for t in segment.tokens.clone() {
                let norm = tokens[t].norm.as_str();
                let next_is_subject = tokens
                    .get(t + 1)
                    .is_some_and(|n| SUBJECTS.contains(n.norm.as_str()));
                let ends_before =
                    TERMINATORS.contains(norm) || (LINKERS.contains(norm) && next_is_subject);
                if ends_before && t > start {
                    ranges.push(start..t);
                    start = t;
                }
            }
            ranges.push(start..segment.tokens.end);
        }
        for (index, range) in ranges.iter().enumerate() {
            for t in range.clone() {
                clause_of[t] = index;
            }
        }
        Clauses { ranges, clause_of }
    }
}

/// The token that negates the match `matched`, if any.
pub fn negated_by(
    tokenized: &Tokenized,
    clauses: &Clauses,
    matched: &Range<usize>,
) -> Option<usize> {
    let tokens = &tokenized.tokens;
    let clause = clauses.ranges.get(*clauses.clause_of.get(matched.start)?)?;
    // A negation before the match, within reach and in the same clause. Two cancel out.
    let reach = matched.start.saturating_sub(SCOPE).max(clause.start);
    let triggers: Vec<usize> = (reach..matched.start)
        .filter(|&t| is_trigger(tokenized, t))
        .collect();
    if triggers.len() % 2 == 1 && !prevents_recurrence(tokenized, clause, matched) {
        return triggers.first().copied();
    }
    // A denial after the match when the match is the clause's subject: "loyalty isn't ...".
    let leading = (clause.start..matched.start)
        .filter(|&t| !tokens[t].skip)
        .count();
    if leading <= 1 {
        let after = matched.end..(matched.end + 4).min(clause.end);
        let mut saw_copula = false;
        for t in after {
            let norm = tokens[t].norm.as_str();
            if SUBJECTS.contains(norm) {
                break;
            }
            if COPULAS.contains(norm) {
                saw_copula = true;
            } else if saw_copula && DENIALS.contains(norm) {
                return Some(t);
            }
        }
    }
    None
}

fn is_trigger(tokenized: &Tokenized, t: usize) -> bool {
    let tokens = &tokenized.tokens;
    if !TRIGGERS.contains(tokens[t].norm.as_str()) {
        return false;
    }
    let next = tokens
        .get(t + 1)
        .filter(|n| n.sentence == tokens[t].sentence);
    // "no matter", "no doubt" are idioms; "doesn't matter" is a real negation.
    let idiom_only_after_no = ["matter", "doubt", "problem", "question"];
    if next.is_some_and(|n| {
        PSEUDO_AFTER.contains(n.norm.as_str())
            && (tokens[t].norm == "no" || !idiom_only_after_no.contains(&n.norm.as_str()))
    }) {
        return false;
    }
    // "instead of" and "rather than" negate; "rather" alone ("I'd rather help") does not.
    match tokens[t].norm.as_str() {
        "instead" => next.is_some_and(|n| n.norm == "of"),
        "rather" => next.is_some_and(|n| n.norm == "than"),
        // "you won't have to wait", "you don't need to worry": relief, not refusal.
        "not" => !relief(tokenized, t),
        _ => true,
    }
}

/// "you won't have to ...", "members don't need to ...": relief for someone else.
/// "I don't need to hear it" stays a refusal.
fn relief(tokenized: &Tokenized, not: usize) -> bool {
    let tokens = &tokenized.tokens;
    let subject = not.checked_sub(2).map(|i| tokens[i].norm.as_str());
    let next = tokens.get(not + 1).map(|n| n.norm.as_str());
    let then = tokens.get(not + 2).map(|n| n.norm.as_str());
    // Only "you" and "they": "customers don't need to feel valued" is a refusal.
    let someone_else = subject.is_some_and(|s| matches!(s, "you" | "they"));
    someone_else && matches!(next, Some("have" | "need")) && then == Some("to")
}

/// "so this never happens again", "make sure it doesn't happen again": a negation that
/// is the point of the concept, not a refusal of it.
fn prevents_recurrence(
    tokenized: &Tokenized,
    clause: &Range<usize>,
    matched: &Range<usize>,
) -> bool {
    // "again" right after the phrase ("never happens again"), not anywhere later in the
    // clause ("don't contact me about this again").
    let again = norms("again");
    let end = (matched.end + 2).min(clause.end);
    (matched.start..end).any(|t| again.iter().any(|a| *a == tokenized.tokens[t].norm))
}

/// Builds the word sets now rather than on first use.
pub(super) fn warm() {
    for set in [
        &TRIGGERS,
        &PSEUDO_AFTER,
        &TERMINATORS,
        &SUBJECTS,
        &LINKERS,
        &COPULAS,
        &DENIALS,
    ] {
        LazyLock::force(set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Whether the first occurrence of `word` in `text` is negated.
    fn negated(text: &str, word: &str) -> bool {
        let tokenized = tokenize(text);
        let clauses = Clauses::new(&tokenized);
        let target = norms(word)[0].clone();
        let t = tokenized
            .tokens
            .iter()
            .position(|t| t.norm == target)
            .expect("word in text");
        negated_by(&tokenized, &clauses, &(t..t + 1)).is_some()
    }

    macro_rules! negation {
        ($($name:ident: $text:literal, $word:literal => $expected:literal;)*) => {
            $( #[test] fn $name() { assert_eq!(negated($text, $word), $expected, "{:?} / {:?}", $text, $word); } )*
        };
    }

    negation! {
        negated_wont_apologize: "I won't apologize for a policy you agreed to.", "apologize" => true;
        negated_no_need_to_listen: "There's no need to listen to the whole story.", "listen" => true;
        negated_never_follow_up: "We never follow up with customers.", "follow" => true;
        negated_refuse_to_explain: "I refuse to explain the policy.", "explain" => true;
        negated_not_going_to_pretend: "I will not pretend to empathize with your situation.", "empathize" => true;
        negated_dont_see_any_need: "We don't see any need for access logs here.", "access" => true;
        negated_waste_after_subject: "Following up is a waste, plain and simple.", "following" => true;
        negated_isnt_after_subject: "Loyalty isn't something you can manage.", "loyalty" => true;
        negated_wouldnt_bother_with: "I wouldn't bother with consent forms.", "consent" => true;
        plain_apology: "I'm so sorry this happened to you.", "sorry" => false;
        sorry_before_its_not_working: "I'm sorry it isn't working.", "sorry" => false;
        sorry_it_isnt_working_at_start: "Sorry it isn't working.", "sorry" => false;
        but_ends_the_clause: "I can't change the policy, but I can make an exception.", "exception" => false;
        but_without_comma: "I can't change the policy but I can make an exception.", "exception" => false;
        and_i_starts_a_new_clause: "That won't happen and I will call you Friday.", "call" => false;
        not_only: "I will not only replace it but also call you.", "replace" => false;
        no_problem: "No problem, I will replace it today.", "replace" => false;
        dont_hesitate: "Don't hesitate to call me directly.", "call" => false;
        no_extra_charge: "We'll replace it at no extra charge.", "charge" => false;
        never_again: "I'll make sure this never happens again.", "happens" => false;
        doesnt_happen_again: "We will train staff so it doesn't happen again.", "happen" => false;
        double_negation: "I won't let you leave without a solution.", "solution" => false;
        relief_wont_have_to: "You won't have to mail it to the manufacturer.", "mail" => false;
        relief_for_them: "They won't have to repeat their story.", "repeat" => false;
        refusal_i_dont_need_to: "I don't need to hear your whole story again.", "hear" => true;
        not_relief_shouldnt_be: "You shouldn't be frustrated about a small delay.", "frustrated" => true;
        not_worried_is_negation: "I'm not worried about why you're asking.", "asking" => true;
        doesnt_matter_is_negation: "One customer doesn't matter to us.", "matter" => true;
        no_matter_is_an_idiom: "No matter what, I will call you.", "call" => false;
        again_later_in_the_clause_does_not_cancel: "Please don't contact me about this again.", "contact" => true;
        out_of_reach: "No, that was a long time ago before we started to carefully listen.", "listen" => false;
        next_sentence_is_free: "I won't do that. I will listen to you.", "listen" => false;
    }
}
