//! The terminal report: a compact table of the form, then per indicator what earned
//! credit (quoted), what earned nothing and why, and what was missed, with a tip.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::{Style, excerpt};
use crate::engine::{Scorecard, Status};
use crate::model::{Band, Form};

struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, style: Ansi, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint(Ansi::new().effects(Effects::BOLD), text)
    }

    fn dim(&self, text: &str) -> String {
        self.paint(Ansi::new().effects(Effects::DIMMED), text)
    }

    fn fg(&self, color: AnsiColor, text: &str) -> String {
        self.paint(Ansi::new().fg_color(Some(color.into())), text)
    }

    fn band(&self, band: Band, text: &str) -> String {
        let color = match band {
            Band::Little => AnsiColor::Red,
            Band::Below => AnsiColor::Yellow,
            Band::Meets => AnsiColor::Green,
            Band::Exceeds => AnsiColor::Cyan,
        };
        self.fg(color, text)
    }
}

/// Writes the report for one scored response.
pub fn write(
    out: &mut dyn Write,
    card: &Scorecard,
    response: &str,
    form: &Form,
    style: Style,
) -> io::Result<()> {
    let p = Painter { color: style.color };
    let width = style.width.clamp(60, 120);
    writeln!(
        out,
        "{}  {}",
        p.bold(&card.case_title),
        p.dim(&format!("({})", card.case_id))
    )?;
    let certificate = if card.certificate {
        format!("earns the {}-point certificate", form.total.certificate)
    } else {
        format!(
            "{} short of the {}-point certificate",
            form.total.certificate - card.total,
            form.total.certificate
        )
    };
    writeln!(
        out,
        "Total {}  {}  {}",
        p.bold(&format!("{}/{}", card.total, card.max)),
        p.band(card.rating, form.band_label(card.rating)),
        p.dim(&format!("({certificate})"))
    )?;
    writeln!(out)?;

    let label_width = width - 20;
    writeln!(
        out,
        "{}",
        p.bold(&format!(
            "{:<label_width$}  points  band",
            "Performance indicators"
        ))
    )?;
    for i in &card.indicators {
        let label = fit(&format!("{:<7} {}", i.code.as_str(), i.title), label_width);
        let points = format!("{:>2}/{:<2}", i.points, i.max);
        writeln!(
            out,
            "{label:<label_width$}  {points:>6}  {}",
            p.band(i.band, i.band.key())
        )?;
    }
    writeln!(out, "{}", p.bold("21st Century Skills"))?;
    for s in &card.skills {
        let label = fit(&s.label, label_width);
        let points = format!("{:>2}/{:<2}", s.points, s.max);
        writeln!(
            out,
            "{label:<label_width$}  {points:>6}  {}",
            p.band(s.band, s.band.key())
        )?;
    }

    let quote_width = width.saturating_sub(10);
    for i in &card.indicators {
        writeln!(out)?;
        writeln!(
            out,
            "{}  {}",
            p.bold(&fit(
                &format!("{} {}", i.code.as_str(), i.title),
                width - 14
            )),
            p.band(i.band, &format!("{}/{} {}", i.points, i.max, i.band.key()))
        )?;
        if i.evidence.is_empty() {
            writeln!(
                out,
                "  {}",
                p.dim("no phrase of this indicator found; points reflect the whole response")
            )?;
        }
        for e in &i.evidence {
            let (before, hit, after) = excerpt(response, e.context, e.span, quote_width);
            let (mark, note) = match e.status {
                Status::Credited => (p.fg(AnsiColor::Green, "+"), None),
                Status::Repeated => continue,
                Status::Negated(by) => (
                    p.fg(AnsiColor::Red, "x"),
                    Some(p.fg(
                        AnsiColor::Red,
                        &format!("no credit: negated by \"{}\"", fit(&response[by], 20)),
                    )),
                ),
                Status::Stuffed(kind) => (
                    p.fg(AnsiColor::Yellow, "~"),
                    Some(p.fg(
                        AnsiColor::Yellow,
                        &format!("no credit, stuffing: {}", kind.reason()),
                    )),
                ),
                Status::Quoted => (
                    p.fg(AnsiColor::Yellow, "~"),
                    Some(p.fg(AnsiColor::Yellow, "no credit: someone else's words")),
                ),
            };
            writeln!(out, "  {mark} {}", fit(&e.label, width - 4))?;
            writeln!(out, "      \"{}{}{}\"", before, p.bold(&hit), after)?;
            if let Some(note) = note {
                writeln!(out, "      {note}")?;
            }
        }
        if i.capped {
            writeln!(
                out,
                "  {}",
                p.fg(
                    AnsiColor::Yellow,
                    "! held below \"meets\": none of this evidence used the case's own details"
                )
            )?;
        }
        for m in i.missed.iter().take(4) {
            writeln!(
                out,
                "  {} {}",
                p.dim("-"),
                p.dim(&format!("missed: {}", fit(&m.label, width - 14)))
            )?;
            for line in wrap(&format!("tip: {}", m.tip), width - 6) {
                writeln!(out, "      {line}")?;
            }
        }
        // The rest by name only: every command that prints this report shows them.
        if i.missed.len() > 4 {
            let rest: Vec<&str> = i.missed[4..].iter().map(|m| m.label.as_str()).collect();
            for (n, line) in wrap(&format!("- also missed: {}", rest.join("; ")), width - 6)
                .iter()
                .enumerate()
            {
                let indent = if n == 0 { "  " } else { "    " };
                writeln!(out, "{indent}{}", p.dim(line))?;
            }
        }
    }

    if !card.misconceptions.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            p.fg(AnsiColor::Red, &p.bold("A judge would catch this"))
        )?;
        for m in &card.misconceptions {
            let (before, hit, after) = excerpt(response, m.context, m.span, quote_width);
            writeln!(out, "  ! {} ({})", fit(&m.label, width - 14), m.code)?;
            writeln!(out, "      \"{}{}{}\"", before, p.bold(&hit), after)?;
            for line in wrap(&m.correction, width - 6) {
                writeln!(out, "      {line}")?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", p.bold("21st Century Skills, why"))?;
    for s in &card.skills {
        writeln!(out, "  {}/{} {}", s.points, s.max, fit(&s.label, width - 8))?;
        for line in wrap(&s.reason, width - 6) {
            writeln!(out, "      {}", p.dim(&line))?;
        }
    }
    if !card.stuffed.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            p.fg(AnsiColor::Yellow, &format!("{} sentence(s) only named ideas without saying what you would do; they earned nothing.", card.stuffed.len()))
        )?;
    }
    Ok(())
}

/// Cuts text to `width` characters, marking the cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Wraps text into lines of at most `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
