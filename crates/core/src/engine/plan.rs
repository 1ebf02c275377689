//! What a case asks for, resolved against the rubrics: per indicator, the rubric's
//! concepts followed by the case's own `look_for` points.

use regex::Regex;
use serde::Serialize;

use super::EngineError;
use crate::model::{Case, Code, RubricSet};

/// Where a concept comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConceptSource {
    /// The indicator's shipped rubric.
    Rubric,
    /// The case's `look_for`.
    Case,
}

/// A concept to listen for.
#[derive(Clone, Debug)]
pub struct PlannedConcept {
    /// The rubric's id, or the case point's label.
    pub id: String,
    /// What the student did, as a report says it.
    pub label: String,
    /// How much it counts.
    pub weight: u32,
    /// What to do when it is missing.
    pub tip: String,
    /// Rubric or case.
    pub source: ConceptSource,
    /// Plain phrases.
    pub phrases: Vec<String>,
    /// Opt-in patterns.
    pub patterns: Vec<Regex>,
}

/// One indicator of the case and what earns it.
#[derive(Clone, Debug)]
pub struct PlannedIndicator {
    /// The code.
    pub code: Code,
    /// The rubric's title.
    pub title: String,
    /// Rubric concepts, then case points.
    pub concepts: Vec<PlannedConcept>,
}

/// Everything the engine listens for in one case.
#[derive(Clone, Debug)]
pub struct Plan {
    /// In the case's order.
    pub indicators: Vec<PlannedIndicator>,
}

impl Plan {
    /// Resolves the case's indicators against the rubrics.
    pub fn new(case: &Case, rubrics: &RubricSet) -> Result<Plan, EngineError> {
        let mut indicators = Vec::new();
        for code in &case.indicators {
            let rubric = rubrics
                .get(code)
                .ok_or_else(|| EngineError::UnknownIndicator {
                    case: case.id.to_string(),
                    code: code.clone(),
                })?;
            let mut concepts: Vec<PlannedConcept> = rubric
                .concepts
                .iter()
                .map(|c| PlannedConcept {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    weight: c.weight,
                    tip: c.tip.clone(),
                    source: ConceptSource::Rubric,
                    phrases: c.phrases.iter().map(|p| p.0.clone()).collect(),
                    patterns: c.patterns.iter().map(|p| p.regex.clone()).collect(),
                })
                .collect();
            for item in case.look_for(code) {
                concepts.push(PlannedConcept {
                    id: item.label.clone(),
                    label: item.label.clone(),
                    weight: item.weight,
                    tip: item.tip.clone().unwrap_or_else(|| {
                        format!("Tie this indicator to the case: {}.", item.label)
                    }),
                    source: ConceptSource::Case,
                    phrases: item.phrases.iter().map(|p| p.0.clone()).collect(),
                    patterns: item.patterns.iter().map(|p| p.regex.clone()).collect(),
                });
            }
            indicators.push(PlannedIndicator {
                code: code.clone(),
                title: rubric.title.clone(),
                concepts,
            });
        }
        Ok(Plan { indicators })
    }
}
