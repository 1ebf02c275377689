//! `roleplay list` and `roleplay show`: browse the cases.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{CaseFolders, Format, catalog, io_error, style};
use crate::error::Error;
use crate::library::shipped;
use crate::model::{Case, Code, RubricSet};
use crate::report::text::{fit, wrap};

/// Arguments of `roleplay list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only cases that test this indicator (repeat for several: all must be tested)
    #[arg(long = "indicator", short = 'i', value_name = "CODE")]
    pub indicators: Vec<String>,
    /// Only cases of this event area, such as retail or hospitality
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
    /// Only cases whose text holds all these words
    #[arg(value_name = "WORDS")]
    pub words: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub folders: CaseFolders,
}

/// Arguments of `roleplay show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The case: an id or a path to a case file
    #[arg(value_name = "CASE")]
    pub case: String,
    /// Also show the judge's follow-up questions (hidden by default, as in the event)
    #[arg(long)]
    pub questions: bool,
    /// Show the judge's sheet too: the character to play, the questions and follow-ups,
    /// and what an answer that exceeds expectations holds (for the coach playing the judge)
    #[arg(long)]
    pub judge: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print one of the case's example answers instead (`strong` or `weak`)
    #[arg(long, value_name = "NAME")]
    pub example: Option<String>,
    #[command(flatten)]
    pub folders: CaseFolders,
}

#[derive(Serialize)]
struct Indicator<'a> {
    code: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    event: Option<&'a str>,
    area: Option<&'a str>,
    participant_role: &'a str,
    judge_role: &'a str,
    indicators: Vec<Indicator<'a>>,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    situation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    judge_questions: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    judge_notes: Option<&'a crate::model::JudgeNotes>,
}

fn listed<'a>(case: &'a Case, rubrics: &'a RubricSet) -> Listed<'a> {
    Listed {
        id: &case.id,
        title: &case.title,
        event: case.event.as_deref(),
        area: case.area.as_deref(),
        participant_role: &case.participant_role,
        judge_role: &case.judge_role,
        indicators: indicators(case, rubrics),
        source: crate::library::catalog::describe(&case.source),
        situation: None,
        judge_questions: None,
        judge_notes: None,
    }
}

fn indicators<'a>(case: &'a Case, rubrics: &'a RubricSet) -> Vec<Indicator<'a>> {
    case.indicators
        .iter()
        .map(|code| Indicator {
            code: code.as_str(),
            title: rubrics.get(code).map_or("", |r| r.title.as_str()),
        })
        .collect()
}

