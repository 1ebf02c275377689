//! Scoring: phrases found, judged in context (negation, stuffing, repetition), then
//! points per indicator, the skills lines, the total and the rating.

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use super::EngineError;
use super::case_tie::{COMMON_NORMS, CaseTerms};
use super::lexicon;
use super::matcher::{Found, Matcher, NormText, concept_keys, own_key, phrase_key_cached};
use super::negation::{Clauses, negated_by};
use super::plan::Plan;
use super::points;
use super::reading::{self, CaseFacts, Reading};
use super::scorecard::{IndicatorScore, Scorecard, Stats};
use super::skills;
use crate::model::{Band, Case, Code, Form, RubricSet};
use crate::text::{Span, Tokenized, WordCache, tokenize, tokenize_cached, voices};

mod answers;
mod lines;

use lines::Judged;

/// Coverage of an indicator's weighted concepts that earns full points: a judge does
/// not need to hear every idea to give top marks.
pub const SATURATION: f64 = 0.75;

/// Case-specific sentences of evidence for an indicator that show full depth: a
/// strong answer returns to an indicator several times, each time with the case's details.
pub const DEPTH: f64 = 4.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Target {
    indicator: usize,
    concept: usize,
}

/// A case compiled for scoring: build it once, score many responses.
pub struct Scorer {
    case_id: String,
    case_title: String,
    form: Form,
    plan: Plan,
    /// The concepts' phrases, the case's terms and the misconceptions in one matcher.
    matcher: Matcher<Heard>,
    terms: CaseTerms,
    facts: CaseFacts,
    /// Names of the judge's character, whose lines in a transcript are not the student's.
    other_names: Vec<String>,
    questions: Vec<Vec<String>>,
    judge_stuffing: bool,
    /// The case's indicators' misconceptions: (indicator, code, misconception).
    mistakes: Vec<(Code, crate::model::Misconception)>,
}

/// What a phrase heard in a response stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Heard {
    /// A concept of an indicator.
    Concept(Target),
    /// A case term, by index in [`CaseTerms::terms`].
    Term(usize),
    /// A misconception, by index in `Scorer::mistakes`.
    Mistake(usize),
}

/// Everything heard in a response, by what it stands for, each kind in the order found.
struct Heards {
    concepts: Vec<Found<Target>>,
    terms: Vec<Found<usize>>,
    mistakes: Vec<Found<usize>>,
}

impl Heards {
    fn split(found: Vec<Found<Heard>>) -> Heards {
        let mut heards = Heards {
            concepts: Vec::new(),
            terms: Vec::new(),
            mistakes: Vec::new(),
        };
        for f in found {
            match f.target {
                Heard::Concept(target) => heards.concepts.push(f.retarget(target)),
                Heard::Term(target) => heards.terms.push(f.retarget(target)),
                Heard::Mistake(target) => heards.mistakes.push(f.retarget(target)),
            }
        }
        heards
    }
}

