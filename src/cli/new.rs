//! `roleplay new`: write a valid, commented case file for a coach to fill in.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, MultiSelect, Select};

use super::io_error;
use crate::error::Error;
use crate::library::shipped;
use crate::load::AREAS;
use crate::model::{Code, RubricSet};

/// Arguments of `roleplay new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Missing details are asked for on a terminal; without one, give them all as flags."
)]
pub struct NewArgs {
    /// The case's id: lowercase letters, digits and hyphens (also the file name)
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// The title
    #[arg(long)]
    pub title: Option<String>,
    /// Who the student plays, such as "the store manager of Tidewater Books"
    #[arg(long, value_name = "ROLE")]
    pub participant: Option<String>,
    /// Who the judge plays, such as "Ana Ruiz, a customer whose book arrived damaged"
    #[arg(long, value_name = "ROLE")]
    pub judge: Option<String>,
    /// The event area
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(AREAS))]
    pub area: Option<String>,
    /// The DECA event, such as "Retail Merchandising Series"
    #[arg(long)]
    pub event: Option<String>,
    /// Indicators it tests (repeat, or separate with commas): CR:010,CR:007
    #[arg(
        long = "indicator",
        short = 'i',
        value_name = "CODE",
        value_delimiter = ','
    )]
    pub indicators: Vec<String>,
    /// Write a commented template for an indicator of your own instead of a case
    /// (for example MKT:001, or CR:010 to replace a shipped one)
    #[arg(long, value_name = "CODE", conflicts_with_all = ["id", "title", "participant", "judge", "area", "event", "indicators"])]
    pub rubric: Option<String>,
    /// The folder to write it in (default: the data folder's cases/, where every command finds it by id)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Replace a file that already exists
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(args: NewArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    if let Some(code) = &args.rubric {
        return new_rubric(code, &args, out);
    }
    let rubrics = shipped::rubrics()?;
    let asker = Asker {
        terminal: std::io::stdin().is_terminal(),
        theme: ColorfulTheme::default(),
    };
    let id = asker.ask("Case id (lowercase, hyphens)", args.id.clone(), "the ID")?;
    let Some(id) = crate::model::CaseId::parse(&id) else {
        return Err(Error::Usage(format!(
            "`{id}` is not a valid id: use lowercase letters, digits and hyphens"
        )));
    };
    let title = asker.ask("Title", args.title.clone(), "--title")?;
    let participant = asker.ask(
        "The student plays",
        args.participant.clone(),
        "--participant",
    )?;
    let judge = asker.ask("The judge plays", args.judge.clone(), "--judge")?;
    let area = asker.area(args.area.clone())?;
    let codes = asker.indicators(&args.indicators, rubrics, out)?;
    let (dir, own_folder) = match &args.dir {
        Some(dir) => (dir.clone(), false),
        None => (
            crate::library::paths::cases_folder().ok_or_else(|| {
                Error::Usage(format!(
                    "no data folder could be found; set {} to a folder, or give --dir",
                    crate::library::paths::HOME_VAR
                ))
            })?,
            true,
        ),
    };
    let path = dir.join(format!("{id}.yaml"));
    if path.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} already exists; use --force to replace it",
            path.display()
        )));
    }
    let text = template(
        &id,
        &title,
        &participant,
        &judge,
        &area,
        args.event.as_deref(),
        &codes,
    );
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.clone(),
        source,
    })?;
    crate::history::store::write_atomic(&path, text.as_bytes()).map_err(|source| Error::Io {
        action: "write",
        path: path.clone(),
        source,
    })?;
    let found = if own_folder {
        format!(
            "your cases folder: `roleplay score --case {id}` and `roleplay practice {id}` find it by id"
        )
    } else {
        format!(
            "give its path to --case, or add the folder with --cases {} (or ROLEPLAY_CASES) to find it by id",
            dir.display()
        )
    };
    writeln!(
        out,
        "Wrote {} ({found}).\nFill in the situation, the questions and the examples, then run `roleplay validate {}` and `roleplay test {}`.",
        path.display(),
        path.display(),
        path.display()
    )
    .map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal for what the flags did not give, or says which flag to give
/// when there is no terminal.
struct Asker {
    terminal: bool,
    theme: ColorfulTheme,
}

impl Asker {
    fn ask(&self, prompt: &str, given: Option<String>, flag: &str) -> Result<String, Error> {
        match given {
            Some(value) => Ok(value),
            None if self.terminal => Input::with_theme(&self.theme)
                .with_prompt(prompt)
                .interact_text()
                .map_err(|e| Error::Usage(e.to_string())),
            None => Err(Error::Usage(format!("give {flag} (no terminal to ask on)"))),
        }
    }

    fn area(&self, given: Option<String>) -> Result<String, Error> {
        match given {
            Some(area) => Ok(area),
            None if self.terminal => {
                let picked = Select::with_theme(&self.theme)
                    .with_prompt("Event area")
                    .items(AREAS)
                    .default(0)
                    .interact()
                    .map_err(|e| Error::Usage(e.to_string()))?;
                Ok(AREAS[picked].to_string())
            }
            None => Err(Error::Usage("give --area (no terminal to ask on)".into())),
        }
    }