pub(super) fn run_list(
    args: ListArgs,
    out: &mut dyn Write,
    color: bool,
) -> Result<ExitCode, Error> {
    let rubrics = shipped::rubrics()?;
    let catalog = catalog(&args.folders, rubrics)?;
    let mut wanted = Vec::new();
    for text in &args.indicators {
        let code = Code::parse_lenient(text).ok_or_else(|| {
            Error::Usage(format!(
                "`{text}` is not an indicator code; write it like CR:010"
            ))
        })?;
        wanted.push(code);
    }
    let words: Vec<String> = args.words.iter().map(|w| w.to_lowercase()).collect();
    let mut cases: Vec<&Case> = catalog
        .cases
        .iter()
        .map(AsRef::as_ref)
        .filter(|c| wanted.iter().all(|code| c.indicators.contains(code)))
        .filter(|c| {
            args.area
                .as_ref()
                .is_none_or(|a| c.area.as_deref() == Some(a.as_str()))
        })
        .filter(|c| {
            let text = format!(
                "{} {} {} {} {} {}",
                c.id,
                c.title,
                c.event.as_deref().unwrap_or(""),
                c.participant_role,
                c.judge_role,
                c.situation
            )
            .to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect();
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    let written = match args.format {
        Format::Json => {
            let items: Vec<Listed> = cases.iter().map(|c| listed(c, rubrics)).collect();
            serde_json::to_writer_pretty(&mut *out, &items)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Text => write_table(out, &cases, rubrics, color),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// Three lines a case, fitted to the terminal: the id and area, the title, and the
/// indicators it tests by name.
fn write_table(
    out: &mut dyn Write,
    cases: &[&Case],
    rubrics: &RubricSet,
    color: bool,
) -> std::io::Result<()> {
    if cases.is_empty() {
        return writeln!(out, "No case matches.");
    }
    let p = crate::report::text::Painter { color };
    let width = style(color).width.clamp(40, 160);
    for c in cases {
        let area = c.area.as_deref().unwrap_or("-");
        writeln!(out, "{}  {}", p.bold(&c.id), p.dim(area))?;
        writeln!(out, "  {}", fit(&c.title, width - 2))?;
        let tests: Vec<&str> = indicators(c, rubrics).iter().map(|i| i.title).collect();
        let line = fit(&format!("tests: {}", tests.join(" · ")), width - 2);
        writeln!(out, "  {}", p.dim(&line))?;
    }
    writeln!(
        out,
        "\n{} case(s). `roleplay show ID` shows one.",
        cases.len()
    )
}

pub(super) fn run_show(
    args: ShowArgs,
    out: &mut dyn Write,
    color: bool,
) -> Result<ExitCode, Error> {
    let rubrics = shipped::rubrics()?;
    let catalog = catalog(&args.folders, rubrics)?;
    let case = catalog.resolve(&args.case, rubrics)?;
    if let Some(name) = &args.example {
        return show_example(out, &case, name, args.format, style(color).width);
    }
    let written = match args.format {
        Format::Json => {
            let mut item = listed(&case, rubrics);
            item.situation = Some(&case.situation);
            let questions = args.questions || args.judge;
            item.judge_questions = questions.then_some(case.judge_questions.as_slice());
            item.judge_notes = if args.judge {
                case.judge_notes.as_ref()
            } else {
                None
            };
            serde_json::to_writer_pretty(&mut *out, &item)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Text => {
            let width = style(color).width;
            write_case(out, &case, rubrics, args.questions || args.judge, width).and_then(|()| {
                if args.judge {
                    super::judge_sheet::write(out, &case, rubrics, width)
                } else {
                    Ok(())
                }
            })
        }
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// Prints one of a case's example answers, with the rating it is meant to get.
fn show_example(
    out: &mut dyn Write,
    case: &Case,
    name: &str,
    format: Format,
    width: usize,
) -> Result<ExitCode, Error> {
    let example = example(case, name)?;
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, example)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out)),
        Format::Text => (|| {
            writeln!(
                out,
                "{}: the {} example answer (meant to rate {})\n",
                case.title, example.name, example.expect
            )?;
            for paragraph in example.response.trim_end().split("\n\n") {
                for line in wrap(paragraph, width.clamp(40, 100)) {
                    writeln!(out, "{line}")?;
                }
                writeln!(out)?;
            }
            writeln!(
                out,
                "`roleplay score --case {} --example {}` shows how it scores.",
                case.id, example.name
            )
        })(),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a case as a student reads it before the role-play.
pub(super) fn write_case(
    out: &mut dyn Write,
    case: &Case,
    rubrics: &RubricSet,
    questions: bool,
    width: usize,
) -> std::io::Result<()> {
    let width = width.clamp(40, 100);
    writeln!(out, "{}", case.title)?;
    if let Some(event) = &case.event {
        writeln!(out, "{event}")?;
    }
    // The form says how the event runs: a team event has two students and its own clock.
    if let Ok(form) = shipped::form_for(case)
        && let Some(timing) = form.timing.filter(|_| case.form.is_some())
    {
        writeln!(
            out,
            "Judged on the {} ({} minutes to prepare, {} with the judge)",
            form.name, timing.prep, timing.present
        )?;
    }
    writeln!(out)?;
    for (label, text) in [
        ("You are", &case.participant_role),
        ("The judge is", &case.judge_role),
    ] {
        for (i, line) in wrap(&format!("{label} {text}"), width).iter().enumerate() {
            writeln!(out, "{}{line}", if i == 0 { "" } else { "  " })?;
        }
    }
    writeln!(out)?;
    for paragraph in case.situation.split("\n\n") {
        for line in wrap(paragraph, width) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Performance indicators")?;
    for i in indicators(case, rubrics) {
        for (n, line) in wrap(&format!("{}  {}", i.code, i.title), width - 2)
            .iter()
            .enumerate()
        {
            writeln!(out, "{}{line}", if n == 0 { "  " } else { "          " })?;
        }
    }
    if questions && !case.judge_questions.is_empty() {
        writeln!(out, "\nThe judge's questions")?;
        for (n, q) in case.judge_questions.iter().enumerate() {
            for (k, line) in wrap(q, width - 5).iter().enumerate() {
                writeln!(
                    out,
                    "{}{line}",
                    if k == 0 {
                        format!("  {}. ", n + 1)
                    } else {
                        "     ".to_string()
                    }
                )?;
            }
        }
    }
    Ok(())
}

/// The case's example answer called `name` (in any case), or an error that lists the
/// examples it has.
pub(super) fn example<'c>(case: &'c Case, name: &str) -> Result<&'c crate::model::Example, Error> {
    case.examples
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case(name))
        .ok_or_else(|| {
            let names: Vec<&str> = case.examples.iter().map(|e| e.name.as_str()).collect();
            Error::Usage(format!(
                "case `{}` has no example `{name}`; it has: {}",
                case.id,
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ))
        })
}
