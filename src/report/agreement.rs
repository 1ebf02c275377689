//! The terminal report of `roleplay agreement`: per case the two orders, then per
//! student and per indicator, the largest disagreements with what the engine
//! credited, and the overall figures last, where a terminal leaves them in view.

use std::io::{self, Write};

use anstyle::{Effects, Style as Ansi};

use super::text::{fit, wrap};
use super::{Style, excerpt};
use crate::agreement::{Agreement, Basis, CaseOrder, Disagreement};
use crate::text::Span;

/// Students' names are cut to this many characters in the order tables.
const NAME: usize = 22;
/// Credited quotes shown per disagreement; `--format json` has them all.
const QUOTES: usize = 3;

/// Writes the report.
pub fn write(out: &mut dyn Write, a: &Agreement, style: Style) -> io::Result<()> {
    let width = style.width.clamp(60, 120);
    let bold = |text: &str| {
        if style.color {
            let b = Ansi::new().effects(Effects::BOLD);
            format!("{}{text}{}", b.render(), b.render_reset())
        } else {
            text.to_string()
        }
    };
    writeln!(
        out,
        "{}",
        bold(
            "Per case: the engine's order against the judges' (their mean total); = the same place"
        )
    )?;
    for case in &a.cases {
        writeln!(out)?;
        case_order(out, case, width, &bold)?;
    }

    if a.students.iter().any(|s| s.responses > 1) {
        writeln!(out)?;
        writeln!(out, "{}", bold("By student: mean total over their cases"))?;
        for s in &a.students {
            writeln!(
                out,
                "  {:<NAME$}  engine {:>5.1}  judges {:>5.1}  ({} cases)",
                fit(&s.student, NAME),
                s.engine,
                s.judges,
                s.responses,
            )?;
        }
    }

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        bold("Per indicator: engine minus judge, in points (below 0: the engine is harsher)")
    )?;
    let title_width = width.saturating_sub(52).max(12);
    for i in &a.indicators {
        writeln!(
            out,
            "  {:<8}{:<title_width$}  mean |gap| {:>4.1}  mean {:>+5.1}  band QWK {}  ({})",
            i.code,
            fit(&i.title, title_width),
            i.mean_abs,
            i.mean_diff,
            figure(i.band_qwk),
            i.marks
        )?;
    }

    if !a.disagreements.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            bold(&match a.disagreements.len() {
                1 => "The largest disagreement on one indicator".to_string(),
                n => format!("The {n} largest disagreements on one indicator"),
            })
        )?;
        for (n, d) in a.disagreements.iter().enumerate() {
            disagreement(out, n + 1, d, width, &bold)?;
        }
    }

    writeln!(out)?;
    overall(out, a, &bold)
}

fn case_order(
    out: &mut dyn Write,
    case: &CaseOrder,
    width: usize,
    bold: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    let agreement = match case.spearman {
        Some(rho) => format!(
            "Spearman {rho:.2}; {} of {} pairs swapped",
            case.swapped_pairs, case.pairs
        ),
        None => "Spearman n/a (too few responses, or all tied)".to_string(),
    };
    let head = fit(
        &case.case,
        width.saturating_sub(agreement.chars().count() + 2),
    );
    writeln!(out, "{}  {agreement}", bold(&head))?;
    writeln!(
        out,
        "  {:>2}  {:<w$}  {:>5}    judges",
        "#",
        "engine",
        "",
        w = NAME
    )?;
    for (n, (e, j)) in case.engine.iter().zip(&case.judges).enumerate() {
        let same = if e.student == j.student { "=" } else { " " };
        writeln!(
            out,
            "  {:>2}  {:<w$}  {:>5}  {same} {:<w$}  {:>5}",
            n + 1,
            fit(&e.student, NAME),
            total(e.total),
            fit(&j.student, NAME),
            format!("{:.1}", j.total),
            w = NAME
        )?;
    }
    Ok(())
}

fn disagreement(
    out: &mut dyn Write,
    n: usize,
    d: &Disagreement,
    width: usize,
    bold: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    writeln!(
        out,
        "  {n}. {}/{} {} ({}): engine {}, judge {}",
        d.case, d.student, d.code, d.judge, d.engine, d.judge_points
    )?;
    if d.credited.is_empty() {
        writeln!(out, "     the engine credited nothing for {}", d.code)?;
    }
    for q in d.credited.iter().take(QUOTES) {
        let matched = Span::new(q.at, q.at + q.matched.len());
        let (before, hit, after) = excerpt(
            &q.context,
            Span::new(0, q.context.len()),
            matched,
            width.saturating_sub(10),
        );
        writeln!(out, "     + {}", fit(&q.label, width.saturating_sub(8)))?;
        writeln!(out, "       \"{before}{}{after}\"", bold(&hit))?;
    }
    if d.credited.len() > QUOTES {
        writeln!(
            out,
            "     and {} more credited (see --format json)",
            d.credited.len() - QUOTES
        )?;
    }
    match &d.note {
        Some(note) => {
            let lines = wrap(&format!("judge: {note}"), width.saturating_sub(5));
            for line in lines {
                writeln!(out, "     {line}")?;
            }
        }
        None => writeln!(out, "     (no note from the judge)")?,
    }
    Ok(())
}

fn overall(out: &mut dyn Write, a: &Agreement, bold: &dyn Fn(&str) -> String) -> io::Result<()> {
    let o = &a.overall;
    writeln!(
        out,
        "{}",
        bold(&format!(
            "Overall: {} response(s) in {} case(s), marked by {}",
            o.responses,
            a.cases.len(),
            if a.judges.is_empty() {
                "nobody".to_string()
            } else {
                a.judges.join(", ")
            }
        ))
    )?;
    let basis = match a.basis {
        Basis::IndicatorsAndSkills => {
            "totals: the indicators scaled to their share of the form, plus the skills lines"
        }
        Basis::IndicatorsOnly => {
            "totals: the indicators alone, scaled to the whole form, on both sides (not every mark has the skills lines)"
        }
    };
    writeln!(out, "  {basis}")?;
    writeln!(
        out,
        "  Spearman of totals, engine against the judges' mean   {}",
        figure(o.spearman)
    )?;
    writeln!(
        out,
        "  Rating QWK, engine against the judges' mean total     {}",
        figure(o.rating_qwk)
    )?;
    let bands: Vec<String> = o
        .band_qwk
        .iter()
        .map(|(judge, k)| format!("{judge} {}", figure(*k)))
        .collect();
    writeln!(
        out,
        "  Band QWK per indicator, against each judge            {}",
        if bands.is_empty() {
            "n/a".to_string()
        } else {
            bands.join(", ")
        }
    )?;
    for p in &a.between_judges {
        writeln!(
            out,
            "  Between {} and {} (the ceiling): band QWK {}, rating QWK {}, Spearman {} ({} responses)",
            p.a,
            p.b,
            figure(p.band_qwk),
            figure(p.rating_qwk),
            figure(p.spearman),
            p.responses
        )?;
    }
    if !a.unmarked.is_empty() {
        writeln!(
            out,
            "  {} response(s) have no marks and were not compared",
            a.unmarked.len()
        )?;
    }
    if !a.skipped.is_empty() {
        writeln!(
            out,
            "  {} mark(s) name no response of the folder and were skipped",
            a.skipped.len()
        )?;
    }
    Ok(())
}

/// The engine's total: a whole number on the form, to one place when scaled without
/// skills.
fn total(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// A figure to two places, as `check` prints them, or "n/a" when undefined.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_string(), |v| format!("{v:.2}"))
}
