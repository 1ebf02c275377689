//! What the command line says about itself: two or three examples under every
//! subcommand's help, shell completions that complete case ids, and the man page.
//! All generated from the one clap definition.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use super::{CaseFolders, Cli, catalog, io_error};
use crate::error::Error;
use crate::library::shipped;

/// Examples per subcommand, shown at the foot of its `--help`.
const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "practice",
        &[
            "roleplay practice                          # pick a case from a list",
            "roleplay practice summit-gear-ski-return --prep 90s --time 7m30s",
            "roleplay practice --random -i CR:010 --student \"Ana Díaz\"",
        ],
    ),
    (
        "score",
        &[
            "roleplay score --case summit-gear-ski-return my-answer.txt",
            "roleplay score --case my-case.yaml --format json - < answer.txt",
            "roleplay score --case summit-gear-ski-return --example strong --save --student Ana",
        ],
    ),
    (
        "history",
        &[
            "roleplay history",
            "roleplay history --case summit-gear-ski-return --format json",
        ],
    ),
    (
        "show-attempt",
        &[
            "roleplay show-attempt latest",
            "roleplay show-attempt 3 --format markdown",
        ],
    ),
    (
        "report",
        &[
            "roleplay report latest                     # the text report",
            "roleplay report latest -o feedback.pdf     # the DECA form as PDF (needs Chromium)",
            "roleplay report 3 -o form.html --student \"Ana Díaz\" --open",
        ],
    ),
    (
        "progress",
        &[
            "roleplay progress",
            "roleplay progress --format html > progress.html",
        ],
    ),
    (
        "drill",
        &[
            "roleplay drill learn -i CR:010",
            "roleplay drill review --focus weakest",
            "roleplay drill match",
        ],
    ),
    (
        "list",
        &[
            "roleplay list",
            "roleplay list -i CR:017 --area finance",
            "roleplay list refund",
        ],
    ),
    (
        "show",
        &[
            "roleplay show skybridge-missed-connection",
            "roleplay show summit-gear-ski-return --example strong",
        ],
    ),
    ("rubric", &["roleplay rubric", "roleplay rubric CR:010"]),
    (
        "test",
        &["roleplay test", "roleplay test cases/my-case.yaml"],
    ),
    (
        "batch",
        &[
            "roleplay batch --case summit-gear-ski-return responses/ -o class.csv",
            "roleplay batch class.jsonl -o roster.html --reports feedback/",
            "roleplay batch --case my-case responses/ --reports out/ --report-format pdf",
        ],
    ),
    (
        "validate",
        &["roleplay validate", "roleplay validate cases/my-case.yaml"],
    ),
    (
        "coverage",
        &["roleplay coverage", "roleplay coverage --framework NOS"],
    ),
    (
        "agreement",
        &[
            "roleplay agreement marked/",
            "roleplay agreement marked/ --marks coach.csv --worst 10",
        ],
    ),
    (
        "new",
        &[
            "roleplay new my-case                       # asks for the rest on a terminal",
            "roleplay new my-case --title \"...\" --participant \"...\" --judge \"...\" --area retail -i CR:010,CR:007",
        ],
    ),
    (
        "schema",
        &[
            "roleplay schema case > case.schema.json",
            "roleplay schema rubric",
        ],
    ),
    (
        "completions",
        &[
            "roleplay completions bash > ~/.local/share/bash-completion/completions/roleplay",
            "roleplay completions zsh > ~/.zfunc/_roleplay",
            "roleplay completions fish > ~/.config/fish/completions/roleplay.fish",
        ],
    ),
    (
        "man",
        &[
            "roleplay man > roleplay.1 && man ./roleplay.1",
            "roleplay man | gzip > /usr/local/share/man/man1/roleplay.1.gz",
        ],
    ),
];

/// The command line's definition, with the examples added to every subcommand.
pub fn command() -> clap::Command {
    let mut command = Cli::command();
    for (name, lines) in EXAMPLES {
        command = command.mut_subcommand(name, |sub| {
            let mut text = sub
                .get_after_help()
                .map(|h| format!("{h}\n\n"))
                .unwrap_or_default();
            text.push_str("Examples:\n");
            for line in *lines {
                text.push_str(&format!("  {line}\n"));
            }
            sub.after_help(text.trim_end().to_string())
        });
    }
    command
}

/// Arguments of `roleplay completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
    #[command(flatten)]
    pub folders: CaseFolders,
}

/// Writes the completion script; case arguments complete the ids of the cases known now.
pub(super) fn run_completions(
    args: CompletionsArgs,
    out: &mut dyn Write,
) -> Result<ExitCode, Error> {
    let rubrics = shipped::rubrics()?;
    let catalog = catalog(&args.folders, rubrics)?;
    let mut ids: Vec<String> = catalog.cases.iter().map(|c| c.id.to_string()).collect();
    ids.sort();
    let ids = PossibleValuesParser::new(ids);
    let mut command = command();
    for (sub, arg) in [
        ("practice", "case"),
        ("score", "case"),
        ("show", "case"),
        ("batch", "case"),
    ] {
        command = command.mut_subcommand(sub, |s| s.mut_arg(arg, |a| a.value_parser(ids.clone())));
    }
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut command, "roleplay", &mut bytes);
    out.write_all(&bytes)
        .map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the man page (roff) of roleplay and its subcommands.
pub(super) fn run_man(out: &mut dyn Write) -> Result<ExitCode, Error> {
    let command = command();
    let mut bytes = Vec::new();
    let write = |bytes: &mut Vec<u8>| -> std::io::Result<()> {
        clap_mangen::Man::new(command.clone()).render(bytes)?;
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            // Each subcommand as a section of the one page, examples included.
            writeln!(bytes, ".SH \"ROLEPLAY {}\"", sub.get_name().to_uppercase())?;
            let man =
                clap_mangen::Man::new(sub.clone().name(format!("roleplay {}", sub.get_name())));
            man.render_synopsis_section(bytes)?;
            man.render_description_section(bytes)?;
            man.render_options_section(bytes)?;
            if let Some(after) = sub.get_after_help() {
                writeln!(bytes, ".PP")?;
                for line in after.to_string().lines() {
                    writeln!(
                        bytes,
                        "{}\n.br",
                        line.replace('\\', "\\\\").replace('-', "\\-")
                    )?;
                }
            }
        }
        Ok(())
    };
    write(&mut bytes).map_err(|e| io_error(e, "write", "the man page"))?;
    out.write_all(&bytes)
        .map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}
