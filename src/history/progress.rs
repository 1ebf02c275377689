//! Figures over the history: how each indicator is going, and what to work on next.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::history::store::Attempt;
use crate::model::{Band, Code};

/// One indicator's record across attempts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorRecord {
    /// The code.
    pub code: Code,
    /// The title.
    pub title: String,
    /// Attempts that tested it.
    pub attempts: usize,
    /// Points in each attempt, oldest first.
    pub points: Vec<u32>,
    /// The indicator's maximum.
    pub max: u32,
    /// Mean points.
    pub average_points: f64,
    /// Mean share of the maximum, 0 to 1.
    pub average: f64,
    /// The band of the mean points.
    pub band: Band,
    /// Mean of the last three attempts less the mean of the three before, in points;
    /// 0 with fewer than two attempts.
    pub trend: f64,
    /// Shares of the maximum, oldest first.
    pub history: Vec<f64>,
    /// The most useful tip from the latest attempt: its heaviest missed concept.
    pub next_tip: Option<String>,
}

/// Every indicator any attempt tested, by code, each attempt read on its own form. The
/// band of an average uses the floors of the latest form that scored the indicator.
pub fn indicator_records(attempts: &[Attempt]) -> Vec<IndicatorRecord> {
    let mut records: BTreeMap<Code, (IndicatorRecord, [u32; 4])> = BTreeMap::new();
    for attempt in attempts {
        let floors = attempt.score.form.indicators.band_floors;
        for line in &attempt.score.score.indicators {
            let (record, record_floors) = records.entry(line.code.clone()).or_insert_with(|| {
                let record = IndicatorRecord {
                    code: line.code.clone(),
                    title: line.title.clone(),
                    attempts: 0,
                    points: Vec::new(),
                    max: line.max,
                    average_points: 0.0,
                    average: 0.0,
                    band: Band::Little,
                    trend: 0.0,
                    history: Vec::new(),
                    next_tip: None,
                };
                (record, floors)
            });
            *record_floors = floors;
            record.attempts += 1;
            record.points.push(line.points);
            record
                .history
                .push(f64::from(line.points) / f64::from(line.max.max(1)));
            record.next_tip = line
                .missed
                .first()
                .map(|m| format!("{}: {}", m.label, m.tip));
        }
    }
    records
        .into_values()
        .map(|(mut record, floors)| {
            let n = record.points.len().max(1) as f64;
            record.average_points = record.points.iter().map(|&p| f64::from(p)).sum::<f64>() / n;
            record.average = record.history.iter().sum::<f64>() / n;
            record.band = Band::for_points(record.average_points.round() as u32, &floors);
            record.trend = trend(&record.points);
            record
        })
        .collect()
}

/// Mean of the last three less the mean of up to three before them.
pub fn trend(points: &[u32]) -> f64 {
    if points.len() < 2 {
        return 0.0;
    }
    let split = points.len().saturating_sub(3).max(1);
    let recent = &points[split..];
    let before = &points[split.saturating_sub(3)..split];
    let mean = |p: &[u32]| p.iter().map(|&x| f64::from(x)).sum::<f64>() / p.len().max(1) as f64;
    mean(recent) - mean(before)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_compares_the_last_three_with_the_three_before() {
        assert_eq!(trend(&[]), 0.0);
        assert_eq!(trend(&[5]), 0.0);
        assert_eq!(trend(&[4, 10]), 6.0);
        assert_eq!(trend(&[2, 4, 6, 8, 10, 12]), 6.0);
        assert_eq!(trend(&[10, 10, 10, 4]), (8.0 - 10.0));
    }
}
