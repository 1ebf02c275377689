//! `roleplay show --judge`: the sheet whoever plays the judge reads, as DECA's judge
//! instructions have it. The student's view never prints it.

use std::io::{self, Write};

use crate::model::{Case, RubricSet};
use crate::report::text::wrap;

/// Writes the judge's notes of a case, or says that it has none.
pub(super) fn write(
    out: &mut dyn Write,
    case: &Case,
    rubrics: &RubricSet,
    width: usize,
) -> io::Result<()> {
    let width = width.clamp(40, 100);
    writeln!(out, "\nFor the judge")?;
    let Some(notes) = &case.judge_notes else {
        writeln!(
            out,
            "  This case has no judge's notes: play {} as the situation describes.",
            case.judge_role
        )?;
        return Ok(());
    };
    paragraph(out, &notes.character, "  ", width)?;
    if !notes.follow_ups.is_empty() {
        writeln!(out, "\nIf time allows, also ask")?;
        for question in &notes.follow_ups {
            paragraph(out, question, "  - ", width)?;
        }
    }
    if !notes.exceeds.is_empty() {
        writeln!(out, "\nWhat an answer that exceeds expectations holds")?;
        for (code, text) in &notes.exceeds {
            let title = rubrics.get(code).map_or("", |r| r.title.as_str());
            writeln!(out, "  {code}  {title}")?;
            paragraph(out, text, "    ", width)?;
        }
    }
    Ok(())
}

/// One wrapped paragraph; `lead` starts the first line and its width indents the rest.
fn paragraph(out: &mut dyn Write, text: &str, lead: &str, width: usize) -> io::Result<()> {
    let indent = " ".repeat(lead.chars().count());
    for (n, line) in wrap(text.trim(), width - indent.len()).iter().enumerate() {
        writeln!(out, "{}{line}", if n == 0 { lead } else { &indent })?;
    }
    Ok(())
}
