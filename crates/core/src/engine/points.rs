//! From what the response showed to points, as a judge gives them. The weights were
//! fitted by `tools/fit_points.py`, by least squares (ridge, lambda 0.3) on the graded set's 120 responses to 12
//! cases, two blind judges each, and checked holding out one author's cases at a time
//! (see the README's "How scoring works"). Judges reward a response that works with
//! the case's own facts and commits to act; they give almost nothing to a list of
//! terms, the case copied back, or the right words said rudely, whatever else is in it.

use super::reading::Reading;
use crate::model::SkillMeasure;

/// The level of the whole response on the indicators' 0-14 scale, before the gates:
/// intercept, then weights of ln(1 + facts used), the share of the case's facts used,
/// commitments per sentence, ln(words), and hedges per sentence.
const LEVEL: [f64; 6] = [-12.296, 2.685, 1.876, 4.392, 2.396, -2.855];

/// The facts a full-length DECA situation offers (the graded cases give 28 to 53): a
/// short case offers fewer, so its facts count as a share of this many.
const REFERENCE_FACTS: f64 = 30.0;

/// How far an indicator's own concept evidence moves it from the response's level:
/// points per unit of coverage above or below the response's mean coverage.
const SPREAD: f64 = 7.0;

/// The gates' thresholds: where a response starts to be judged a list of fragments,
/// buzzwords, copied text or hostile, and how quickly it falls to nothing.
const SPEECH_FLOOR: f64 = 0.25;
const SPEECH_RAMP: f64 = 0.3;
const BUZZ_FLOOR: f64 = 1.0;
const BUZZ_RAMP: f64 = 3.0;
const COPY_FLOOR: f64 = 0.25;
const COPY_RAMP: f64 = 0.2;
/// Refusals are normal in small numbers (a policy that cannot bend, explained): two,
/// and one more for each ten sentences (the graded set's strong answers refuse up to
/// four times in 30 to 45 sentences; refusing answers six to eight times in 25).
const REFUSALS_ALLOWED: f64 = 2.0;
const REFUSALS_PER_SENTENCE: f64 = 0.1;
const HOSTILE_FLOOR: f64 = 1.0;
const HOSTILE_RAMP: f64 = 2.0;
/// An answer to another problem: under this share of its content from the case
/// (the graded set's on-case answers, however weak, read 0.35 or more; answers to
/// another business problem 0.15 or less).
const TOPIC_FLOOR: f64 = 0.15;
const TOPIC_RAMP: f64 = 0.15;

fn clamp01(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// Why a response was held down as a whole, if it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Held {
    /// Mostly fragments: a list of terms rather than sentences to the customer.
    Fragments,
    /// Mostly buzzwords.
    Buzzwords,
    /// Mostly the case's own text copied back.
    Copied,
    /// Refusing, blaming or belittling the customer.
    Hostile,
    /// About another problem than the case's.
    OffTopic,
}

impl Held {
    /// What a student should read.
    pub fn reason(self) -> &'static str {
        match self {
            Held::Fragments => "mostly a list of terms, not sentences spoken to the customer",
            Held::Buzzwords => "mostly buzzwords, with nothing the customer could act on",
            Held::Copied => "mostly the case's own text copied back",
            Held::Hostile => "refuses, blames or belittles the customer",
            Held::OffTopic => "about a different problem from the one in the case",
        }
    }
}

/// The share of the response's level it keeps, 0 to 1, and the main reason for any loss.
pub fn gate(r: &Reading) -> (f64, Option<Held>) {
    let parts = [
        (
            clamp01((r.speech - SPEECH_FLOOR) / SPEECH_RAMP),
            Held::Fragments,
        ),
        (
            clamp01(1.0 - (r.buzzwords - BUZZ_FLOOR) / BUZZ_RAMP),
            Held::Buzzwords,
        ),
        (
            clamp01(1.0 - (r.copied - COPY_FLOOR) / COPY_RAMP),
            Held::Copied,
        ),
        (
            clamp01(1.0 - (hostility(r) - HOSTILE_FLOOR) / HOSTILE_RAMP),
            Held::Hostile,
        ),
        (
            // A response that uses many of the case's facts is on the case however
            // many new words its plan brings.
            clamp01((r.topic.max(r.fact_share) - TOPIC_FLOOR) / TOPIC_RAMP),
            Held::OffTopic,
        ),
    ];
    let share: f64 = parts.iter().map(|(s, _)| s).product();
    let worst = parts
        .iter()
        .filter(|(s, _)| *s < 1.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, h)| *h);
    (share, worst)
}

/// Disrespectful sentences, plus each refusal beyond the few a policy explains.
fn hostility(r: &Reading) -> f64 {
    let allowed = REFUSALS_ALLOWED + REFUSALS_PER_SENTENCE * r.sentences as f64;
    r.disrespect as f64 + (r.refusals as f64 - allowed).max(0.0)
}

/// The response's level on the 0-14 scale, gates applied.
pub fn level(r: &Reading) -> f64 {
    if r.words == 0 {
        return 0.0;
    }
    let sentences = r.sentences.max(1) as f64;
    let facts = r.facts_used.max(r.fact_share * REFERENCE_FACTS);
    let raw = LEVEL[0]
        + LEVEL[1] * facts.ln_1p()
        + LEVEL[2] * r.fact_share
        + LEVEL[3] * r.commitments as f64 / sentences
        + LEVEL[4] * (r.words as f64).ln()
        + LEVEL[5] * r.hedges as f64 / sentences;
    raw.clamp(0.0, 14.0) * gate(r).0
}

/// One indicator's points on the 0-14 scale: the response's level, moved up or down
/// by how its own concept evidence compares with the other indicators'. A gate that
/// holds the response down (`held_share` below 1) holds the evidence down with it.
pub fn indicator(level: f64, coverage: f64, mean_coverage: f64, held_share: f64) -> f64 {
    let spread = SPREAD * held_share;
    (level + spread * (coverage - mean_coverage)).clamp(0.0, level.max(0.0) + spread)
}

/// A skills line's points on the 0-6 scale: intercept, weight of the level, and
/// weight of the line's own signal.
const SKILLS: [(&str, [f64; 3]); 5] = [
    ("reasoning", [-0.045, 0.461, -1.112]),
    ("judgment", [-0.048, 0.43, 0.654]),
    ("communication", [1.82, 0.309, -0.757]),
    ("creativity", [-0.44, 0.414, 0.0]),
    ("impression", [-0.235, 0.423, 0.061]),
];

/// The signal each skills line weighs besides the level: reasons per sentence,
/// firm commitments less hedges per sentence, fillers per 100 words, nothing, and
/// the share of the judge's questions answered.
pub fn skill(id: &SkillMeasure, level: f64, r: &Reading, questions: f64) -> f64 {
    if r.words == 0 {
        return 0.0;
    }
    let sentences = r.sentences.max(1) as f64;
    let (weights, signal) = match id {
        SkillMeasure::Reasoning => (SKILLS[0].1, r.reasons as f64 / sentences),
        SkillMeasure::Judgment => (
            SKILLS[1].1,
            (r.commitments as f64 - r.hedges as f64) / sentences,
        ),
        SkillMeasure::Communication => (SKILLS[2].1, r.fillers),
        SkillMeasure::Creativity => (SKILLS[3].1, 0.0),
        SkillMeasure::Impression => (SKILLS[4].1, questions),
    };
    let (share, _) = gate(r);
    ((weights[0] + weights[1] * level + weights[2] * signal) * share).clamp(0.0, 6.0)
}
