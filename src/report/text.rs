//! The terminal report: a compact table of the form, then per indicator what earned
//! credit (quoted), what earned nothing and why, and what was missed, with a tip. It
//! lays out a [`View`]; the wording is the view's.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::Style;
use super::view::{self, EvidenceView, IndicatorView, Quote, Table, Verdict, View};
use super::visible::visible;
use crate::model::Band;
use crate::words::upper_first;
pub use crate::words::{fit, wrap};

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

/// Where the report is going, with the painter for its colours.
struct Page<'o> {
    out: &'o mut dyn Write,
    p: Painter,
    width: usize,
}

/// Writes the report for one scored response, then its follow-ups and delivery.
pub fn write(out: &mut dyn Write, view: &View<'_>, style: Style) -> io::Result<()> {
    let mut page = Page {
        out,
        p: Painter { color: style.color },
        width: style.width.clamp(60, 120),
    };
    page.header(view)?;
    page.tables(view)?;
    page.reading(view)?;
    for i in &view.indicators {
        page.indicator(view, i)?;
    }
    page.misconceptions(view)?;
    page.skills(view)?;
    if let Some(note) = &view.stuffed_note {
        writeln!(page.out)?;
        writeln!(page.out, "{}", page.p.fg(AnsiColor::Yellow, note))?;
    }
    write_follow_ups(page.out, view)?;
    page.delivery(view)
}

