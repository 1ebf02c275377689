//! Scoring: phrases found, judged in context (negation, stuffing, repetition), then
//! points per indicator, the skills lines, the total and the rating.

use rustc_hash::FxHashSet as HashSet;

use super::EngineError;
use super::case_tie::{COMMON_NORMS, CaseTerms};
use super::matcher::{Found, Matcher, NormText};
use super::negation::{Clauses, negated_by};
use super::plan::{ConceptSource, Plan};
use super::points;
use super::reading::{self, CaseFacts};
use super::scorecard::{
    Evidence, IndicatorScore, MisconceptionHit, Missed, Scorecard, SkillScore, Stats, Status,
};
use super::skills;
use super::stuffing::{Hit, stuffed_sentences};
use super::synonyms;
use crate::model::{Band, Case, Code, Form, RubricSet};
use crate::text::{Span, Tokenized, WordCache, tokenize, tokenize_cached, voices};

mod answers;

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
    /// The concepts' phrases, the case's terms and the misconceptions in one automaton.
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
            let Found {
                target,
                tokens,
                span,
                sentence,
            } = f;
            match target {
                Heard::Concept(target) => heards.concepts.push(Found {
                    target,
                    tokens,
                    span,
                    sentence,
                }),
                Heard::Term(target) => heards.terms.push(Found {
                    target,
                    tokens,
                    span,
                    sentence,
                }),
                Heard::Mistake(target) => heards.mistakes.push(Found {
                    target,
                    tokens,
                    span,
                    sentence,
                }),
            }
        }
        heards
    }
}

