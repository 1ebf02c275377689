//! The terminal report: a compact table of the form, then per indicator what earned
//! credit (quoted), what earned nothing and why, and what was missed, with a tip.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::{Style, excerpt};
use crate::engine::scorecard::CAPPED_REASON;
use crate::engine::{Scorecard, Status};
use crate::model::{Band, Form};

/// ANSI colour for the terminal reports and lists, or plain text when colour is off.
pub(crate) struct Painter {
    /// Whether to emit colour.
    pub(crate) color: bool,
}

impl Painter {
    fn paint(&self, style: Ansi, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub(crate) fn bold(&self, text: &str) -> String {
        self.paint(Ansi::new().effects(Effects::BOLD), text)
    }

    pub(crate) fn dim(&self, text: &str) -> String {
        self.paint(Ansi::new().effects(Effects::DIMMED), text)
    }

    pub(crate) fn fg(&self, color: AnsiColor, text: &str) -> String {
        self.paint(Ansi::new().fg_color(Some(color.into())), text)
    }

    pub(crate) fn band(&self, band: Band, text: &str) -> String {
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
    writeln!(
        out,
        "Total {}  {}",
        p.bold(&format!("{}/{}", card.total, card.max)),
        p.band(card.rating, form.band_label(card.rating)),
    )?;
    let note = format!(
        "{}. {}",
        upper_first(&super::certificate_line(card, form)),
        super::RATING_NOTE
    );
    for line in wrap(&note, width) {
        writeln!(out, "{}", p.dim(&line))?;
    }
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

    let summary = super::reading_summary(card);
    if !summary.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", p.bold("How the whole response reads"))?;
        for line in summary {
            for (n, piece) in wrap(&line, width - 4).into_iter().enumerate() {
                writeln!(out, "{} {piece}", if n == 0 { "  -" } else { "   " })?;
            }
        }
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
                Status::Contradicted(by) => (
                    p.fg(AnsiColor::Red, "x"),
                    Some(p.fg(
                        AnsiColor::Red,
                        &format!("no credit: wrong position, \"{}\"", fit(&response[by], 30)),
                    )),
                ),
                Status::Disrespectful => (
                    p.fg(AnsiColor::Red, "x"),
                    Some(p.fg(
                        AnsiColor::Red,
                        "no credit: said in a way that dismisses or blames the customer",
                    )),
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
                p.fg(AnsiColor::Yellow, &format!("! {CAPPED_REASON}"))
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

/// Cuts text to `width` columns of the terminal (wide characters count two), at a
/// word when one ends near the cut, marking the cut with an ellipsis.
pub(crate) fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        cut.push(c);
    }
    // Prefer the end of a word when one is within the last third of the room.
    if let Some(space) = cut.rfind(' ').filter(|&i| i * 3 >= cut.len() * 2) {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}

/// Wraps text into lines of at most `width` terminal columns, breaking between
/// words (a word longer than a line is split).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    textwrap::wrap(&text, width.max(1))
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// The text with its first letter in upper case.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod wrap_tests {
    use super::{fit, wrap};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wide_characters_take_two_columns() {
        for line in wrap("顧客の苦情に対応する 顧客の苦情に対応する 顧客の苦情", 12)
        {
            assert!(line.width() <= 12, "{line}");
        }
        assert!(fit("顧客の苦情に対応する", 9).width() <= 9);
    }

    #[test]
    fn fit_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(fit("Handle customer complaints", 20), "Handle customer…");
        assert_eq!(fit("short", 20), "short");
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
    }
}
