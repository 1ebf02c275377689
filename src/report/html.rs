//! The printable HTML report: one self-contained page (inline CSS, no scripts, no
//! fonts or images from anywhere) laid out like DECA's evaluation form, then the
//! response with every credited phrase highlighted and linked to its indicator.
//! Every piece of student or coach text is escaped.

use std::fmt::Write as _;
use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::{Context, excerpt};
use crate::engine::scorecard::CAPPED_REASON;
use crate::engine::{Scorecard, Status};
use crate::model::{Band, Form};
use crate::text::Span;

const STYLE: &str = r#"
:root { --ink: #1d2433; --muted: #5b6475; --line: #c9cfdb; --soft: #f3f5f9; --accent: #2450a6;
  --little: #fde2e1; --below: #fff1c9; --meets: #dff3e4; --exceeds: #d9ecfb; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; background: #fff; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
.meta { color: var(--muted); margin: 0 0 1rem; font-family: Arial, sans-serif; font-size: .9rem; }
.total { display: flex; gap: 1rem; align-items: baseline; border: 2px solid var(--ink); padding: .6rem 1rem; margin: .8rem 0 1rem; font-family: Arial, sans-serif; }
.total strong { font-size: 1.6rem; }
.badge { border: 1px solid var(--ink); padding: .1rem .5rem; border-radius: 1rem; font-size: .85rem; }
table.form { width: 100%; border-collapse: collapse; font-family: Arial, sans-serif; font-size: .85rem; margin: .4rem 0 1rem; }
table.form th, table.form td { border: 1px solid var(--line); padding: .35rem .45rem; vertical-align: top; }
table.form thead th { background: var(--soft); text-align: center; }
table.form td.band { text-align: center; width: 11%; color: var(--muted); }
table.form td.points { text-align: center; width: 8%; font-weight: bold; }
table.form td.awarded { color: var(--ink); font-weight: bold; }
table.form td.awarded span { display: inline-block; min-width: 1.8rem; border: 2px solid var(--ink); border-radius: 50%; padding: .05rem .3rem; }
td.awarded.little { background: var(--little); } td.awarded.below { background: var(--below); }
td.awarded.meets { background: var(--meets); } td.awarded.exceeds { background: var(--exceeds); }
table.form tr.sum td { font-weight: bold; background: var(--soft); }
table.form a { color: var(--ink); text-decoration: none; }
.response { white-space: pre-wrap; border: 1px solid var(--line); padding: .8rem 1rem; background: #fff; }
mark { background: var(--meets); padding: 0 .1rem; border-bottom: 2px solid #3c8d54; }
mark a { color: inherit; text-decoration: none; }
mark sup { font: bold .65rem Arial, sans-serif; color: #2b6b40; }
mark.negated { background: var(--little); border-bottom: 2px solid #b3261e; text-decoration: line-through; }
mark.stuffed { background: var(--below); border-bottom: 2px dotted #8a6d00; }
ul.evidence { padding-left: 1.2rem; margin: .3rem 0; }
ul.evidence li { margin: .2rem 0; }
.why { color: var(--muted); font-size: .9rem; }
.credited::marker { content: "✓  "; color: #2b6b40; }
.negated::marker, .contradicted::marker, .disrespectful::marker { content: "✗  "; color: #b3261e; }
.stuffed::marker, .quoted::marker { content: "~  "; color: #8a6d00; }
.missed::marker { content: "–  "; color: var(--muted); }
.indicator { break-inside: avoid; page-break-inside: avoid; }
.note { border-left: 3px solid #8a6d00; padding-left: .6rem; color: #5e4b00; }
blockquote { margin: .3rem 0 .8rem 1rem; padding-left: .8rem; border-left: 3px solid var(--line); }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; font-family: Arial, sans-serif; }
@media print {
  @page { margin: 14mm 12mm; }
  body { padding: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, td, th, li, .total { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  .response { break-inside: auto; }
  a { color: inherit; }
}
"#;

/// Writes the report as one HTML page.
pub fn write(
    out: &mut dyn Write,
    card: &Scorecard,
    response: &str,
    form: &Form,
    context: &Context<'_>,
) -> io::Result<()> {
    let mut page = String::new();
    // Writing to a String cannot fail.
    let _ = render(&mut page, card, response, form, context);
    out.write_all(page.as_bytes())
}

fn anchor(code: &str) -> String {
    format!("ind-{}", code.replace(':', "-"))
}

fn render(
    page: &mut String,
    card: &Scorecard,
    response: &str,
    form: &Form,
    context: &Context<'_>,
) -> std::fmt::Result {
    writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        page,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        page,
        "<title>Role-play feedback: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        text(&card.case_title)
    )?;
    writeln!(page, "<header>\n<h1>{}</h1>", text(&card.case_title))?;
    let mut meta = Vec::new();
    if let Some(student) = context.student {
        meta.push(format!("Student: <strong>{}</strong>", text(student)));
    }
    meta.push(format!("Case <code>{}</code>", text(&card.case_id)));
    if let Some(event) = context.case.and_then(|c| c.event.as_deref()) {
        meta.push(text(event).to_string());
    }
    if let Some(when) = context.when {
        meta.push(text(when).to_string());
    }
    meta.push(text(&form.name).to_string());
    writeln!(page, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    let badge = super::certificate_line(card, form);
    writeln!(
        page,
        "<div class=\"total\"><strong>{} / {}</strong><span>{}</span><span class=\"badge\">{}</span></div>\n<p class=\"meta\">{}</p>\n</header>",
        card.total,
        card.max,
        text(form.band_label(card.rating)),
        text(&badge),
        text(super::RATING_NOTE)
    )?;

    writeln!(page, "<h2>Evaluation form</h2>")?;
    form_table(
        page,
        form,
        "Performance indicators",
        &form.indicators.band_floors,
        form.indicators.max,
        card.indicators.iter().map(|i| {
            (
                format!(
                    "<a href=\"#{}\">{} {}</a>",
                    anchor(i.code.as_str()),
                    text(i.code.as_str()),
                    text(&i.title)
                ),
                i.points,
                i.band,
            )
        }),
    )?;
    form_table(
        page,
        form,
        "21st Century Skills",
        &form.skills.band_floors,
        form.skills.max,
        card.skills
            .iter()
            .map(|s| (text(&s.label).to_string(), s.points, s.band)),
    )?;

    let summary = super::reading_summary(card);
    if !summary.is_empty() {
        writeln!(
            page,
            "<h2>How the whole response reads</h2>\n<ul class=\"reading\">"
        )?;
        for line in summary {
            writeln!(page, "<li>{}</li>", text(&line))?;
        }
        writeln!(page, "</ul>")?;
    }

    writeln!(page, "<h2>Your response</h2>")?;
    writeln!(
        page,
        "<p class=\"why\">Highlighted: phrases that earned credit (the number links to the indicator). Struck through: negated. Dotted: stuffing.</p>"
    )?;
    writeln!(
        page,
        "<div class=\"response\">{}</div>",
        highlighted(card, response)
    )?;

    writeln!(page, "<h2>Indicator by indicator</h2>")?;
    for (n, i) in card.indicators.iter().enumerate() {
        writeln!(
            page,
            "<section class=\"indicator\" id=\"{}\">",
            anchor(i.code.as_str())
        )?;
        writeln!(
            page,
            "<h3>{}. {} {}: {} / {} ({})</h3>",
            n + 1,
            text(i.code.as_str()),
            text(&i.title),
            i.points,
            i.max,
            text(form.band_label(i.band))
        )?;
        writeln!(page, "<ul class=\"evidence\">")?;
        let mut any = false;
        for e in &i.evidence {
            let (before, hit, after) = excerpt(response, e.context, e.span, 200);
            let quote = format!(
                "“{}<strong>{}</strong>{}”",
                text(&before),
                text(&hit),
                text(&after)
            );
            if e.status == Status::Repeated {
                continue;
            }
            let class = e.status.key().unwrap_or("credited");
            let why = e
                .status
                .why(response)
                .map(|why| format!(" <span class=\"why\">No credit: {}.</span>", text(&why)))
                .unwrap_or_default();
            writeln!(
                page,
                "<li class=\"{class}\">{}: {quote}{why}</li>",
                text(&e.label)
            )?;
            any = true;
        }
        if !any {
            writeln!(
                page,
                "<li class=\"missed\">Nothing in the response spoke to this indicator.</li>"
            )?;
        }
        for m in &i.missed {
            writeln!(
                page,
                "<li class=\"missed\">Missed: {}. <span class=\"why\">Tip: {}</span></li>",
                text(&m.label),
                text(&m.tip)
            )?;
        }
        writeln!(page, "</ul>")?;
        if i.capped {
            writeln!(page, "<p class=\"note\">{}.</p>", text(CAPPED_REASON))?;
        }
        writeln!(page, "</section>")?;
    }

    writeln!(
        page,
        "<h2>21st Century Skills, why</h2>\n<ul class=\"evidence\">"
    )?;
    for s in &card.skills {
        writeln!(
            page,
            "<li><strong>{}: {} / {}.</strong> <span class=\"why\">{}</span></li>",
            text(&s.label),
            s.points,
            s.max,
            text(&s.reason)
        )?;
    }
    writeln!(page, "</ul>")?;

    if let Some(case) = context.case {
        writeln!(page, "<h2>The case</h2>")?;
        writeln!(
            page,
            "<p><strong>You:</strong> {}<br><strong>The judge:</strong> {}</p>",
            text(&case.participant_role),
            text(&case.judge_role)
        )?;
        for paragraph in case
            .situation
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
        {
            writeln!(page, "<p>{}</p>", text(paragraph.trim()))?;
        }
    }
    if !context.answers.is_empty() {
        writeln!(page, "<h2>The judge's questions</h2>")?;
        for a in context.answers {
            writeln!(
                page,
                "<h3>{}</h3>\n<blockquote class=\"response\">{}</blockquote>",
                text(&a.question),
                text(&a.answer)
            )?;
        }
    } else if let Some(case) = context.case.filter(|c| !c.judge_questions.is_empty()) {
        writeln!(page, "<h2>The judge's questions</h2>\n<ol>")?;
        for q in &case.judge_questions {
            writeln!(page, "<li>{}</li>", text(q))?;
        }
        writeln!(page, "</ol>")?;
    }
    writeln!(
        page,
        "<footer>Scored offline by roleplay {}: the same answer always gets the same score.</footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(page, "</body>\n</html>")
}

fn form_table(
    page: &mut String,
    form: &Form,
    heading: &str,
    floors: &[u32; 4],
    max: u32,
    rows: impl Iterator<Item = (String, u32, Band)>,
) -> std::fmt::Result {
    writeln!(
        page,
        "<table class=\"form\">\n<thead><tr><th>{}</th>",
        text(heading)
    )?;
    for band in Band::ALL {
        let low = floors[band.index()];
        let high = if band == Band::Exceeds {
            max
        } else {
            floors[band.index() + 1] - 1
        };
        let range = if low == high {
            low.to_string()
        } else {
            format!("{low}–{high}")
        };
        writeln!(page, "<th>{}<br>{range}</th>", text(form.band_label(band)))?;
    }
    writeln!(page, "<th>Points</th></tr></thead>\n<tbody>")?;
    let mut sum = 0;
    let mut count = 0;
    for (label, points, band) in rows {
        write!(page, "<tr><td>{label}</td>")?;
        for b in Band::ALL {
            if b == band {
                write!(
                    page,
                    "<td class=\"band awarded {}\"><span>{points}</span></td>",
                    b.key()
                )?;
            } else {
                write!(page, "<td class=\"band\"></td>")?;
            }
        }
        writeln!(page, "<td class=\"points\">{points}</td></tr>")?;
        sum += points;
        count += 1;
    }
    writeln!(
        page,
        "<tr class=\"sum\"><td colspan=\"5\">Subtotal</td><td class=\"points\">{sum} / {}</td></tr>",
        max * count
    )?;
    writeln!(page, "</tbody>\n</table>")
}

/// The response with credited phrases, negated phrases and stuffed sentences marked.
fn highlighted(card: &Scorecard, response: &str) -> String {
    let mut marks: Vec<(Span, String, String)> = Vec::new();
    for (span, kind) in &card.stuffed {
        marks.push((
            *span,
            "<mark class=\"stuffed\" title=\"".to_string() + &attr(kind.reason()) + "\">",
            "</mark>".into(),
        ));
    }
    for (n, i) in card.indicators.iter().enumerate() {
        for e in &i.evidence {
            match e.status {
                Status::Credited => marks.push((
                    e.span,
                    format!(
                        "<mark title=\"{} {}\"><a href=\"#{}\">",
                        attr(i.code.as_str()),
                        attr(&e.label),
                        anchor(i.code.as_str())
                    ),
                    format!("</a><sup>{}</sup></mark>", n + 1),
                )),
                Status::Negated(_) => marks.push((
                    e.span,
                    format!(
                        "<mark class=\"negated\" title=\"negated: {}\">",
                        attr(&e.label)
                    ),
                    "</mark>".into(),
                )),
                _ => {}
            }
        }
    }
    // Earliest first, longest first; a mark that overlaps one already placed is dropped.
    marks.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut html = String::with_capacity(response.len() * 2);
    let mut at = 0;
    for (span, open, close) in marks {
        if span.start < at {
            continue;
        }
        html.push_str(&text(&response[at..span.start]));
        html.push_str(&open);
        html.push_str(&text(&response[span]));
        html.push_str(&close);
        at = span.end;
    }
    html.push_str(&text(&response[at..]));
    html
}
