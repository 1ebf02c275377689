//! The one-screen summary that ends a practice session: the total, each indicator's
//! band, the two things to work on next, and the commands for the full feedback.

use std::io::{self, Write};

use super::Style;
use super::text::{fit, wrap};
use crate::engine::Scorecard;
use crate::model::Form;

/// Writes the summary of an attempt saved as `attempt`; at most about 20 lines.
pub fn write(
    out: &mut dyn Write,
    card: &Scorecard,
    form: &Form,
    attempt: i64,
    style: Style,
) -> io::Result<()> {
    let width = style.width.clamp(50, 100);
    writeln!(
        out,
        "{}",
        fit(
            &format!(
                "{}: {}/{}, {}",
                card.case_title,
                card.total,
                card.max,
                form.band_label(card.rating)
            ),
            width
        )
    )?;
    for i in &card.indicators {
        let label = fit(&format!("{} {}", i.code.as_str(), i.title), width - 18);
        writeln!(
            out,
            "  {label:<w$} {:>2}/{:<2} {}",
            i.points,
            i.max,
            i.band.key(),
            w = width - 18
        )?;
    }
    let mut weakest: Vec<_> = card
        .indicators
        .iter()
        .filter(|i| !i.missed.is_empty())
        .collect();
    weakest.sort_by_key(|i| (i.points, i.code.clone()));
    if !weakest.is_empty() {
        writeln!(out, "\nTo work on next:")?;
    }
    for (n, i) in weakest.iter().take(2).enumerate() {
        let missed = &i.missed[0];
        let lines = wrap(
            &format!("{} ({}): {}", missed.label, i.code.as_str(), missed.tip),
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
