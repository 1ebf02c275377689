//! Figures over the history: how each indicator is going.

use std::collections::BTreeMap;

use crate::engine::Scorecard;
use crate::model::Code;
use crate::store::Attempt;

/// One indicator's record across attempts.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct IndicatorRecord {
    /// The code.
    pub code: Code,
    /// The title.
    pub title: String,
    /// Attempts that tested it.
    pub attempts: usize,
    /// Mean share of the maximum, 0 to 1.
    pub average: f64,
    /// Shares of the maximum, oldest first.
    pub history: Vec<f64>,
}

/// The scorecard saved with an attempt, if it can be read.
pub fn scorecard(attempt: &Attempt) -> Option<Scorecard> {
    serde_json::from_value(attempt.scorecard.clone()).ok()
}

/// Every indicator any attempt tested, by code.
pub fn indicator_records(attempts: &[Attempt]) -> Vec<IndicatorRecord> {
    let mut records: BTreeMap<Code, IndicatorRecord> = BTreeMap::new();
    for card in attempts.iter().filter_map(scorecard) {
        for line in &card.indicators {
            let record = records
                .entry(line.code.clone())
                .or_insert_with(|| IndicatorRecord {
                    code: line.code.clone(),
                    title: line.title.clone(),
                    attempts: 0,
                    average: 0.0,
                    history: Vec::new(),
                });
            record.attempts += 1;
            record
                .history
                .push(f64::from(line.points) / f64::from(line.max.max(1)));
        }
    }
    let mut out: Vec<IndicatorRecord> = records.into_values().collect();
    for record in &mut out {
        record.average = record.history.iter().sum::<f64>() / record.history.len().max(1) as f64;
    }
    out
}

/// The weakest indicators first (lowest average, then fewest attempts, then code).
pub fn weakest(records: &[IndicatorRecord]) -> Vec<&IndicatorRecord> {
    let mut sorted: Vec<&IndicatorRecord> = records.iter().collect();
    sorted.sort_by(|a, b| {
        a.average
            .total_cmp(&b.average)
            .then(a.attempts.cmp(&b.attempts))
            .then(a.code.cmp(&b.code))
    });
    sorted
}