    /// The indicators given with -i, or picked from the list: 1 to 7 of them.
    fn indicators(
        &self,
        given: &[String],
        rubrics: &RubricSet,
        out: &mut dyn Write,
    ) -> Result<Vec<Code>, Error> {
        let mut codes: Vec<Code> = Vec::new();
        for text in given {
            let code = Code::parse_lenient(text)
                .filter(|c| rubrics.contains(c))
                .ok_or_else(|| Error::UnknownIndicator {
                    code: text.clone(),
                    hint: "; `roleplay rubric` lists them".into(),
                })?;
            codes.push(code);
        }
        if codes.is_empty() {
            codes = self.pick_indicators(rubrics, out)?;
        }
        if codes.is_empty() || codes.len() > 7 {
            return Err(Error::Usage("a case tests 1 to 7 indicators".into()));
        }
        Ok(codes)
    }

    fn pick_indicators(
        &self,
        rubrics: &RubricSet,
        out: &mut dyn Write,
    ) -> Result<Vec<Code>, Error> {
        if !self.terminal {
            return Err(Error::Usage(
                "give the indicators with -i CR:010,CR:007 (no terminal to ask on)".into(),
            ));
        }
        let all: Vec<_> = rubrics.iter().collect();
        let labels: Vec<String> = all
            .iter()
            .map(|r| format!("{} {}", r.code, r.title))
            .collect();
        // Ask again rather than lose what was typed above.
        loop {
            let picked = MultiSelect::with_theme(&self.theme)
                .with_prompt("Indicators (Space picks one, Enter when done; DECA uses 4 or 5)")
                .items(&labels)
                .interact()
                .map_err(|e| Error::Usage(e.to_string()))?;
            if (1..=7).contains(&picked.len()) {
                return Ok(picked.into_iter().map(|i| all[i].code.clone()).collect());
            }
            writeln!(
                out,
                "Pick 1 to 7 indicators with Space (you picked {}), then press Enter.",
                picked.len()
            )
            .map_err(|e| io_error(e, "write", "standard output"))?;
        }
    }
}

/// Writes the commented template of a new indicator, `<dir>/<CODE>.yaml`.
fn new_rubric(code: &str, args: &NewArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let code = Code::parse(code).ok_or_else(|| {
        Error::Usage(format!(
            "`{code}` is not an indicator code: write an area of 2 to 5 letters, a colon and a number, like MKT:001"
        ))
    })?;
    // In the current folder unless --dir says otherwise: a coach reviews the template
    // before putting it in force with --rubrics or the data folder's rubrics/.
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let path = dir.join(format!("{}.yaml", code.file_stem()));
    if path.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} already exists; use --force to replace it",
            path.display()
        )));
    }
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.clone(),
        source,
    })?;
    let text = crate::library::coach_rubrics::template(&code);
    crate::history::store::write_atomic(&path, text.as_bytes()).map_err(|source| Error::Io {
        action: "write",
        path: path.clone(),
        source,
    })?;
    let replaces = shipped::shipped_rubrics()?
        .get(&code)
        .map(|r| format!(" It will replace the shipped {} ({}).", r.code, r.title))
        .unwrap_or_default();
    writeln!(
        out,
        "Wrote {}.{replaces} Fill it in, put it in your data folder's rubrics/ or pass its folder with --rubrics, and check it with `roleplay validate {}`.",
        path.display(),
        path.display()
    )
    .map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

/// YAML for a double-quoted scalar.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn template(
    id: &str,
    title: &str,
    participant: &str,
    judge: &str,
    area: &str,
    event: Option<&str>,
    codes: &[Code],
) -> String {
    let list: Vec<&str> = codes.iter().map(Code::as_str).collect();
    let first = &codes[0];
    let event = event.map_or_else(
        || "# event: Retail Merchandising Series   # the DECA event, optional".to_string(),
        |e| format!("event: {}", quoted(e)),
    );
    format!(
        r#"# A roleplay case. Check it with `roleplay validate {id}.yaml`; run its examples with
# `roleplay test {id}.yaml`. For completion in your editor, save the schema with
# `roleplay schema case > case.schema.json` and keep the next line:
# yaml-language-server: $schema=case.schema.json
id: {id}
title: {title}
{event}
area: {area}
participant_role: {participant}
judge_role: {judge}
# 150 to 350 words, in DECA's second person: the business with concrete details (names,
# numbers, the policy in exact terms, the brand promise in quotes, what you may offer),
# what happened, what the judge wants; then where it happens, that the judge begins by
# greeting you and ends by thanking you.
situation: |
  You are to assume the role of {participant_plain}. Describe the business here.

  Describe what happened, and what the judge wants from you.

  You will present your ideas to the judge in a role-play. The judge will begin the
  role-play by greeting you, and will conclude it by thanking you for your work.
indicators: [{codes}]
# Asked after the presentation, the same for every student.
judge_questions:
  - "Write the judge's first question here."
  - "Write the judge's second question here."
# The case's own specifics that should earn each indicator: plain phrases, matched
# without regard to case, punctuation or word endings.
look_for:
  {first}:
    - label: Names the case's key specific
      phrases: [replace this phrase, and this one]
      tip: Say how the student should use it.
# The case's own tests: `roleplay test` checks each lands in its band.
examples:
  - name: strong
    expect: meets..exceeds
    response: |
      Write a strong answer here: every indicator, tied to the case's details.
  - name: weak
    expect: little..below
    response: |
      Write a weak, generic answer here.
"#,
        title = quoted(title),
        participant = quoted(participant),
        judge = quoted(judge),
        participant_plain = participant.replace('\n', " "),
        codes = list.join(", "),
    )
}