impl Page<'_> {
    fn header(&mut self, view: &View<'_>) -> io::Result<()> {
        let p = &self.p;
        writeln!(
            self.out,
            "{}  {}",
            p.bold(view.title),
            p.dim(&format!("({})", view.case_id))
        )?;
        writeln!(
            self.out,
            "Total {}  {}",
            p.bold(&format!("{}/{}", view.total.0, view.total.1)),
            p.band(view.rating, view.rating_label),
        )?;
        let note = format!("{}. {}", upper_first(&view.certificate), view.rating_note);
        for line in wrap(&note, self.width) {
            writeln!(self.out, "{}", p.dim(&line))?;
        }
        writeln!(self.out)
    }

    fn tables(&mut self, view: &View<'_>) -> io::Result<()> {
        let label_width = self.width - 20;
        writeln!(
            self.out,
            "{}",
            self.p.bold(&format!(
                "{:<label_width$}  points  band",
                view.indicator_table.heading
            ))
        )?;
        self.rows(&view.indicator_table)?;
        writeln!(self.out, "{}", self.p.bold(view.skill_table.heading))?;
        self.rows(&view.skill_table)
    }

    fn rows(&mut self, table: &Table<'_>) -> io::Result<()> {
        let label_width = self.width - 20;
        for row in &table.rows {
            let label = match row.code {
                Some(code) => fit(&format!("{:<7} {}", code.as_str(), row.label), label_width),
                None => fit(row.label, label_width),
            };
            let points = format!("{:>2}/{:<2}", row.points, row.max);
            writeln!(
                self.out,
                "{label:<label_width$}  {points:>6}  {}",
                self.p.band(row.band, row.band.key())
            )?;
        }
        Ok(())
    }

    fn reading(&mut self, view: &View<'_>) -> io::Result<()> {
        if view.reading.is_empty() {
            return Ok(());
        }
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.p.bold(view::READING))?;
        for line in &view.reading {
            for (n, piece) in wrap(line, self.width - 4).into_iter().enumerate() {
                writeln!(self.out, "{} {piece}", if n == 0 { "  -" } else { "   " })?;
            }
        }
        Ok(())
    }

    fn indicator(&mut self, view: &View<'_>, i: &IndicatorView<'_>) -> io::Result<()> {
        let (p, width) = (&self.p, self.width);
        let row = &i.row;
        let code = row.code.map_or("", |c| c.as_str());
        writeln!(self.out)?;
        writeln!(
            self.out,
            "{}  {}",
            p.bold(&fit(&format!("{code} {}", row.label), width - 14)),
            p.band(
                row.band,
                &format!("{}/{} {}", row.points, row.max, row.band.key())
            )
        )?;
        if i.evidence.is_empty() {
            writeln!(self.out, "  {}", p.dim(view::NOTHING_FOUND_BRIEF))?;
        }
        for e in &i.evidence {
            self.evidence(view, e)?;
        }
        if let Some(reason) = i.capped {
            let note = self.p.fg(AnsiColor::Yellow, &format!("! {reason}"));
            writeln!(self.out, "  {note}")?;
        }
        self.missed(i)
    }

    fn evidence(&mut self, view: &View<'_>, e: &EvidenceView<'_>) -> io::Result<()> {
        let (p, width) = (&self.p, self.width);
        let q = view.quote(e.context, e.span, width.saturating_sub(10));
        let (mark, colour) = match e.verdict {
            Verdict::Credited => ("+", AnsiColor::Green),
            Verdict::Refused => ("x", AnsiColor::Red),
            Verdict::Doubted => ("~", AnsiColor::Yellow),
        };
        writeln!(
            self.out,
            "  {} {}",
            p.fg(colour, mark),
            fit(e.label, width - 4)
        )?;
        self.quote(&q)?;
        if let Some(note) = &e.brief {
            writeln!(self.out, "      {}", self.p.fg(colour, note))?;
        }
        Ok(())
    }

    /// The first few missed ideas with their tips, the rest by name only: every
    /// command that prints this report shows them.
    fn missed(&mut self, i: &IndicatorView<'_>) -> io::Result<()> {
        let (p, width) = (&self.p, self.width);
        for m in i.missed.iter().take(view::MISSED_WITH_TIPS) {
            let label = p.dim(&format!("missed: {}", fit(m.label, width - 14)));
            writeln!(self.out, "  {} {label}", p.dim("-"))?;
            for line in wrap(&format!("tip: {}", m.tip), width - 6) {
                writeln!(self.out, "      {line}")?;
            }
        }
        if i.missed.len() > view::MISSED_WITH_TIPS {
            let rest: Vec<&str> = i.missed[view::MISSED_WITH_TIPS..]
                .iter()
                .map(|m| m.label)
                .collect();
            let text = format!("- also missed: {}", rest.join("; "));
            for (n, line) in wrap(&text, width - 6).iter().enumerate() {
                let indent = if n == 0 { "  " } else { "    " };
                writeln!(self.out, "{indent}{}", p.dim(line))?;
            }
        }
        Ok(())
    }

    fn misconceptions(&mut self, view: &View<'_>) -> io::Result<()> {
        if view.misconceptions.is_empty() {
            return Ok(());
        }
        let (p, width) = (&self.p, self.width);
        writeln!(self.out)?;
        let heading = p.fg(AnsiColor::Red, &p.bold(view::MISCONCEPTIONS));
        writeln!(self.out, "{heading}")?;
        for m in &view.misconceptions {
            let q = view.quote(m.context, m.span, width.saturating_sub(10));
            writeln!(self.out, "  ! {} ({})", fit(m.label, width - 14), m.code)?;
            self.quote(&q)?;
            for line in wrap(m.correction, width - 6) {
                writeln!(self.out, "      {line}")?;
            }
        }
        Ok(())
    }

    fn skills(&mut self, view: &View<'_>) -> io::Result<()> {
        let (p, width) = (&self.p, self.width);
        writeln!(self.out)?;
        writeln!(self.out, "{}", p.bold(&format!("{}, why", view::SKILLS)))?;
        for s in &view.skills {
            let row = &s.row;
            let label = fit(row.label, width - 8);
            writeln!(self.out, "  {}/{} {label}", row.points, row.max)?;
            for line in wrap(s.reason, width - 6) {
                writeln!(self.out, "      {}", p.dim(&line))?;
            }
        }
        Ok(())
    }

    /// A quote on its own line, the matched words in bold.
    fn quote(&mut self, q: &Quote) -> io::Result<()> {
        let hit = self.p.bold(&q.hit);
        writeln!(self.out, "      \"{}{hit}{}\"", q.before, q.after)
    }

    fn delivery(&mut self, view: &View<'_>) -> io::Result<()> {
        let Some(d) = &view.delivery else {
            return Ok(());
        };
        let heading = view::DELIVERY.to_uppercase();
        writeln!(self.out, "\n{heading} (from the transcript)")?;
        if let Some(speaker) = &d.speaker {
            writeln!(self.out, "  {speaker}")?;
        }
        for (label, value, range) in &d.figures {
            writeln!(self.out, "  {label:<32} {value:<22} comfortable: {range}")?;
        }
        if d.tips.is_empty() {
            writeln!(self.out, "  Tip: {}", view::DELIVERY_STEADY)?;
        }
        for t in &d.tips {
            writeln!(self.out, "  Tip: {t}")?;
        }
        Ok(())
    }
}

/// Writes the follow-up questions, each with the answer and what it earned; nothing
/// when none were asked. The session's summary shows them too.
pub fn write_follow_ups(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    if view.follow_ups.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", view::FOLLOW_UPS.to_uppercase())?;
    for (n, a) in view.follow_ups.iter().enumerate() {
        writeln!(
            out,
            "  {}. [{} {}] {}",
            n + 1,
            a.indicator,
            a.label,
            visible(a.question)
        )?;
        let answer = a.answer.map_or(view::NO_ANSWER.into(), visible);
        writeln!(out, "     Your answer: {answer}")?;
        if let Some(words) = a.credited {
            writeln!(out, "     Credited: \"{}\"", visible(words))?;
        }
        writeln!(out, "     Earned: {}", a.earned)?;
    }
    writeln!(out, "  {}", view.follow_up_note())
}
