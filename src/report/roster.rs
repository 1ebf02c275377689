//! The class roster: one printable HTML page from a batch run, students by
//! indicator, with the class average per indicator. A table per case.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use html_escape::encode_text as text;

use crate::model::{Band, Form};
use crate::wire::row::Scored;

const STYLE: &str = r#"
body { font: 10.5pt/1.4 Arial, Helvetica, sans-serif; color: #1d2433; margin: 0 auto; max-width: 70rem; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p.meta { color: #5b6475; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid #c9cfdb; padding: .3rem .45rem; text-align: center; }
th { background: #f3f5f9; font-weight: bold; vertical-align: bottom; }
td.student { text-align: left; }
td.little { background: #fde2e1; } td.below { background: #fff1c9; } td.meets { background: #dff3e4; } td.exceeds { background: #d9ecfb; }
tr.average td { font-weight: bold; background: #f3f5f9; }
th small { display: block; font-weight: normal; font-size: 8pt; color: #5b6475; }
p.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .4rem; border: 1px solid #c9cfdb; }
p.legend .little { background: #fde2e1; } p.legend .below { background: #fff1c9; } p.legend .meets { background: #dff3e4; } p.legend .exceeds { background: #d9ecfb; }
@media print { @page { margin: 12mm; } body { padding: 0; max-width: none; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr { break-inside: avoid; page-break-inside: avoid; } thead { display: table-header-group; } }
"#;

/// A case's title and its indicators' codes and titles, for the roster's headings.
#[derive(Clone, Debug, Default)]
pub struct CaseTitles {
    /// The case's title.
    pub title: String,
    /// Each indicator's code and title, in the case's order.
    pub indicators: Vec<(String, String)>,
}

/// Writes the roster page; `titles` holds each case's titles by id.
pub fn write(
    out: &mut dyn Write,
    scored: &[Scored],
    titles: &BTreeMap<String, CaseTitles>,
    form: &Form,
) -> io::Result<()> {
    let mut page = String::new();
    let _ = render(&mut page, scored, titles, form);
    out.write_all(page.as_bytes())
}

/// What the cell colours mean: each band's name and its points on an indicator line.
fn legend(page: &mut String, form: &Form) -> std::fmt::Result {
    write!(page, "<p class=\"legend\">Colours, points per indicator: ")?;
    let floors = &form.indicators.band_floors;
    for (i, band) in Band::ALL.iter().enumerate() {
        let top = floors
            .get(i + 1)
            .map_or(form.indicators.max, |next| next.saturating_sub(1));
        write!(
            page,
            "<span class=\"{}\">{} {}–{}</span>",
            band.key(),
            text(form.band_label(*band)),
            floors[i],
            top
        )?;
    }
    writeln!(page, "</p>")
}

fn render(
    page: &mut String,
    scored: &[Scored],
    titles: &BTreeMap<String, CaseTitles>,
    form: &Form,
) -> std::fmt::Result {
    writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Class roster</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(
        page,
        "<h1>Class roster</h1>\n<p class=\"meta\">{} response(s), scored offline by roleplay.</p>",
        scored.len()
    )?;
    legend(page, form)?;
    let mut cases: Vec<&str> = scored.iter().map(|s| s.case.as_str()).collect();
    cases.sort_unstable();
    cases.dedup();
    for case in cases {
        let rows: Vec<&Scored> = scored.iter().filter(|s| s.case == case).collect();
        let Some(first) = rows.first() else { continue };
        let names = titles.get(case).cloned().unwrap_or_default();
        writeln!(
            page,
            "<h2>{} <small>({})</small></h2>",
            text(&names.title),
            text(case)
        )?;
        writeln!(page, "<table>\n<thead><tr><th>Student</th>")?;
        for line in &first.lines {
            let title = names
                .indicators
                .iter()
                .find(|(code, _)| *code == line.code)
                .map_or("", |(_, title)| title.as_str());
            writeln!(
                page,
                "<th>{}<small>{}</small></th>",
                text(&line.code),
                text(title)
            )?;
        }
        writeln!(page, "<th>Total</th><th>Rating</th></tr></thead>\n<tbody>")?;
        for row in &rows {
            write!(
                page,
                "<tr><td class=\"student\">{}</td>",
                text(&row.student)
            )?;
            for line in &row.lines {
                write!(
                    page,
                    "<td class=\"{}\">{}</td>",
                    line.band.key(),
                    line.points
                )?;
            }
            writeln!(
                page,
                "<td><strong>{}</strong></td><td class=\"{}\">{}</td></tr>",
                row.total,
                row.rating.key(),
                row.rating.key()
            )?;
        }
        write!(
            page,
            "<tr class=\"average\"><td class=\"student\">Class average</td>"
        )?;
        for index in 0..first.lines.len() {
            let sum: u32 = rows
                .iter()
                .filter_map(|r| r.lines.get(index))
                .map(|l| l.points)
                .sum();
            let average = f64::from(sum) / rows.len() as f64;
            let band = Band::for_points(average.round() as u32, &form.indicators.band_floors);
            write!(page, "<td class=\"{}\">{average:.1}</td>", band.key())?;
        }
        let total: u32 = rows.iter().map(|r| r.total).sum();
        let average = f64::from(total) / rows.len() as f64;
        let band = Band::for_points(average.round() as u32, &form.total.band_floors);
        writeln!(
            page,
            "<td>{average:.1}</td><td class=\"{}\">{}</td></tr>",
            band.key(),
            band.key()
        )?;
        writeln!(page, "</tbody>\n</table>")?;
    }
    writeln!(page, "</body>\n</html>")
}
