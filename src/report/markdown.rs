//! The Markdown report, for pasting into a learning platform: the form as a table,
//! then per indicator the quotes, what earned nothing and why, and tips.

use std::io::{self, Write};

use super::{Context, excerpt};
use crate::engine::scorecard::CAPPED_REASON;
use crate::engine::{Scorecard, Status};
use crate::model::Form;

/// Writes the report in Markdown.
pub fn write(
    out: &mut dyn Write,
    card: &Scorecard,
    response: &str,
    form: &Form,
    context: &Context<'_>,
) -> io::Result<()> {
    writeln!(out, "# {}", escape(&card.case_title))?;
    writeln!(out)?;
    if let Some(student) = context.student {
        writeln!(out, "**Student:** {}", escape(student))?;
        writeln!(out)?;
    }
    if let Some(when) = context.when {
        writeln!(out, "*{}*", escape(when))?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "**Total: {}/{}**, {} ({}).",
        card.total,
        card.max,
        form.band_label(card.rating),
        super::certificate_line(card, form)
    )?;
    writeln!(out)?;
    writeln!(out, "*{}*", super::RATING_NOTE)?;
    writeln!(out)?;
    let indicators = card.indicators.iter().map(|i| {
        (
            format!("{} {}", i.code, escape(&i.title)),
            i.points,
            i.max,
            i.band,
        )
    });
    table(out, form, "Performance indicator", indicators)?;
    writeln!(out)?;
    let skills = card
        .skills
        .iter()
        .map(|s| (escape(&s.label), s.points, s.max, s.band));
    table(out, form, "21st Century Skills", skills)?;
    let summary = super::reading_summary(card);
    if !summary.is_empty() {
        writeln!(out)?;
        writeln!(out, "## How the whole response reads")?;
        writeln!(out)?;
        for line in summary {
            writeln!(out, "- {}", escape(&line))?;
        }
    }
    for i in &card.indicators {
        writeln!(out)?;
        writeln!(
            out,
            "## {} {}: {}/{} ({})",
            i.code,
            escape(&i.title),
            i.points,
            i.max,
            form.band_label(i.band)
        )?;
        writeln!(out)?;
        let mut any = false;
        for e in &i.evidence {
            let (before, hit, after) = excerpt(response, e.context, e.span, 160);
            let quote = format!(
                "\"{}**{}**{}\"",
                escape(&before),
                escape(&hit),
                escape(&after)
            );
            let mark = match e.status {
                Status::Credited => "✓",
                Status::Repeated => continue,
                Status::Negated(_) | Status::Contradicted(_) | Status::Disrespectful => "✗",
                Status::Stuffed(_) | Status::Quoted => "~",
            };
            let why = e
                .status
                .why(response)
                .map(|why| format!(" (no credit: {})", escape(&why)))
                .unwrap_or_default();
            let line = format!("- {mark} {}: {quote}{why}", escape(&e.label));
            writeln!(out, "{line}")?;
            any = true;
        }
        if !any {
            writeln!(out, "- Nothing in the response spoke to this indicator.")?;
        }
        if i.capped {
            writeln!(out, "- {}.", escape(&format!("H{}", &CAPPED_REASON[1..])))?;
        }
        if !i.missed.is_empty() {
            writeln!(out)?;
            writeln!(out, "Missed:")?;
            writeln!(out)?;
            for m in &i.missed {
                writeln!(out, "- **{}.** Tip: {}", escape(&m.label), escape(&m.tip))?;
            }
        }
    }
    if !card.misconceptions.is_empty() {
        writeln!(out)?;
        writeln!(out, "## A judge would catch this")?;
        writeln!(out)?;
        for m in &card.misconceptions {
            let (before, hit, after) = excerpt(response, m.context, m.span, 160);
            writeln!(
                out,
                "- **{}** ({}): \"{}**{}**{}\". {}",
                escape(&m.label),
                m.code,
                escape(&before),
                escape(&hit),
                escape(&after),
                escape(&m.correction)
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "## 21st Century Skills")?;
    writeln!(out)?;
    for s in &card.skills {
        writeln!(
            out,
            "- **{}: {}/{}.** {}",
            escape(&s.label),
            s.points,
            s.max,
            escape(&s.reason)
        )?;
    }
    if !context.answers.is_empty() {
        writeln!(out)?;
        writeln!(out, "## The judge's questions")?;
        for a in context.answers {
            writeln!(out)?;
            writeln!(out, "**{}**", escape(&a.question))?;
            writeln!(out)?;
            writeln!(
                out,
                "> {}",
                a.answer
                    .lines()
                    .map(escape)
                    .collect::<Vec<_>>()
                    .join("\n> ")
            )?;
        }
    }
    Ok(())
}

/// A form table: one row per line with its points and band.
fn table(
    out: &mut dyn Write,
    form: &Form,
    heading: &str,
    rows: impl Iterator<Item = (String, u32, u32, crate::model::Band)>,
) -> io::Result<()> {
    writeln!(out, "| {heading} | Points | Band |")?;
    writeln!(out, "|---|---:|---|")?;
    for (label, points, max, band) in rows {
        writeln!(
            out,
            "| {label} | {points}/{max} | {} |",
            form.band_label(band)
        )?;
    }
    Ok(())
}

/// Escapes the characters Markdown would read as formatting or HTML. Line breaks
/// become spaces: every value sits on one line, so none can start a heading or a block.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}'
        ) {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
