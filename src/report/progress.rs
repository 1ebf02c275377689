//! The progress page: per indicator, the average and the trend, as inline SVG charts in
//! one self-contained HTML file.

use std::fmt::Write as _;
use std::io::{self, Write};

use html_escape::encode_text as text;

use crate::model::Band;

const STYLE: &str = r#"
body { font: 10.5pt/1.45 Arial, Helvetica, sans-serif; color: #1d2433; margin: 0 auto; max-width: 56rem; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; border-bottom: 2px solid #1d2433; }
p.meta { color: #5b6475; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #c9cfdb; padding: .35rem .4rem; text-align: left; vertical-align: middle; }
th { background: #f3f5f9; }
td.num { text-align: right; white-space: nowrap; }
.little { color: #b3261e; } .below { color: #8a6d00; } .meets { color: #2b6b40; } .exceeds { color: #2450a6; }
ol li { margin: .3rem 0; }
@media print { @page { margin: 12mm; } body { padding: 0; max-width: none; } tr { break-inside: avoid; } }
"#;

/// One attempt's total, out of its own form's highest total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Total {
    /// Points.
    pub total: u32,
    /// The highest total on the form it was scored on.
    pub max: u32,
}

impl Total {
    /// The total as a share of its maximum, 0 to 1.
    pub fn share(self) -> f64 {
        f64::from(self.total) / f64::from(self.max.max(1))
    }
}

/// The scale the totals are drawn on: a form's highest total, the lowest total of each
/// column and the certificate line (the latest attempt's form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TotalScale {
    /// The highest total.
    pub max: u32,
    /// The lowest total of each column.
    pub floors: [u32; 4],
    /// The total that earns a certificate of excellence.
    pub certificate: u32,
}

/// One indicator's line: how it has gone across the attempts that tested it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorLine<'a> {
    /// The code.
    pub code: &'a str,
    /// The title.
    pub title: &'a str,
    /// Attempts that tested it.
    pub attempts: usize,
    /// Mean points.
    pub average_points: f64,
    /// The indicator's maximum.
    pub max: u32,
    /// The band of the mean points.
    pub band: Band,
    /// Recent points less earlier points (see `history::progress::trend`).
    pub trend: f64,
    /// Shares of the maximum, oldest first.
    pub history: &'a [f64],
    /// The most useful tip from the latest attempt.
    pub next_tip: Option<&'a str>,
}

/// What the progress page and summary show.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressView<'a> {
    /// Each attempt's total, oldest first.
    pub totals: Vec<Total>,
    /// The scale the totals are drawn on.
    pub scale: TotalScale,
    /// Every indicator any attempt tested.
    pub indicators: Vec<IndicatorLine<'a>>,
    /// The ones to work on next, weakest first.
    pub weakest: Vec<IndicatorLine<'a>>,
}

/// Writes the progress page.
pub fn write(out: &mut dyn Write, view: &ProgressView<'_>) -> io::Result<()> {
    let mut page = String::new();
    let _ = render(&mut page, view);
    out.write_all(page.as_bytes())
}

/// A sparkline of shares from 0 to 1: "▁▃▅█".
pub fn sparkline(shares: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    shares
        .iter()
        .map(|s| BARS[((s.clamp(0.0, 1.0) * 7.0).round()) as usize])
        .collect()
}

/// The progress summary for a terminal: totals as a sparkline, a line per indicator
/// (average, band, trend, recent attempts) and what to work on next with its tip.
pub fn write_text(out: &mut dyn Write, view: &ProgressView<'_>, color: bool) -> io::Result<()> {
    let totals = &view.totals;
    let shares: Vec<f64> = totals.iter().map(|t| t.share()).collect();
    let latest = totals.last().copied().unwrap_or(Total { total: 0, max: 0 });
    writeln!(
        out,
        "{} attempt(s); totals {}  latest {}/{}",
        totals.len(),
        sparkline(&shares),
        latest.total,
        latest.max
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<7} {:>3} {:>9}  {:<8} {:>6}  last attempts",
        "code", "n", "average", "band", "trend"
    )?;
    let p = super::text::Painter { color };
    for r in &view.indicators {
        let last: Vec<f64> = r.history.iter().rev().take(12).rev().copied().collect();
        let arrow = if r.trend > 0.5 {
            "↑"
        } else if r.trend < -0.5 {
            "↓"
        } else {
            "→"
        };
        let band = p.band(r.band, &format!("{:<8}", r.band.key()));
        let trend = format!("{arrow}{:>+5.1}", r.trend);
        let trend = if r.trend > 0.5 {
            p.fg(anstyle::AnsiColor::Green, &trend)
        } else if r.trend < -0.5 {
            p.fg(anstyle::AnsiColor::Red, &trend)
        } else {
            trend
        };
        writeln!(
            out,
            "{} {:>3} {:>5.1}/{:<3} {band} {trend}  {}",
            p.bold(&format!("{:<7}", r.code)),
            r.attempts,
            r.average_points,
            r.max,
            sparkline(&last)
        )?;
    }
    writeln!(out, "\n{}", p.bold("Work on next:"))?;
    for r in &view.weakest {
        writeln!(
            out,
            "  {} {} (average {:.1}/{})",
            r.code, r.title, r.average_points, r.max
        )?;
        if let Some(tip) = r.next_tip {
            for line in super::text::wrap(tip, 74) {
                writeln!(out, "      {line}")?;
            }
        }
    }
    writeln!(out, "\n`roleplay drill test --focus weakest` drills them.")
}

