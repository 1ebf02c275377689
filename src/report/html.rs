//! The printable HTML report: one self-contained page (inline CSS, no scripts, no
//! fonts or images from anywhere) laid out like DECA's evaluation form, then the
//! response with every credited phrase highlighted and linked to its indicator.
//! It lays out a [`View`]; the wording is the view's. Every piece of student or coach
//! text is escaped as it is written.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::view::{self, IndicatorView, Table, Verdict, View};
use crate::engine::Status;
use crate::model::Band;
use crate::text::Span;

/// The page's style sheet, printed inline so the file stands alone.
const STYLE: &str = include_str!("html.css");

/// Writes the report as one HTML page, with its follow-ups and delivery.
pub fn write(out: &mut dyn Write, view: &View<'_>) -> io::Result<()> {
    let mut page = String::new();
    // Writing to a String cannot fail.
    let _ = render(&mut page, view);
    out.write_all(page.as_bytes())
}

fn anchor(code: &str) -> String {
    format!("ind-{}", code.replace(':', "-"))
}

fn render(page: &mut String, view: &View<'_>) -> fmt::Result {
    header(page, view)?;
    writeln!(page, "<h2>Evaluation form</h2>")?;
    form_table(page, &view.indicator_table)?;
    form_table(page, &view.skill_table)?;
    if !view.reading.is_empty() {
        writeln!(page, "<h2>{}</h2>\n<ul class=\"reading\">", view::READING)?;
        for line in &view.reading {
            writeln!(page, "<li>{}</li>", text(line))?;
        }
        writeln!(page, "</ul>")?;
    }
    writeln!(page, "<h2>Your response</h2>")?;
    writeln!(
        page,
        "<p class=\"why\">Highlighted: phrases that earned credit (the number links to the indicator). Struck through: negated. Dotted: stuffing.</p>"
    )?;
    writeln!(page, "<div class=\"response\">{}</div>", highlighted(view))?;
    writeln!(page, "<h2>Indicator by indicator</h2>")?;
    for (n, i) in view.indicators.iter().enumerate() {
        indicator(page, view, n, i)?;
    }
    writeln!(
        page,
        "<h2>{}, why</h2>\n<ul class=\"evidence\">",
        view::SKILLS
    )?;
    for s in &view.skills {
        writeln!(
            page,
            "<li><strong>{}: {} / {}.</strong> <span class=\"why\">{}</span></li>",
            text(s.row.label),
            s.row.points,
            s.row.max,
            text(s.reason)
        )?;
    }
    writeln!(page, "</ul>")?;
    case(page, view)?;
    writeln!(
        page,
        "<footer>Scored offline by roleplay {}: the same answer always gets the same score.</footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    follow_ups(page, view)?;
    delivery(page, view)?;
    writeln!(page, "</body>\n</html>")
}

fn header(page: &mut String, view: &View<'_>) -> fmt::Result {
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
        text(view.title)
    )?;
    writeln!(page, "<header>\n<h1>{}</h1>", text(view.title))?;
    let context = &view.context;
    let mut meta = Vec::new();
    if let Some(student) = context.student {
        meta.push(format!("Student: <strong>{}</strong>", text(student)));
    }
    meta.push(format!("Case <code>{}</code>", text(view.case_id)));
    if let Some(event) = context.case.and_then(|c| c.event.as_deref()) {
        meta.push(text(event).to_string());
    }
    if let Some(when) = context.when {
        meta.push(text(when).to_string());
    }
    meta.push(text(view.form_name).to_string());
    writeln!(page, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    writeln!(
        page,
        "<div class=\"total\"><strong>{} / {}</strong><span>{}</span><span class=\"badge\">{}</span></div>\n<p class=\"meta\">{}</p>\n</header>",
        view.total.0,
        view.total.1,
        text(view.rating_label),
        text(&view.certificate),
        text(view.rating_note)
    )
}

fn form_table(page: &mut String, table: &Table<'_>) -> fmt::Result {
    writeln!(
        page,
        "<table class=\"form\">\n<thead><tr><th>{}</th>",
        text(table.heading)
    )?;
    for (label, range) in &table.bands {
        writeln!(page, "<th>{}<br>{range}</th>", text(label))?;
    }
    writeln!(page, "<th>Points</th></tr></thead>\n<tbody>")?;
    let mut sum = 0;
    for row in &table.rows {
        let label = match row.code {
            Some(code) => format!(
                "<a href=\"#{}\">{} {}</a>",
                anchor(code.as_str()),
                text(code.as_str()),
                text(row.label)
            ),
            None => text(row.label).to_string(),
        };
        write!(page, "<tr><td>{label}</td>")?;
        for b in Band::ALL {
            if b == row.band {
                write!(
                    page,
                    "<td class=\"band awarded {}\"><span>{}</span></td>",
                    b.key(),
                    row.points
                )?;
            } else {
                write!(page, "<td class=\"band\"></td>")?;
            }
        }
        writeln!(page, "<td class=\"points\">{}</td></tr>", row.points)?;
        sum += row.points;
    }
    writeln!(
        page,
        "<tr class=\"sum\"><td colspan=\"5\">Subtotal</td><td class=\"points\">{sum} / {}</td></tr>",
        table.max
    )?;
    writeln!(page, "</tbody>\n</table>")
}

fn indicator(page: &mut String, view: &View<'_>, n: usize, i: &IndicatorView<'_>) -> fmt::Result {
    let row = &i.row;
    let code = row.code.map_or("", |c| c.as_str());
    writeln!(
        page,
        "<section class=\"indicator\" id=\"{}\">",
        anchor(code)
    )?;
    writeln!(
        page,
        "<h3>{}. {} {}: {} / {} ({})</h3>",
        n + 1,
        text(code),
        text(row.label),
        row.points,
        row.max,
        text(row.band_label)
    )?;
    writeln!(page, "<ul class=\"evidence\">")?;
    for e in &i.evidence {
        let q = view.quote(e.context, e.span, 200);
        let quote = format!(
            "“{}<strong>{}</strong>{}”",
            text(&q.before),
            text(&q.hit),
            text(&q.after)
        );
        let class = e.status.key().unwrap_or("credited");
        let why = e
            .why
            .as_ref()
            .map(|why| format!(" <span class=\"why\">No credit: {}.</span>", text(why)))
            .unwrap_or_default();
        let label = text(e.label);
        writeln!(page, "<li class=\"{class}\">{label}: {quote}{why}</li>")?;
    }
    if i.evidence.is_empty() {
        writeln!(page, "<li class=\"missed\">{}</li>", view::NOTHING_FOUND)?;
    }
    for m in &i.missed {
        writeln!(
            page,
            "<li class=\"missed\">Missed: {}. <span class=\"why\">Tip: {}</span></li>",
            text(m.label),
            text(m.tip)
        )?;
    }
    writeln!(page, "</ul>")?;
    if let Some(reason) = i.capped {
        writeln!(page, "<p class=\"note\">{}.</p>", text(reason))?;
    }
    writeln!(page, "</section>")
}

/// The case as the student read it, and the judge's questions with the answers given
/// (or the questions alone when none were answered).
fn case(page: &mut String, view: &View<'_>) -> fmt::Result {
    let context = &view.context;
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
    Ok(())
}

fn follow_ups(page: &mut String, view: &View<'_>) -> fmt::Result {
    if view.follow_ups.is_empty() {
        return Ok(());
    }
    write!(
        page,
        "<section class=\"follow-ups\"><h2>{}</h2><ol>",
        view::FOLLOW_UPS
    )?;
    for a in &view.follow_ups {
        write!(
            page,
            "<li><p><strong>{} {}</strong>: {}</p><p>Your answer: {}</p>",
            text(a.indicator.as_str()),
            text(a.label),
            text(a.question),
            a.answer.map_or(view::NO_ANSWER.into(), text)
        )?;
        if let Some(words) = a.credited {
            write!(page, "<p>Credited: &ldquo;{}&rdquo;</p>", text(words))?;
        }
        write!(page, "<p>Earned: {}</p></li>", text(&a.earned))?;
    }
    writeln!(
        page,
        "</ol><p>{}</p></section>",
        text(view.follow_up_note())
    )
}

fn delivery(page: &mut String, view: &View<'_>) -> fmt::Result {
    let Some(d) = &view.delivery else {
        return Ok(());
    };
    write!(
        page,
        "<section class=\"delivery\"><h2>{}</h2><table><tr><th>Figure</th><th>Yours</th><th>Comfortable</th></tr>",
        view::DELIVERY
    )?;
    for (label, value, range) in &d.figures {
        write!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(label),
            text(value),
            text(range)
        )?;
    }
    write!(page, "</table>")?;
    for t in &d.tips {
        write!(page, "<p>Tip: {}</p>", text(t))?;
    }
    writeln!(page, "</section>")
}

