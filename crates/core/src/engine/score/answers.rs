//! The scorer's reading of misconceptions and of the judge's questions: what the
//! response states wrongly, and which questions it answers in substance.

use rustc_hash::FxHashSet as HashSet;

use super::{Scorer, Target};
use crate::engine::matcher::Found;
use crate::engine::negation::{Clauses, negated_by};
use crate::engine::scorecard::MisconceptionHit;
use crate::text::{Span, Tokenized};

impl Scorer {
    /// Mistaken ideas the response states (not those it denies), each once.
    pub(super) fn misconceptions(
        &self,
        found: Vec<Found<usize>>,
        tokenized: &Tokenized,
        clauses: &Clauses,
    ) -> Vec<MisconceptionHit> {
        let mut hits: Vec<MisconceptionHit> = Vec::new();
        for found in found {
            let (code, mistake) = &self.mistakes[found.target];
            if hits.iter().any(|h| h.id == mistake.id && h.code == *code)
                || negated_by(tokenized, clauses, &found.tokens).is_some()
            {
                continue;
            }
            let context = tokenized.sentences[found.sentence].span;
            hits.push(MisconceptionHit {
                code: code.clone(),
                id: mistake.id.clone(),
                label: mistake.label.clone(),
                correction: mistake.correction.clone(),
                span: found.span,
                context,
            });
        }
        hits
    }

    /// Judge questions whose key words (at least two, or all if fewer) share a sentence.
    pub(super) fn questions_answered(
        &self,
        tokenized: &Tokenized,
        answers: &[Option<Span>],
        found: &[Found<Target>],
    ) -> usize {
        if self.questions.is_empty() {
            return 0;
        }
        let mut answered: Vec<bool> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| {
                answers
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|span| self.answers_topic(tokenized, span, question, found))
            })
            .collect();
        let mut words: HashSet<&str> = HashSet::default();
        for sentence in &tokenized.sentences {
            words.clear();
            words.extend(
                sentence
                    .tokens
                    .clone()
                    .map(|t| tokenized.tokens[t].norm.as_str()),
            );
            for (question, done) in self.questions.iter().zip(answered.iter_mut()) {
                let need = question.len().min(2);
                *done |= need > 0
                    && question
                        .iter()
                        .filter(|w| words.contains(w.as_str()))
                        .count()
                        >= need;
            }
        }
        answered.into_iter().filter(|&a| a).count()
    }

    /// Whether the text at `span` answers `question` in substance: a sentence of four
    /// words or more, and a word of the question, a fact of the case or a concept.
    pub(super) fn answers_topic(
        &self,
        tokenized: &Tokenized,
        span: Span,
        question: &[String],
        found: &[Found<Target>],
    ) -> bool {
        let inside: Vec<_> = tokenized
            .sentences
            .iter()
            .filter(|s| span.contains(s.span))
            .collect();
        let substance = inside.iter().any(|s| {
            tokenized.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| !t.skip)
                .count()
                >= 4
        });
        let on_topic = inside.iter().any(|s| {
            tokenized.tokens[s.tokens.clone()].iter().any(|t| {
                !t.skip
                    && (question.iter().any(|q| *q == t.norm) || self.facts.weight(&t.norm) >= 0.3)
            })
        }) || found.iter().any(|f| span.contains(f.span));
        substance && on_topic
    }
}
