//! `roleplay rubric`: the indicators as a study aid.

use std::io::Write;
use std::process::ExitCode;

use super::{Format, io_error};
use crate::error::Error;
use crate::library::shipped;
use crate::model::rubric::Level;
use crate::model::{Code, Rubric};
use crate::report::text::wrap;
use crate::suggest::closest;

/// Arguments of `roleplay rubric`.
#[derive(Debug, clap::Args)]
pub struct RubricArgs {
    /// An indicator code such as CR:010; without one, lists them all
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub(super) fn run(args: RubricArgs, out: &mut dyn Write, _color: bool) -> Result<ExitCode, Error> {
    let rubrics = shipped::rubrics()?;
    let one = find(rubrics, args.code.as_deref())?;
    let written = match (one, args.format) {
        (Some(rubric), Format::Json) => json(out, rubric),
        (Some(rubric), Format::Text) => write_one(out, rubric),
        (None, Format::Json) => json(out, &rubrics.iter().collect::<Vec<_>>()),
        (None, Format::Text) => write_all(out, rubrics),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// The framework a code belongs to, as a coach should cite it.
fn framework(code: &Code) -> &'static str {
    match code.as_str().split(':').next() {
        Some("CR") => "DECA Customer Relations instructional area",
        Some("NOS") => {
            "UK National Occupational Standard CFACSB15, Establish and maintain effective customer relations, version 2 (2013; revised in 2021 with renumbered criteria): not a DECA indicator"
        }
        _ => "an indicator a coach added (from another instructional area, or their own)",
    }
}

fn write_all(out: &mut dyn Write, rubrics: &crate::model::RubricSet) -> std::io::Result<()> {
    let mut last = "";
    for r in rubrics.iter() {
        let name = framework(&r.code);
        if name != last {
            let gap = if last.is_empty() { "" } else { "\n" };
            for (i, line) in wrap(name, 78).iter().enumerate() {
                writeln!(out, "{}{line}", if i == 0 { gap } else { "  " })?;
            }
            last = name;
        }
        writeln!(
            out,
            "{:<7} {:<9} {}",
            r.code.as_str(),
            level_name(r.level),
            r.title
        )?;
    }
    writeln!(out)?;
    for level in [Level::CS, Level::SP] {
        if rubrics.iter().any(|r| r.level == level) {
            for line in wrap(&format!("{:?}: {}", level, level_meaning(level)), 78) {
                writeln!(out, "{line}")?;
            }
        }
    }
    writeln!(out, "\n`roleplay rubric CODE` shows one in full.")
}

/// The level's short name, as the list prints it.
fn level_name(level: Level) -> &'static str {
    match level {
        Level::CS => "CS",
        Level::SP => "SP",
        Level::Criterion => "criterion",
    }
}

/// What DECA's curriculum level means, for a student who has not met the codes.
fn level_meaning(level: Level) -> &'static str {
    match level {
        Level::CS => {
            "career-sustaining, the level every employee needs to keep a job and advance in it"
        }
        Level::SP => {
            "specialist, the level of someone who specializes in the field, beyond what every employee needs"
        }
        Level::Criterion => "a criterion of another framework's standard (not a DECA level)",
    }
}

fn find<'a>(
    rubrics: &'a crate::model::RubricSet,
    code: Option<&str>,
) -> Result<Option<&'a Rubric>, Error> {
    let Some(text) = code else { return Ok(None) };
    let wanted = Code::parse_lenient(text);
    if let Some(rubric) = wanted.as_ref().and_then(|c| rubrics.get(c)) {
        return Ok(Some(rubric));
    }
    let codes: Vec<&str> = rubrics.codes().map(Code::as_str).collect();
    let hint = closest(text, &codes)
        .map(|b| format!(" (did you mean `{b}`?)"))
        .unwrap_or_else(|| "; `roleplay rubric` lists them".into());
    Err(Error::UnknownIndicator {
        code: text.to_string(),
        hint,
    })
}

fn write_one(out: &mut dyn Write, r: &Rubric) -> std::io::Result<()> {
    writeln!(out, "{} {}", r.code, r.title)?;
    writeln!(
        out,
        "Level {}: {}",
        level_name(r.level),
        level_meaning(r.level)
    )?;
    for line in wrap(&format!("Framework: {}", framework(&r.code)), 78) {
        writeln!(out, "{line}")?;
    }
    if let Some(element) = &r.element {
        writeln!(out, "Performance element: {element}")?;
    }
    writeln!(out)?;
    for line in wrap(&r.definition, 78) {
        writeln!(out, "{line}")?;
    }
    if !r.approach.is_empty() {
        writeln!(out, "\nIn a role-play:")?;
        for tip in &r.approach {
            for (i, line) in wrap(tip, 74).iter().enumerate() {
                writeln!(out, "{} {line}", if i == 0 { "  -" } else { "   " })?;
            }
        }
    }
    writeln!(out, "\nWhat a judge listens for (weight 1-3):")?;
    for c in &r.concepts {
        writeln!(out, "  [{}] {}", c.weight, c.label)?;
        let phrases: Vec<&str> = c.phrases.iter().take(6).map(|p| p.0.as_str()).collect();
        for line in wrap(&format!("say it like: {}", phrases.join("; ")), 72) {
            writeln!(out, "      {line}")?;
        }
        for line in wrap(&format!("tip: {}", c.tip), 72) {
            writeln!(out, "      {line}")?;
        }
        // A coach sees what the judge will ask when a response misses this concept.
        for probe in &c.probes {
            for line in wrap(&format!("if missed, the judge asks: {probe}"), 72) {
                writeln!(out, "      {line}")?;
            }
        }
    }
    Ok(())
}
