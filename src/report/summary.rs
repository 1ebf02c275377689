//! The one-screen summary that ends a practice session: the total, each indicator's
//! band, the two things to work on next, and the commands for the full feedback.

use std::io::{self, Write};

use super::Style;
use super::view::View;
use crate::words::{fit, wrap};

/// Writes the summary of an attempt saved as `attempt`; at most about 20 lines.
pub fn write(out: &mut dyn Write, view: &View<'_>, attempt: i64, style: Style) -> io::Result<()> {
    let width = style.width.clamp(50, 100);
    let (total, max) = view.total;
    let heading = format!("{}: {total}/{max}, {}", view.title, view.rating_label);
    writeln!(out, "{}", fit(&heading, width))?;
    for row in &view.indicator_table.rows {
        let code = row.code.map_or("", |c| c.as_str());
        let label = fit(&format!("{code} {}", row.label), width - 18);
        writeln!(
            out,
            "  {label:<w$} {:>2}/{:<2} {}",
            row.points,
            row.max,
            row.band.key(),
            w = width - 18
        )?;
    }
    next_steps(out, view, width)?;
    writeln!(
        out,
        "\nSaved as attempt {attempt}. The full feedback, quotes and tips:"
    )?;
    writeln!(out, "  roleplay show-attempt {attempt}")?;
    writeln!(
        out,
        "  roleplay report {attempt} -o feedback.html   (the DECA form, to print; or .pdf, .md)"
    )?;
    Ok(())
}

/// The first missed idea of the two weakest indicators, with its tip.
fn next_steps(out: &mut dyn Write, view: &View<'_>, width: usize) -> io::Result<()> {
    let mut weakest: Vec<_> = view
        .indicators
        .iter()
        .filter(|i| !i.missed.is_empty())
        .collect();
    weakest.sort_by_key(|i| (i.row.points, i.row.code));
    if !weakest.is_empty() {
        writeln!(out, "\nTo work on next:")?;
    }
    for (n, i) in weakest.iter().take(2).enumerate() {
        let missed = &i.missed[0];
        let code = i.row.code.map_or("", |c| c.as_str());
        let lines = wrap(
            &format!("{} ({code}): {}", missed.label, missed.tip),
            width - 5,
        );
        for (k, line) in lines.iter().take(3).enumerate() {
            let lead = if k == 0 {
                format!("{}. ", n + 1)
            } else {
                "   ".into()
            };
            writeln!(out, "  {lead}{line}")?;
        }
    }
    Ok(())
}
