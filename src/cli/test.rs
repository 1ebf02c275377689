//! `roleplay test`: run every case's example answers and report those that fall
//! outside their expected rating.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{
    CaseFolders, EXIT_FAILURE, Format, case_folders, form_for, io_error, rubrics_and_form,
};
use crate::engine::Scorer;
use crate::error::Error;
use crate::library::catalog::Catalog;
use crate::load;
use crate::model::Case;

/// Arguments of `roleplay test`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every example falls in its range, 1 when one does not or a case file cannot be loaded."
)]
pub struct TestArgs {
    /// Case files or folders to test; without any, the shipped library and --cases folders
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// An evaluation form file to score against instead of the shipped DECA form
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    #[command(flatten)]
    pub folders: CaseFolders,
}

#[derive(serde::Serialize)]
struct Outcome {
    case: String,
    example: String,
    expect: String,
    total: u32,
    rating: crate::model::Band,
    /// Indicators that missed the band the example expects of them.
    misses: Vec<BandMiss>,
    ok: bool,
}

#[derive(serde::Serialize)]
struct BandMiss {
    code: String,
    band: crate::model::Band,
    expect: String,
}

pub(super) fn run(args: TestArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    let mut problems = Vec::new();
    let cases: Vec<Case> = if args.paths.is_empty() {
        let catalog = Catalog::load(&case_folders(&args.folders), rubrics)?;
        problems.extend(catalog.problems.iter().map(ToString::to_string));
        catalog.cases.into_iter().map(Cow::into_owned).collect()
    } else {
        let known = crate::library::shipped::known_with(rubrics)?;
        let mut cases = Vec::new();
        for path in &args.paths {
            let files = if path.is_dir() {
                crate::library::catalog::yaml_files(path)?
            } else {
                vec![path.clone()]
            };
            for file in files {
                match load::case_from_file(&file, known) {
                    Ok(case) => cases.push(case),
                    Err(Error::Load(e)) => problems.push(e.to_string()),
                    Err(e) => return Err(e),
                }
            }
        }
        cases
    };
    let mut outcomes = Vec::new();
    for case in &cases {
        let scorer = Scorer::new(case, rubrics, &form_for(case, args.form.is_some(), &form)?)?;
        for example in &case.examples {
            let card = scorer.score(&example.response);
            let misses: Vec<BandMiss> = example
                .bands
                .iter()
                .filter_map(|(code, range)| {
                    let line = card.indicators.iter().find(|i| i.code == *code)?;
                    (!range.contains(line.band)).then(|| BandMiss {
                        code: code.to_string(),
                        band: line.band,
                        expect: range.to_string(),
                    })
                })
                .collect();
            outcomes.push(Outcome {
                case: case.id.to_string(),
                example: example.name.clone(),
                expect: example.expect.to_string(),
                total: card.total,
                rating: card.rating,
                ok: example.expect.contains(card.rating) && misses.is_empty(),
                misses,
            });
        }
    }
    let failed = outcomes.iter().filter(|o| !o.ok).count();
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            Format::Json => {
                let value = serde_json::json!({ "results": outcomes, "problems": problems, "passed": outcomes.len() - failed, "failed": failed });
                serde_json::to_writer_pretty(&mut *out, &value)?;
                writeln!(out)
            }
            Format::Text => {
                for o in &outcomes {
                    let mark = if o.ok { "ok  " } else { "FAIL" };
                    writeln!(
                        out,
                        "{mark} {}: {} scored {} ({}), expected {}",
                        o.case, o.example, o.total, o.rating, o.expect
                    )?;
                    for m in &o.misses {
                        writeln!(
                            out,
                            "       {} got {}, expected {}",
                            m.code, m.band, m.expect
                        )?;
                    }
                }
                for p in &problems {
                    writeln!(out, "FAIL {p}")?;
                }
                writeln!(
                    out,
                    "{} passed, {} failed",
                    outcomes.len() - failed,
                    failed + problems.len()
                )
            }
        }
    };
    write(out).map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(if failed + problems.len() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILURE)
    })
}
