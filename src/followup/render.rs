//! The follow-ups in every report format: each question, the answer and what it
//! earned. Written after the scorecard's own report, so the reports themselves are
//! unchanged for a response without follow-ups.

use std::io::{self, Write};

use super::Asked;
use crate::report::visible::visible;

/// Why prompted credit is smaller, as every format says it.
pub const NOTE: &str = "A judge credits a prompted answer less than a point you volunteer: each follow-up can add at most half of what its idea is worth on its line.";

fn earned(asked: &Asked) -> String {
    match &asked.credited {
        Some(_) if asked.points > 0 => format!(
            "+{} on {} ({} to {}; at most {} for a prompted answer)",
            asked.points,
            asked.follow_up.indicator,
            asked.points_before,
            asked.points_before + asked.points,
            asked.cap
        ),
        Some(_) => format!(
            "the idea, but {} is already at its maximum",
            asked.follow_up.indicator
        ),
        None if asked.already => format!(
            "nothing more: your answers had already earned this on {}",
            asked.follow_up.indicator
        ),
        None if asked.answer.trim().is_empty() => "nothing: no answer".into(),
        None => format!(
            "nothing: the answer does not show \"{}\"",
            lower_first(&asked.follow_up.label)
        ),
    }
}

fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// The plain-text section.
pub fn text(out: &mut dyn Write, asked: &[Asked]) -> io::Result<()> {
    if asked.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nFOLLOW-UP QUESTIONS")?;
    for (i, a) in asked.iter().enumerate() {
        writeln!(
            out,
            "  {}. [{} {}] {}",
            i + 1,
            a.follow_up.indicator,
            a.follow_up.label,
            visible(&a.follow_up.question)
        )?;
        let answer = if a.answer.trim().is_empty() {
            "(none)".to_string()
        } else {
            visible(&a.answer).to_string()
        };
        writeln!(out, "     Your answer: {answer}")?;
        if let Some(words) = &a.credited {
            writeln!(out, "     Credited: \"{}\"", visible(words))?;
        }
        writeln!(out, "     Earned: {}", earned(a))?;
    }
    writeln!(out, "  {NOTE}")
}

/// The Markdown section.
pub fn markdown(out: &mut dyn Write, asked: &[Asked]) -> io::Result<()> {
    if asked.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Follow-up questions\n")?;
    for (i, a) in asked.iter().enumerate() {
        writeln!(
            out,
            "{}. **{} {}**: {}",
            i + 1,
            a.follow_up.indicator,
            md(&a.follow_up.label),
            md(&a.follow_up.question)
        )?;
        let answer = if a.answer.trim().is_empty() {
            "(none)".to_string()
        } else {
            md(&a.answer)
        };
        writeln!(out, "   - Your answer: {answer}")?;
        if let Some(words) = &a.credited {
            writeln!(out, "   - Credited: \"{}\"", md(words))?;
        }
        writeln!(out, "   - Earned: {}", md(&earned(a)))?;
    }
    writeln!(out, "\n{NOTE}")
}

fn md(text: &str) -> String {
    let one_line = visible(text).to_string().replace(['\n', '\r'], " ");
    let mut escaped = String::with_capacity(one_line.len());
    for c in one_line.chars() {
        if "\\`*_[]<>#|".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The HTML section, inserted before the page's closing `</body>`.
pub fn html(page: &str, asked: &[Asked]) -> String {
    if asked.is_empty() {
        return page.to_string();
    }
    let esc = |t: &str| html_escape::encode_text(t).into_owned();
    let mut section =
        String::from("<section class=\"follow-ups\"><h2>Follow-up questions</h2><ol>");
    for a in asked {
        section.push_str(&format!(
            "<li><p><strong>{} {}</strong>: {}</p><p>Your answer: {}</p>",
            esc(a.follow_up.indicator.as_str()),
            esc(&a.follow_up.label),
            esc(&a.follow_up.question),
            if a.answer.trim().is_empty() {
                "(none)".into()
            } else {
                esc(&a.answer)
            }
        ));
        if let Some(words) = &a.credited {
            section.push_str(&format!("<p>Credited: &ldquo;{}&rdquo;</p>", esc(words)));
        }
        section.push_str(&format!("<p>Earned: {}</p></li>", esc(&earned(a))));
    }
    section.push_str(&format!("</ol><p>{}</p></section>\n", esc(NOTE)));
    match page.rfind("</body>") {
        Some(at) => format!("{}{section}{}", &page[..at], &page[at..]),
        None => format!("{page}{section}"),
    }
}

/// The JSON key added to the contract's object: `follow_ups`, a list of the asked
/// follow-ups with the answer and the points each added.
pub fn json(value: &mut serde_json::Value, asked: &[Asked]) {
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "follow_ups".into(),
            serde_json::to_value(asked).unwrap_or_default(),
        );
    }
}