/// The response with credited phrases, negated phrases and stuffed sentences marked.
fn highlighted(view: &View<'_>) -> String {
    let mut marks: Vec<(Span, String, String)> = Vec::new();
    for (span, reason) in &view.stuffed {
        marks.push((
            *span,
            "<mark class=\"stuffed\" title=\"".to_string() + &attr(reason) + "\">",
            "</mark>".into(),
        ));
    }
    for (n, i) in view.indicators.iter().enumerate() {
        let code = i.row.code.map_or("", |c| c.as_str());
        for e in &i.evidence {
            match (e.verdict, e.status) {
                (Verdict::Credited, _) => marks.push((
                    e.span,
                    format!(
                        "<mark title=\"{} {}\"><a href=\"#{}\">",
                        attr(code),
                        attr(e.label),
                        anchor(code)
                    ),
                    format!("</a><sup>{}</sup></mark>", n + 1),
                )),
                (_, Status::Negated(_)) => marks.push((
                    e.span,
                    format!(
                        "<mark class=\"negated\" title=\"negated: {}\">",
                        attr(e.label)
                    ),
                    "</mark>".into(),
                )),
                _ => {}
            }
        }
    }
    // Earliest first, longest first; a mark that overlaps one already placed is dropped.
    marks.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
    let response = view.response;
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
