//! A class's scored row: the compact view of one scored response that `roleplay batch`
//! produces, `--format csv` writes and the roster reads (a class of 100,000 keeps
//! only these, not the responses or the full scorecards).

use serde::Serialize;

use crate::model::Band;

/// A scored row: what the CSV and the roster need, without the response or the
/// full scorecard (a class of 100,000 keeps only these).
#[derive(Clone, Debug, Serialize)]
pub struct Scored {
    /// Who wrote it.
    pub student: String,
    /// The case's id.
    pub case: String,
    /// The total.
    pub total: u32,
    /// The rating.
    pub rating: Band,
    /// Points and band per indicator, in the case's order.
    pub lines: Vec<Line>,
}

/// One indicator's result in a scored row.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// The indicator code.
    pub code: String,
    /// Points earned.
    pub points: u32,
    /// The band of those points.
    pub band: Band,
}