fn render(page: &mut String, view: &ProgressView<'_>) -> std::fmt::Result {
    let (totals, weakest) = (&view.totals, &view.weakest);
    writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Your progress</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(
        page,
        "<h1>Your progress</h1>\n<p class=\"meta\">{} attempt(s), scored offline by roleplay.</p>",
        totals.len()
    )?;
    writeln!(page, "<h2>Totals over time</h2>")?;
    line_chart(page, totals, &view.scale)?;
    writeln!(
        page,
        "<h2>By indicator</h2>\n<table>\n<thead><tr><th>Indicator</th><th>Attempts</th><th>Average</th><th>Band</th><th>Trend</th><th>Last attempts</th></tr></thead>\n<tbody>"
    )?;
    for r in &view.indicators {
        write!(
            page,
            "<tr><td>{} {}</td><td class=\"num\">{}</td><td class=\"num\">{:.1} / {}</td><td class=\"{}\">{}</td><td class=\"num\">{:+.1}</td><td>",
            text(r.code),
            text(&r.title),
            r.attempts,
            r.average_points,
            r.max,
            r.band.key(),
            r.band.key(),
            r.trend
        )?;
        bars(page, r.history)?;
        writeln!(page, "</td></tr>")?;
    }
    writeln!(page, "</tbody>\n</table>")?;
    if !weakest.is_empty() {
        writeln!(page, "<h2>Work on next</h2>\n<ol>")?;
        for r in weakest {
            write!(
                page,
                "<li><strong>{} {}</strong> (average {:.1} / {})",
                text(r.code),
                text(&r.title),
                r.average_points,
                r.max
            )?;
            if let Some(tip) = r.next_tip {
                write!(page, ": {}", text(tip))?;
            }
            writeln!(page, "</li>")?;
        }
        writeln!(page, "</ol>")?;
    }
    writeln!(page, "</body>\n</html>")
}

/// A row of small bars, one per attempt, as inline SVG.
fn bars(page: &mut String, shares: &[f64]) -> std::fmt::Result {
    let last: Vec<f64> = shares.iter().rev().take(12).rev().copied().collect();
    let width = last.len() * 10;
    write!(
        page,
        "<svg width=\"{width}\" height=\"24\" viewBox=\"0 0 {width} 24\" role=\"img\" aria-label=\"points per attempt\">"
    )?;
    for (i, share) in last.iter().enumerate() {
        let height = (share.clamp(0.0, 1.0) * 22.0).max(1.0);
        write!(
            page,
            "<rect x=\"{}\" y=\"{:.1}\" width=\"7\" height=\"{height:.1}\" fill=\"#2450a6\"/>",
            i * 10,
            24.0 - height
        )?;
    }
    write!(page, "</svg>")
}

/// Totals as a line chart on the scale's form, with a line at each column's floor and
/// the certificate line marked. A total from another form is drawn at the same share.
fn line_chart(page: &mut String, totals: &[Total], scale: &TotalScale) -> std::fmt::Result {
    let (w, h, pad) = (640.0, 180.0, 24.0);
    writeln!(
        page,
        "<svg width=\"100%\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"total per attempt\">"
    )?;
    let max = f64::from(scale.max.max(1));
    let y = |total: f64| pad + (h - 2.0 * pad) * (1.0 - total / max);
    let mut marks: Vec<u32> = scale.floors.to_vec();
    marks.extend([scale.certificate, scale.max]);
    marks.sort_unstable();
    marks.dedup();
    for mark in marks {
        let colour = if mark == scale.certificate {
            "#2b6b40"
        } else {
            "#d5dae4"
        };
        let at = y(f64::from(mark));
        writeln!(
            page,
            "<line x1=\"{pad}\" x2=\"{}\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"{colour}\" stroke-width=\"1\"/>",
            w - pad,
        )?;
        writeln!(
            page,
            "<text x=\"2\" y=\"{:.1}\" font-size=\"10\" fill=\"#5b6475\">{mark}</text>",
            at + 3.0
        )?;
    }
    let step = if totals.len() > 1 {
        (w - 2.0 * pad) / (totals.len() - 1) as f64
    } else {
        0.0
    };
    let points: Vec<String> = totals
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // On the scale's form: the same share of its highest total.
            let on_scale = f64::from(t.total) * max / f64::from(t.max.max(1));
            format!("{:.1},{:.1}", pad + step * i as f64, y(on_scale))
        })
        .collect();
    writeln!(
        page,
        "<polyline fill=\"none\" stroke=\"#2450a6\" stroke-width=\"2\" points=\"{}\"/>",
        points.join(" ")
    )?;
    for p in &points {
        let (x, y) = p.split_once(',').unwrap_or(("0", "0"));
        writeln!(
            page,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"3\" fill=\"#2450a6\"/>"
        )?;
    }
    writeln!(page, "</svg>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_spans_the_bars() {
        assert_eq!(sparkline(&[0.0, 0.5, 1.0]), "▁▅█");
    }

    #[test]
    fn the_chart_marks_the_forms_floors_and_certificate_line() {
        let view = ProgressView {
            totals: vec![
                Total { total: 20, max: 50 },
                Total {
                    total: 90,
                    max: 100,
                },
            ],
            scale: TotalScale {
                max: 50,
                floors: [0, 12, 30, 40],
                certificate: 35,
            },
            indicators: Vec::new(),
            weakest: Vec::new(),
        };
        let mut page = String::new();
        render(&mut page, &view).unwrap();
        let marks: Vec<&str> = page
            .split("font-size=\"10\" fill=\"#5b6475\">")
            .skip(1)
            .filter_map(|s| s.split('<').next())
            .collect();
        assert_eq!(marks, ["0", "12", "30", "35", "40", "50"]);
        assert_eq!(page.matches("stroke=\"#2b6b40\"").count(), 1);
        // 90 of 100 is drawn at 45 of 50: 24 + 132 * (1 - 0.9) = 37.2.
        assert!(page.contains(",37.2\""), "{page}");
    }
}