impl Scorer {
    /// Compiles the case's phrases, with its rubrics and form.
    pub fn new(case: &Case, rubrics: &RubricSet, form: &Form) -> Result<Scorer, EngineError> {
        let plan = Plan::new(case, rubrics)?;
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for (indicator, planned) in plan.indicators.iter().enumerate() {
            for (concept, c) in planned.concepts.iter().enumerate() {
                let target = Target { indicator, concept };
                let heard = Heard::Concept(target);
                for phrase in &c.phrases {
                    phrases.push((phrase.clone(), heard));
                    phrases.extend(synonyms::variants(phrase).into_iter().map(|v| (v, heard)));
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
                let mut words: Vec<String> = tokenize(q)
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
        // Concepts first, so their phrases keep the automaton's first slots.
        let terms = CaseTerms::new(case, generic);
        phrases.extend(terms.phrases().map(|(t, i)| (t, Heard::Term(i))));
        phrases.extend(mistakes.iter().enumerate().flat_map(|(i, (_, m))| {
            m.phrases
                .iter()
                .map(move |p| (p.0.clone(), Heard::Mistake(i)))
        }));
        Ok(Scorer {
            mistakes,
            case_id: case.id.to_string(),
            case_title: case.title.clone(),
            form: form.clone(),
            facts: CaseFacts::new(
                case,
                words,
                &rubrics.iter().map(|r| r.title.clone()).collect::<Vec<_>>(),
            ),
            other_names: character_names(&case.judge_role),
            terms,
            matcher: Matcher::new(phrases, patterns)?,
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
        let rude = reading::disrespectful(response, &tokenized, &quoted);
        let reading = reading::read(response, &tokenized, &clauses, &self.facts, &rude);
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

    /// The form's 21st Century Skills lines, each with its points and the reason for
    /// them; `details` counts the concrete details used, and those not in the case.
    fn skill_lines(
        &self,
        level: f64,
        reading: &super::Reading,
        questions: f64,
        (specifics, new_specifics): (usize, usize),
    ) -> Vec<SkillScore> {
        let form = &self.form.skills;
        form.lines
            .iter()
            .map(|line| {
                let share = points::skill(&line.id, level, reading, questions) / 6.0;
                let points = (share * f64::from(form.max)).round() as u32;
                SkillScore {
                    id: line.id,
                    label: line.label.clone(),
                    points,
                    max: form.max,
                    band: Band::for_points(points, &form.band_floors),
                    reason: skills::reason(&line.id, reading, questions, specifics, new_specifics),
                }
            })
            .collect()
    }

    /// For each sentence, the kind of keyword stuffing it is, if any (never, for drills).
    fn stuffing(
        &self,
        tokenized: &Tokenized,
        found: &[Found<Target>],
        on_case: &[bool],
    ) -> Vec<Option<super::stuffing::Stuffing>> {
        if !self.judge_stuffing {
            return vec![None; tokenized.sentences.len()];
        }
        let hits: Vec<Hit> = found
            .iter()
            .map(|f| {
                (
                    f.sentence,
                    f.tokens.clone(),
                    (f.target.indicator, f.target.concept),
                )
            })
            .collect();
        stuffed_sentences(tokenized, &hits, on_case)
    }

    /// Sets each indicator's points from the response's level and the indicator's
    /// coverage against the others'; an indicator whose position is wrong is held
    /// below "meets", as a judge would not rate it meets.
    fn set_points(
        &self,
        indicators: &mut [IndicatorScore],
        level: f64,
        held_share: f64,
        misconceptions: &[MisconceptionHit],
    ) {
        let mean_coverage =
            indicators.iter().map(|i| i.coverage).sum::<f64>() / indicators.len().max(1) as f64;
        let scale = f64::from(self.form.indicators.max) / 14.0;
        for line in indicators {
            let points = points::indicator(level, line.coverage, mean_coverage, held_share) * scale;
            line.points = (points.round() as u32).min(line.max);
            if misconceptions.iter().any(|m| m.code == line.code) {
                let below_meets = self.form.indicators.band_floors[2].saturating_sub(1);
                line.points = line.points.min(below_meets);
                line.capped = true;
            }
            line.band = Band::for_points(line.points, &self.form.indicators.band_floors);
        }
    }

    /// The form's total: the indicators' points scaled to their share, plus the skills.
    fn total(&self, indicators: &[IndicatorScore], skills: &[SkillScore]) -> u32 {
        let indicator_points: u32 = indicators.iter().map(|i| i.points).sum();
        let indicator_max = (self.form.indicators.max * indicators.len() as u32).max(1);
        let scaled = f64::from(indicator_points) / f64::from(indicator_max)
            * f64::from(self.form.indicator_share());
        let skill_points: u32 = skills.iter().map(|s| s.points).sum();
        ((scaled + f64::from(skill_points)).round() as u32).min(self.form.total.max)
    }

    /// The phrases found for one indicator, each judged in its context (quoted,
    /// contradicted, negated, rude, stuffed, repeated or credited), and which of the
    /// indicator's concepts were credited.
    fn evidence(&self, index: usize, context: &Judged<'_>) -> (Vec<Evidence>, Vec<bool>) {
        let Judged {
            tokenized,
            quoted,
            found,
            negations,
            stuffing,
            on_case,
            rude,
            misconceptions,
        } = *context;
        let planned = &self.plan.indicators[index];
        let mut credited = vec![false; planned.concepts.len()];
        let mut evidence = Vec::new();
        for (f, negation) in found
            .iter()
            .zip(negations)
            .filter(|(f, _)| f.target.indicator == index)
        {
            let concept = &planned.concepts[f.target.concept];
            let sentence = tokenized.sentences[f.sentence].span;
            let wrong = misconceptions
                .iter()
                .find(|m| m.code == planned.code && sentence.contains(m.span));
            let status = if quoted.iter().any(|q| q.contains(f.span)) {
                Status::Quoted
            } else if let Some(m) = wrong {
                Status::Contradicted(m.span)
            } else if let Some(trigger) = negation {
                Status::Negated(tokenized.tokens[*trigger].span)
            } else if rude[f.sentence] {
                Status::Disrespectful
            } else if let Some(kind) = stuffing[f.sentence] {
                Status::Stuffed(kind)
            } else if credited[f.target.concept] {
                Status::Repeated
            } else {
                credited[f.target.concept] = true;
                Status::Credited
            };
            evidence.push(Evidence {
                concept: concept.id.clone(),
                label: concept.label.clone(),
                source: concept.source,
                span: f.span,
                context: quote_context(tokenized, f),
                sentence: f.sentence,
                case_specific: on_case[f.sentence],
                status,
            });
        }
        (evidence, credited)
    }

    /// One indicator's line: each phrase found judged in context, then points from
    /// coverage and depth, scaled by `context.scale` and held below "meets" when nothing
    /// ties it to the case. Also returns the weight of its "going beyond" points (light
    /// concepts and case points) and how much of it was earned, for the creativity line.
    fn score_indicator(&self, index: usize, context: &Judged<'_>) -> IndicatorScore {
        let planned = &self.plan.indicators[index];
        let (evidence, credited) = self.evidence(index, context);
        let weight_of = |earned_only: bool, extras_only: bool| -> u32 {
            planned
                .concepts
                .iter()
                .zip(&credited)
                .filter(|(c, got)| {
                    (!earned_only || **got)
                        && (!extras_only || c.weight == 1 || c.source == ConceptSource::Case)
                })
                .map(|(c, _)| c.weight)
                .sum()
        };
        let earned = weight_of(true, false);
        let coverage = f64::from(earned) / f64::from(weight_of(false, false).max(1));
        // Sentences of evidence that also use the case's own details.
        let deep: HashSet<usize> = evidence
            .iter()
            .filter(|e| e.case_specific && matches!(e.status, Status::Credited | Status::Repeated))
            .map(|e| e.sentence)
            .collect();
        let case_point = planned
            .concepts
            .iter()
            .zip(&credited)
            .any(|(c, got)| *got && c.source == ConceptSource::Case);
        let tied = case_point || !deep.is_empty();
        let max = self.form.indicators.max;
        let mut missed: Vec<Missed> = planned
            .concepts
            .iter()
            .zip(&credited)
            .filter(|(_, got)| !**got)
            .map(|(c, _)| Missed {
                concept: c.id.clone(),
                label: c.label.clone(),
                tip: c.tip.clone(),
                weight: c.weight,
                source: c.source,
            })
            .collect();
        missed.sort_by_key(|m| std::cmp::Reverse(m.weight));
        // Points are set once every indicator's coverage is known.
        IndicatorScore {
            code: planned.code.clone(),
            title: planned.title.clone(),
            points: 0,
            max,
            band: Band::Little,
            coverage,
            tied_to_case: tied,
            capped: false,
            evidence,
            missed,
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

/// What the whole response's reading gives each indicator's scoring.
#[derive(Clone, Copy)]
struct Judged<'a> {
    tokenized: &'a Tokenized,
    /// Spans of quoted or reported speech.
    quoted: &'a [Span],
    found: &'a [Found<Target>],
    negations: &'a [Option<usize>],
    stuffing: &'a [Option<super::stuffing::Stuffing>],
    on_case: &'a [bool],
    /// Sentences that refuse, blame or belittle the customer.
    rude: &'a [bool],
    /// Mistaken positions the response states.
    misconceptions: &'a [MisconceptionHit],
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

/// The text to quote around a match: its sentence, or its segment when the sentence is long.
fn quote_context(tokenized: &Tokenized, found: &Found<Target>) -> Span {
    let sentence = &tokenized.sentences[found.sentence];
    let words = sentence.tokens.len();
    if words <= 30 {
        return sentence.span;
    }
    let segment = tokenized.tokens[found.tokens.start].segment;
    let seg = &tokenized.segments[segment];
    let last = tokenized.tokens[found.tokens.end - 1].segment;
    seg.span.cover(tokenized.segments[last].span)
}
