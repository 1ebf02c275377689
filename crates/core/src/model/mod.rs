//! Checked types: a value of these types is always valid.

pub mod answer;
pub mod band;
pub mod case;
pub mod case_id;
pub mod code;
pub mod follow_up;
pub mod form;
pub mod rubric;

pub use answer::Answer;
pub use band::{Band, BandRange};
pub use case::{Case, CaseFollowUp, CaseSource, Example, JudgeNotes, LookFor};
pub use case_id::CaseId;
pub use code::Code;
pub use follow_up::{Asked, FollowUp};
pub use form::{Form, FormProblem, SkillMeasure, Timing};
pub use rubric::{
    CompiledKeys, CompiledPhrase, Concept, ConceptExamples, KeyedPhrase, Level, Misconception,
    Pattern, Phrase, PhraseWords, Rubric, RubricSet,
};
