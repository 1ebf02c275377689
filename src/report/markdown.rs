//! The Markdown report, for pasting into a learning platform: the form as a table,
//! then per indicator the quotes, what earned nothing and why, and tips. It lays out a
//! [`View`]; the wording is the view's.

use std::io::{self, Write};

use super::view::{self, IndicatorView, Table, Verdict, View};
use super::visible::visible;
use crate::words::upper_first;

/// Writes the report in Markdown, then its follow-ups and delivery.
pub fn write(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    header(out, view)?;
    table(out, &view.indicator_table)?;
    writeln!(out)?;
    table(out, &view.skill_table)?;
    if !view.reading.is_empty() {
        writeln!(out, "\n## {}\n", view::READING)?;
        for line in &view.reading {
            writeln!(out, "- {}", escape(line))?;
        }
    }
    for i in &view.indicators {
        indicator(out, view, i)?;
    }
    misconceptions(out, view)?;
    writeln!(out, "\n## {}\n", view::SKILLS)?;
    for s in &view.skills {
        let row = &s.row;
        let (label, reason) = (escape(row.label), escape(s.reason));
        writeln!(out, "- **{label}: {}/{}.** {reason}", row.points, row.max)?;
    }
    answers(out, view)?;
    follow_ups(out, view)?;
    delivery(out, view)
}

fn header(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    writeln!(out, "# {}\n", escape(view.title))?;
    if let Some(student) = view.context.student {
        writeln!(out, "**Student:** {}\n", escape(student))?;
    }
    if let Some(when) = view.context.when {
        writeln!(out, "*{}*\n", escape(when))?;
    }
    writeln!(
        out,
        "**Total: {}/{}**, {} ({}).\n",
        view.total.0, view.total.1, view.rating_label, view.certificate
    )?;
    writeln!(out, "*{}*\n", view.rating_note)
}

/// A form table: one row per line with its points and band.
fn table(out: &mut dyn Write, table: &Table<'_>) -> io::Result<()> {
    writeln!(out, "| {} | Points | Band |", table.column)?;
    writeln!(out, "|---|---:|---|")?;
    for row in &table.rows {
        let label = match row.code {
            Some(code) => format!("{code} {}", escape(row.label)),
            None => escape(row.label),
        };
        let (points, max, band) = (row.points, row.max, row.band_label);
        writeln!(out, "| {label} | {points}/{max} | {band} |")?;
    }
    Ok(())
}

fn indicator(out: &mut dyn Write, view: &View<'_>, i: &IndicatorView<'_>) -> io::Result<()> {
    let row = &i.row;
    let code = row.code.map_or("", |c| c.as_str());
    writeln!(
        out,
        "\n## {code} {}: {}/{} ({})\n",
        escape(row.label),
        row.points,
        row.max,
        row.band_label
    )?;
    for e in &i.evidence {
        let q = view.quote(e.context, e.span, 160);
        let quote = format!(
            "\"{}**{}**{}\"",
            escape(&q.before),
            escape(&q.hit),
            escape(&q.after)
        );
        let mark = match e.verdict {
            Verdict::Credited => "✓",
            Verdict::Refused => "✗",
            Verdict::Doubted => "~",
        };
        let why = e
            .why
            .as_ref()
            .map(|why| format!(" (no credit: {})", escape(why)))
            .unwrap_or_default();
        writeln!(out, "- {mark} {}: {quote}{why}", escape(e.label))?;
    }
    if i.evidence.is_empty() {
        writeln!(out, "- {}", view::NOTHING_FOUND)?;
    }
    if let Some(reason) = i.capped {
        writeln!(out, "- {}.", escape(&upper_first(reason)))?;
    }
    if !i.missed.is_empty() {
        writeln!(out, "\nMissed:\n")?;
        for m in &i.missed {
            writeln!(out, "- **{}.** Tip: {}", escape(m.label), escape(m.tip))?;
        }
    }
    Ok(())
}

fn misconceptions(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    if view.misconceptions.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## {}\n", view::MISCONCEPTIONS)?;
    for m in &view.misconceptions {
        let q = view.quote(m.context, m.span, 160);
        writeln!(
            out,
            "- **{}** ({}): \"{}**{}**{}\". {}",
            escape(m.label),
            m.code,
            escape(&q.before),
            escape(&q.hit),
            escape(&q.after),
            escape(m.correction)
        )?;
    }
    Ok(())
}

fn answers(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    if view.context.answers.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## The judge's questions")?;
    for a in view.context.answers {
        writeln!(out, "\n**{}**\n", escape(&a.question))?;
        let lines: Vec<String> = a.answer.lines().map(escape).collect();
        writeln!(out, "> {}", lines.join("\n> "))?;
    }
    Ok(())
}

fn follow_ups(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    if view.follow_ups.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## {}\n", view::FOLLOW_UPS)?;
    for (n, a) in view.follow_ups.iter().enumerate() {
        writeln!(
            out,
            "{}. **{} {}**: {}",
            n + 1,
            a.indicator,
            shown(a.label),
            shown(a.question)
        )?;
        let answer = a.answer.map_or(view::NO_ANSWER.into(), shown);
        writeln!(out, "   - Your answer: {answer}")?;
        if let Some(words) = a.credited {
            writeln!(out, "   - Credited: \"{}\"", shown(words))?;
        }
        writeln!(out, "   - Earned: {}", shown(&a.earned))?;
    }
    writeln!(out, "\n{}", view.follow_up_note())
}

fn delivery(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    let Some(d) = &view.delivery else {
        return Ok(());
    };
    writeln!(out, "\n## {}\n", view::DELIVERY)?;
    writeln!(out, "| Figure | Yours | Comfortable |\n|---|---|---|")?;
    for (label, value, range) in &d.figures {
        writeln!(out, "| {label} | {value} | {range} |")?;
    }
    writeln!(out)?;
    d.tips.iter().try_for_each(|t| writeln!(out, "- Tip: {t}"))
}

/// A student's own words: control characters shown, then escaped.
fn shown(text: &str) -> String {
    escape(&visible(text))
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
