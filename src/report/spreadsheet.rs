//! The class spreadsheet: one compact row per scored response ([`Scored`], which batch
//! produces and the roster reads), written as CSV that a spreadsheet will not run as
//! formulas.

pub use crate::wire::row::{Line, Scored};

/// The indicator codes of the scored rows, in first-seen order: the CSV's columns.
pub fn codes(scored: &[Scored]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for s in scored {
        for line in &s.lines {
            if !codes.contains(&line.code) {
                codes.push(line.code.clone());
            }
        }
    }
    codes
}

/// A text cell a spreadsheet will not run as a formula: a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP recommends
/// against CSV injection.
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Writes the scored rows as CSV: student, case, total, rating, then one column per code.
pub fn write_csv(out: &mut dyn std::io::Write, scored: &[Scored]) -> Result<(), csv::Error> {
    let codes = codes(scored);
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec![
        "student".to_string(),
        "case".into(),
        "total".into(),
        "rating".into(),
    ];
    header.extend(codes.iter().cloned());
    writer.write_record(&header)?;
    for s in scored {
        let mut record = vec![
            spreadsheet_safe(&s.student),
            spreadsheet_safe(&s.case),
            s.total.to_string(),
            s.rating.key().to_string(),
        ];
        record.extend(codes.iter().map(|c| {
            s.lines
                .iter()
                .find(|l| &l.code == c)
                .map(|l| l.points.to_string())
                .unwrap_or_default()
        }));
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}
