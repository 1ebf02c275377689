//! `roleplay coverage`: which indicators the loaded cases test, how often, and the gaps.

use std::io::Write;
use std::process::ExitCode;

use super::{CaseFolders, Format, catalog, io_error};
use crate::error::Error;
use crate::library::shipped;

/// Arguments of `roleplay coverage`.
#[derive(Debug, clap::Args)]
pub struct CoverageArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Only indicators whose code starts with this, such as CR or NOS
    #[arg(long, value_name = "PREFIX")]
    pub framework: Option<String>,
    #[command(flatten)]
    pub folders: CaseFolders,
}

#[derive(serde::Serialize)]
struct Line<'a> {
    code: &'a str,
    title: &'a str,
    cases: Vec<&'a str>,
}

pub(super) fn run(args: CoverageArgs, out: &mut dyn Write, color: bool) -> Result<ExitCode, Error> {
    let rubrics = shipped::rubrics()?;
    let catalog = catalog(&args.folders, rubrics)?;
    let prefix = args
        .framework
        .as_deref()
        .map(|p| format!("{}:", p.trim_end_matches(':').to_ascii_uppercase()));
    let lines: Vec<Line> = rubrics
        .iter()
        .filter(|r| {
            prefix
                .as_deref()
                .is_none_or(|p| r.code.as_str().starts_with(p))
        })
        .map(|r| Line {
            code: r.code.as_str(),
            title: &r.title,
            cases: catalog
                .cases
                .iter()
                .filter(|c| c.indicators.contains(&r.code))
                .map(|c| c.id.as_str())
                .collect(),
        })
        .collect();
    let written = match args.format {
        Format::Json => {
            let gaps: Vec<&str> = lines
                .iter()
                .filter(|l| l.cases.is_empty())
                .map(|l| l.code)
                .collect();
            let value = serde_json::json!({ "cases": catalog.cases.len(), "indicators": lines, "gaps": gaps });
            serde_json::to_writer_pretty(&mut *out, &value)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Text => (|| {
            let most = lines
                .iter()
                .map(|l| l.cases.len())
                .max()
                .unwrap_or(0)
                .max(1);
            let room = super::style(color).width.clamp(60, 160) - 39;
            writeln!(out, "{:<8} {:>5}  {:<20}  title", "code", "cases", "")?;
            for l in &lines {
                let bar = "█".repeat((l.cases.len() * 20).div_ceil(most));
                let title = crate::report::text::fit(l.title, room);
                writeln!(
                    out,
                    "{:<8} {:>5}  {:<20}  {title}",
                    l.code,
                    l.cases.len(),
                    bar
                )?;
            }
            let gaps: Vec<&str> = lines
                .iter()
                .filter(|l| l.cases.is_empty())
                .map(|l| l.code)
                .collect();
            if gaps.is_empty() {
                writeln!(
                    out,
                    "\n{} case(s); every indicator is tested.",
                    catalog.cases.len()
                )
            } else {
                writeln!(
                    out,
                    "\n{} case(s); no case tests: {}",
                    catalog.cases.len(),
                    gaps.join(", ")
                )
            }
        })(),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}