impl Scorer {
    /// Compiles the case's phrases, with its rubrics and form.
    pub fn new(case: &Case, rubrics: &RubricSet, form: &Form) -> Result<Scorer, EngineError> {
        let plan = Plan::new(case, rubrics)?;
        // Keys, not phrases: the shipped rubrics' were compiled at build time.
        let mut cache = WordCache::default();
        let compiled = rubrics.compiled_keys();
        let mut keyed: Vec<(Cow<'static, str>, Heard)> = Vec::new();
        let mut patterns = Vec::new();
        for (indicator, planned) in plan.indicators.iter().enumerate() {
            for (concept, c) in planned.concepts.iter().enumerate() {
                let target = Target { indicator, concept };
                let heard = Heard::Concept(target);
                for phrase in &c.phrases {
                    keyed.extend(concept_keys(phrase, compiled, &mut cache).map(|k| (k, heard)));
                }
                patterns.extend(c.patterns.iter().map(|r| (r.clone(), heard)));
            }
        }
        // Words that alone earn a concept ("refund", "privacy") are rubric vocabulary,
        // not the case's own details.
        let words = rubrics.phrase_words();
        let generic = &words.single;
        let questions = case
            .judge_questions
            .iter()
            .map(|q| {
                let mut words: Vec<String> = tokenize_cached(q, &mut cache)
                    .tokens
                    .into_iter()
                    .filter(|t| {
                        !t.skip
                            && t.norm.chars().count() >= 3
                            && !COMMON_NORMS.contains(t.norm.as_str())
                    })
                    .map(|t| t.norm.into_string())
                    .collect();
                words.dedup();
                words
            })
            .collect();
        let mistakes: Vec<(Code, crate::model::Misconception)> = case
            .indicators
            .iter()
            .filter_map(|code| rubrics.get(code))
            .flat_map(|r| r.misconceptions.iter().map(|m| (r.code.clone(), m.clone())))
            .collect();
        // Concepts first, so their phrases keep the first slots.
        let terms = CaseTerms::new(case, generic, &mut cache);
        for (term, i) in terms.phrases() {
            let key = phrase_key_cached(&term, &mut cache);
            keyed.extend(key.map(|k| (Cow::Owned(k), Heard::Term(i))));
        }
        for (i, (_, m)) in mistakes.iter().enumerate() {
            for phrase in &m.phrases {
                let key = own_key(&phrase.0, compiled, &mut cache);
                keyed.extend(key.map(|k| (k, Heard::Mistake(i))));
            }
        }
        Ok(Scorer {
            mistakes,
            case_id: case.id.to_string(),
            case_title: case.title.clone(),
            form: form.clone(),
            facts: CaseFacts::new(case, words, &rubrics.titles(), &mut cache),
            other_names: character_names(&case.judge_role),
            terms,
            matcher: Matcher::from_keys(keyed, patterns),
            plan,
            questions,
            judge_stuffing: true,
        })
    }

    /// Turns the stuffing judgement off, for drills where listing an indicator's
    /// steps is the answer asked for, not keyword stuffing.
    pub fn without_stuffing(mut self) -> Scorer {
        self.judge_stuffing = false;
        self
    }

    /// The plan the scorer listens for.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Scores one response. Pure: the same text always gives the same scorecard.
    pub fn score(&self, original: &str) -> Scorecard {
        self.judge(original, &[], None)
    }

    /// Scores one response as [`Scorer::score`] does, normalizing each word once per
    /// `cache`: the same scorecard, faster over a class.
    pub fn score_cached(&self, original: &str, cache: &mut WordCache) -> Scorecard {
        self.judge(original, &[], Some(cache))
    }

    /// Scores a practice: the presentation and the answers to the judge's questions,
    /// all the student's own words, in one text. `answers[i]` is where the answer to
    /// question `i` lies in `original`: an answer with substance (a sentence of four
    /// words or more) on the question's topic (the question's words, the case's facts
    /// or a rubric concept) answers it, whatever words it repeats; a question is also
    /// answered anywhere its key words share a sentence.
    pub fn score_with_answers(&self, original: &str, answers: &[Option<Span>]) -> Scorecard {
        self.judge(original, answers, None)
    }

    /// The response's reading, and which of its sentences are disrespectful.
    fn read(
        &self,
        response: &str,
        tokenized: &Tokenized,
        clauses: &Clauses,
        quoted: &[Span],
    ) -> (Reading, Vec<bool>) {
        let listed = lexicon::listed(response);
        let rude = reading::disrespectful(response, tokenized, quoted, &listed);
        let reading = reading::read(response, tokenized, clauses, &self.facts, (&listed, &rude));
        (reading, rude)
    }

    fn judge(
        &self,
        original: &str,
        answers: &[Option<Span>],
        cache: Option<&mut WordCache>,
    ) -> Scorecard {
        // Other speakers' lines and repeated sentences are blanked, so every offset
        // still points into the original text but only the student's words count once.
        let (own, tokenized) = self.own_words(original, cache);
        let response = own.as_str();
        let quoted = voices::quoted(response);
        let norm = NormText::new(&tokenized);
        let clauses = Clauses::new(&tokenized);
        let heard = Heards::split(self.matcher.find(response, &tokenized, &norm));
        let found = distinct(heard.concepts);
        let negations: Vec<Option<usize>> = found
            .iter()
            .map(|f| negated_by(&tokenized, &clauses, &f.tokens))
            .collect();
        let (on_case, terms_used) = self.terms.mark(tokenized.sentences.len(), heard.terms);
        let stuffing = self.stuffing(&tokenized, &found, &on_case);

        let sentences = tokenized.sentences.len();
        let tie = on_case.iter().filter(|&&b| b).count() as f64 / sentences.max(1) as f64;
        // Share of phrases found that were negated or stuffing: a response made mostly of
        // refusals or buzzwords earns little even for the few phrases that slip through.
        let refused = found
            .iter()
            .zip(&negations)
            .filter(|(f, negation)| negation.is_some() || stuffing[f.sentence].is_some())
            .count();
        let dismissed = refused as f64 / found.len().max(1) as f64;
        let (reading, rude) = self.read(response, &tokenized, &clauses, &quoted);
        let misconceptions = self.misconceptions(heard.mistakes, &tokenized, &clauses);
        let level = points::level(&reading);
        let (held_share, held) = points::gate(&reading);
        let context = Judged {
            tokenized: &tokenized,
            quoted: &quoted,
            found: &found,
            negations: &negations,
            stuffing: &stuffing,
            on_case: &on_case,
            rude: &rude,
            misconceptions: &misconceptions,
        };
        let mut indicators: Vec<IndicatorScore> = (0..self.plan.indicators.len())
            .map(|index| self.score_indicator(index, &context))
            .collect();
        self.set_points(&mut indicators, level, held_share, &misconceptions);

        let (specifics, new_specifics) =
            skills::concrete_details(&tokenized, |n| self.terms.contains_norm(n));
        let questions_answered = self.questions_answered(&tokenized, answers, &found);
        let questions = if self.questions.is_empty() {
            level / 14.0
        } else {
            questions_answered as f64 / self.questions.len() as f64
        };
        let skill_lines = self.skill_lines(level, &reading, questions, (specifics, new_specifics));
        let total = self.total(&indicators, &skill_lines);
        let stuffed = tokenized
            .sentences
            .iter()
            .zip(&stuffing)
            .filter_map(|(s, kind)| kind.map(|k| (s.span, k)))
            .collect();
        Scorecard {
            case_id: self.case_id.clone(),
            case_title: self.case_title.clone(),
            form_id: self.form.id.clone(),
            indicators,
            skills: skill_lines,
            total,
            max: self.form.total.max,
            rating: Band::for_points(total, &self.form.total.band_floors),
            certificate: total >= self.form.total.certificate,
            stats: Stats {
                words: reading.words,
                sentences,
                case_tie: tie,
                case_terms_used: terms_used
                    .iter()
                    .map(|&i| self.terms.terms[i].clone())
                    .collect(),
                dismissed,
                questions_answered: (questions_answered, self.questions.len()),
            },
            stuffed,
            misconceptions,
            held,
            reading,
        }
    }

    /// The response with other speakers' lines and repeated sentences blanked out.
    fn own_words(&self, response: &str, mut cache: Option<&mut WordCache>) -> (String, Tokenized) {
        let mut cut = |text: &str| match cache.as_deref_mut() {
            Some(cache) => tokenize_cached(text, cache),
            None => tokenize(text),
        };
        let mut drop = voices::other_speakers(response, &self.other_names);
        let first = voices::blank(response, &drop);
        let tokenized = cut(&first);
        let mut seen: HashSet<Vec<&str>> = HashSet::default();
        let mut repeated = Vec::new();
        for sentence in &tokenized.sentences {
            let words: Vec<&str> = tokenized.tokens[sentence.tokens.clone()]
                .iter()
                .filter(|t| !t.skip)
                .map(|t| t.norm.as_str())
                .collect();
            if words.len() >= 4 && !seen.insert(words) {
                repeated.push(sentence.span);
            }
        }
        // Tokenize again only when a repeated sentence was blanked.
        if repeated.is_empty() {
            return (first, tokenized);
        }
        drop.extend(repeated);
        drop.sort_by_key(|s| s.start);
        let own = voices::blank(response, &drop);
        let tokenized = cut(&own);
        (own, tokenized)
    }
}

/// The judge's character's name, as a transcript might label it: the capitalized
/// words that open the judge's role ("Dana Whitfield, a customer who ...").
fn character_names(judge_role: &str) -> Vec<String> {
    let head = judge_role.split(',').next().unwrap_or_default();
    let words: Vec<&str> = head
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .collect();
    if words.is_empty() {
        Vec::new()
    } else {
        vec![words.join(" ")]
    }
}

/// Drops a match of a concept that lies inside a longer match of the same concept
/// ("sorry" inside "I am sorry").
fn distinct(found: Vec<Found<Target>>) -> Vec<Found<Target>> {
    let mut kept: Vec<Found<Target>> = Vec::with_capacity(found.len());
    for f in found {
        let inside = kept.iter().rev().take(32).any(|k| {
            k.target == f.target && k.tokens.start <= f.tokens.start && f.tokens.end <= k.tokens.end
        });
        if !inside {
            kept.push(f);
        }
    }
    kept
}
