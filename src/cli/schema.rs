//! `roleplay schema`: JSON Schema for case and rubric files, for editor completion.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;

use super::io_error;
use crate::error::Error;
use crate::library::shipped;
use crate::load;

/// Which file's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A case file
    Case,
    /// A rubric file
    Rubric,
}

/// Arguments of `roleplay schema`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Save it beside your cases and add this first line to a case file, for completion and checks in \
editors that use the YAML language server:\n  # yaml-language-server: $schema=case.schema.json"
)]
pub struct SchemaArgs {
    /// Which file's schema
    #[arg(value_enum, default_value_t = SchemaKind::Case)]
    pub kind: SchemaKind,
}

pub(super) fn run(args: SchemaArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let schema = match args.kind {
        SchemaKind::Case => load::case_schema(shipped::rubrics()?),
        SchemaKind::Rubric => load::rubric_schema(),
    };
    serde_json::to_writer_pretty(&mut *out, &schema)
        .map_err(std::io::Error::from)
        .and_then(|_| writeln!(out))
        .map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}
