//! Reading a marked folder: case files `<id>.yaml`, each beside a folder `<id>/` of
//! responses, one student per file named by its stem (the graded set's layout).

use std::path::{Path, PathBuf};

use crate::batch::{self, Skipped};
use crate::error::Error;
use crate::library::catalog::yaml_files;
use crate::load;
use crate::model::{Case, RubricSet};
use crate::suggest::closest;

/// A case of the folder and the responses to it.
#[derive(Clone, Debug)]
pub struct CaseResponses {
    /// The case file's stem, which names its folder and the marks' responses.
    pub key: String,
    /// The case.
    pub case: Case,
    /// (student, response) pairs, by student.
    pub responses: Vec<(String, String)>,
}

/// The cases picked from a folder.
#[derive(Clone, Debug, Default)]
pub struct Folder {
    /// The cases picked, by key.
    pub cases: Vec<CaseResponses>,
    /// Every case key in the folder, picked or not: marks for a case left out on
    /// purpose are not "marks for nothing".
    pub keys: Vec<String>,
    /// Response files that cannot be read.
    pub skipped: Vec<Skipped>,
}

/// Reads the cases of `dir`, only those in `only` when it is not empty, less those
/// in `exclude`. A name in either list that is not a case of the folder is an error,
/// since a typo would silently measure the wrong set.
pub fn read(
    dir: &Path,
    only: &[String],
    exclude: &[String],
    rubrics: &RubricSet,
) -> Result<Folder, Error> {
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{} is not a folder: give a folder of case files <case>.yaml, each with a folder <case>/ of responses",
            dir.display()
        )));
    }
    let files: Vec<(String, PathBuf)> = yaml_files(dir)?
        .into_iter()
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p)))
        .filter(|(stem, _)| dir.join(stem).is_dir())
        .collect();
    let keys: Vec<String> = files.iter().map(|(key, _)| key.clone()).collect();
    if keys.is_empty() {
        return Err(Error::Usage(format!(
            "{} has no cases: expected case files <case>.yaml, each with a folder <case>/ of responses <student>.txt",
            dir.display()
        )));
    }
    for name in only.iter().chain(exclude) {
        if !keys.contains(name) {
            let names: Vec<&str> = keys.iter().map(String::as_str).collect();
            let hint = match closest(name, &names) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the cases there: {}", names.join(", ")),
            };
            return Err(Error::Usage(format!(
                "no case `{name}` in {}; {hint}",
                dir.display()
            )));
        }
    }
    let mut folder = Folder {
        keys: keys.clone(),
        ..Folder::default()
    };
    for (key, path) in files {
        if (!only.is_empty() && !only.contains(&key)) || exclude.contains(&key) {
            continue;
        }
        let case = load::case_from_file(&path, crate::library::shipped::known_with(rubrics)?)?;
        let (rows, skipped) = batch::rows_from_folder(&dir.join(&key), &key)?;
        folder.skipped.extend(skipped);
        folder.cases.push(CaseResponses {
            key,
            case,
            responses: rows.into_iter().map(|r| (r.student, r.response)).collect(),
        });
    }
    Ok(folder)
}
