//! `roleplay validate`: every problem in every case file, as compilers report them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CaseFolders, EXIT_FAILURE, Format, case_folders, io_error};
use crate::error::{Error, LoadError, LoadErrorKind};
use crate::library::shipped;
use crate::load::lint::{Diagnostic, Severity, Source, validate, validate_rubrics};

/// Arguments of `roleplay validate`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when no file has an error (warnings are allowed), 1 otherwise."
)]
pub struct ValidateArgs {
    /// Case files or folders; without any, the shipped library and your case folders
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub folders: CaseFolders,
}

pub(super) fn run(
    args: ValidateArgs,
    rubric_folders: &[PathBuf],
    out: &mut dyn Write,
) -> Result<ExitCode, Error> {
    let rubrics = shipped::rubrics()?;
    let gathered = gather(&args, rubric_folders)?;
    // A file given among the paths that reads as a rubric is checked as one.
    let (found, sources): (Vec<Source>, Vec<Source>) =
        gathered.sources.into_iter().partition(|s| {
            std::str::from_utf8(&s.bytes)
                .is_ok_and(crate::library::coach_rubrics::looks_like_rubric)
        });
    let mut rubric_sources = gathered.rubric_sources;
    rubric_sources.extend(found);
    let mut diagnostics: Vec<Diagnostic> = gathered
        .problems
        .into_iter()
        .map(|problem| Diagnostic {
            severity: Severity::Error,
            problem,
        })
        .collect();
    let files = sources.len() + rubric_sources.len() + diagnostics.len();
    diagnostics.extend(validate(&sources, shipped::known_with(rubrics)?));
    diagnostics.extend(validate_rubrics(
        &rubric_sources,
        shipped::shipped_rubrics()?,
    ));
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    write(out, args.format, &diagnostics, files, errors)
        .map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILURE)
    })
}

/// The files to check, read, and the folders or files that could not be.
struct Gathered {
    sources: Vec<Source>,
    rubric_sources: Vec<Source>,
    problems: Vec<LoadError>,
}

/// Reads the paths given, or with none every case and coach rubric roleplay finds. A
/// path that cannot be read is reported like any other problem, and the rest are still
/// checked.
fn gather(args: &ValidateArgs, rubric_folders: &[PathBuf]) -> Result<Gathered, Error> {
    let mut sources = Vec::new();
    let mut rubric_sources = Vec::new();
    let mut problems_in_folders: Vec<LoadError> = Vec::new();
    let mut unreadable: Vec<LoadError> = Vec::new();
    let mut add_file =
        |path: PathBuf, sources: &mut Vec<Source>| match crate::load::read_file(&path) {
            Ok(bytes) => sources.push(Source { path, bytes }),
            Err(Error::Load(e)) => unreadable.push(e),
            Err(e) => unreadable.push(LoadError::file(
                path,
                LoadErrorKind::Unreadable(e.to_string()),
            )),
        };
    let mut folder_files =
        |folder: &std::path::Path| match crate::library::catalog::yaml_files(folder) {
            Ok(files) => files,
            Err(e) => {
                problems_in_folders.push(LoadError::file(
                    folder,
                    LoadErrorKind::Unreadable(e.to_string()),
                ));
                Vec::new()
            }
        };
    if args.paths.is_empty() {
        for (name, text) in shipped::files().filter(|(name, _)| name.starts_with("cases/")) {
            sources.push(Source {
                path: PathBuf::from(name),
                bytes: text.as_bytes().to_vec(),
            });
        }
        for folder in case_folders(&args.folders) {
            for path in folder_files(&folder) {
                add_file(path, &mut sources);
            }
        }
        for path in crate::library::coach_rubrics::files(rubric_folders)? {
            add_file(path, &mut rubric_sources);
        }
    } else {
        for path in &args.paths {
            if path.is_dir() {
                for file in folder_files(path) {
                    add_file(file, &mut sources);
                }
            } else {
                add_file(path.clone(), &mut sources);
            }
        }
    }
    problems_in_folders.extend(unreadable);
    Ok(Gathered {
        sources,
        rubric_sources,
        problems: problems_in_folders,
    })
}

/// Writes every problem, then the count, as text or JSON.
fn write(
    out: &mut dyn Write,
    format: Format,
    diagnostics: &[Diagnostic],
    files: usize,
    errors: usize,
) -> std::io::Result<()> {
    let warnings = diagnostics.len() - errors;
    if format == Format::Text {
        for d in diagnostics {
            writeln!(out, "{d}\n")?;
        }
        return writeln!(
            out,
            "{files} file(s): {errors} error(s), {warnings} warning(s)"
        );
    }
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "file": d.problem.path.display().to_string(),
                "line": d.problem.position.map(|p| p.line),
                "column": d.problem.position.map(|p| p.column),
                "severity": if d.severity == Severity::Error { "error" } else { "warning" },
                "message": d.problem.kind.to_string(),
            })
        })
        .collect();
    let value = serde_json::json!({ "files": files, "errors": errors, "warnings": warnings, "problems": items });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
