//! A coach's own rubrics: indicator files in the data folder's `rubrics/` and in
//! `--rubrics DIR` folders, added to the shipped ones or replacing one with the same
//! code (an indicator from another instructional area, or a house version of CR:010).

use std::path::{Path, PathBuf};

use crate::error::{Error, LoadError, LoadErrorKind};
use crate::load;
use crate::model::Rubric;

/// The folders a run reads rubrics from: the `--rubrics` folders in order, then the data
/// folder's `rubrics/` when it exists.
pub fn folders(given: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders = given.to_vec();
    if let Some(own) =
        crate::library::paths::rubrics_folder().filter(|p| p.is_dir() && !folders.contains(p))
    {
        folders.push(own);
    }
    folders
}

/// The rubric files of the folders, sorted within each folder; a missing folder is an error.
pub fn files(folders: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for folder in folders {
        files.extend(crate::library::catalog::yaml_files(folder)?);
    }
    Ok(files)
}

/// Loads every rubric file of the folders: the rubrics that load, and the problem of
/// each file that does not (with its line and column).
pub fn load(folders: &[PathBuf]) -> Result<(Vec<Rubric>, Vec<LoadError>), Error> {
    let mut rubrics: Vec<Rubric> = Vec::new();
    let mut problems = Vec::new();
    for path in files(folders)? {
        match read(&path) {
            // The first folder given wins, as with cases.
            Ok((rubric, text)) if rubrics.iter().any(|r| r.code == rubric.code) => {
                problems.push(LoadError::at(
                    &path,
                    &text,
                    load::key_position(&text, "code"),
                    LoadErrorKind::Invalid(format!(
                        "{} is already defined by another of your rubric files; this one is ignored",
                        rubric.code
                    )),
                ));
            }
            Ok((rubric, _)) => rubrics.push(rubric),
            Err(Error::Load(e)) => problems.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok((rubrics, problems))
}

/// Loads one rubric file.
pub fn load_file(path: &Path) -> Result<Rubric, Error> {
    read(path).map(|(rubric, _)| rubric)
}

/// Loads one rubric file, and gives its text for placing later problems.
fn read(path: &Path) -> Result<(Rubric, String), Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    let text = load::utf8(&bytes, path)?;
    Ok((load::rubric_from_str(text, path)?, text.to_string()))
}

/// Whether a YAML file reads as a rubric rather than a case: it has a top-level `code:`
/// key and no `situation:` key.
pub fn looks_like_rubric(text: &str) -> bool {
    let top = |key: &str| text.lines().any(|l| l.starts_with(key));
    top("code:") && !top("situation:")
}

/// A commented template for a new indicator, valid as written.
pub fn template(code: &crate::model::Code) -> String {
    format!(
        r#"# A performance indicator of your own. Put this file in your data folder's rubrics/
# (or a folder you pass with --rubrics DIR); `roleplay validate` checks it and every
# command uses it. A file with the code of a shipped indicator replaces that one.
code: {code}
title: Explain the indicator in the words of DECA's list   # the indicator as DECA words it
level: CS                         # CS (career-sustaining), SP (specialist), or criterion
element: The performance element it belongs to            # optional
definition: >-
  What the indicator means, in one to three sentences of your own.
approach:                         # how to show it in a role-play: short tips
  - Tie the indicator to the case's own facts.
concepts:                         # what a judge listens for: 4 to 10 of them
  - id: first-concept             # lowercase letters, digits, hyphens; unique in the file
    label: What the student does, as a report says it
    weight: 3                     # 1 (nice to hear) to 3 (a judge expects it)
    phrases: [a phrase a student says, another way to say it]   # plain words, no regex
    tip: What to do when it is missing.
    examples:                     # the concept's own tests
      credit: ["A sentence that must earn it: a phrase a student says."]
      no_credit: ["A sentence that must not earn it."]
"#
    )
}
