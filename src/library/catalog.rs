//! The cases a run can use: the shipped library plus a coach's own folders.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Error, LoadError, LoadErrorKind};
use crate::library::shipped;
use crate::load;
use crate::model::{Case, CaseId, CaseSource, RubricSet};
use crate::suggest::closest;

/// Two cases that share an id; the first one found is used.
#[derive(Debug, Clone)]
pub struct Duplicate {
    /// The shared id.
    pub id: CaseId,
    /// The case that is used.
    pub kept: CaseSource,
    /// The case that is ignored.
    pub ignored: CaseSource,
}

/// Every case found, and the files that could not be loaded.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Loaded cases: coach folders first, in the order given, then the shipped library
    /// (borrowed: the shipped cases are read once per run and never copied).
    pub cases: Vec<Cow<'static, Case>>,
    /// Files that could not be loaded.
    pub problems: Vec<LoadError>,
    /// Ids used by more than one case.
    pub duplicates: Vec<Duplicate>,
    /// The folders searched, in order, for a "no case" message.
    pub folders: Vec<PathBuf>,
}

impl Catalog {
    /// Loads the coach's folders (in order) and the shipped library.
    pub fn load(folders: &[PathBuf], rubrics: &RubricSet) -> Result<Catalog, Error> {
        let mut catalog = Catalog::load_folders(folders, rubrics)?;
        catalog.add_shipped();
        Ok(catalog)
    }

    /// The catalog a command about the one case `name` needs: the coach's folders and,
    /// when `name` is the id of a shipped case, that case alone; every shipped case
    /// otherwise (a file path needs none, an unknown id gets "did you mean").
    pub fn load_for(
        folders: &[PathBuf],
        rubrics: &RubricSet,
        name: &str,
    ) -> Result<Catalog, Error> {
        let mut catalog = Catalog::load_folders(folders, rubrics)?;
        if names_file(name) {
            return Ok(catalog);
        }
        match shipped::case(name) {
            Some(Ok(case)) => catalog.add(Cow::Owned(case)),
            Some(Err(e)) => catalog.problems.push(e),
            None => catalog.add_shipped(),
        }
        Ok(catalog)
    }

    /// The cases of the coach's folders alone.
    fn load_folders(folders: &[PathBuf], rubrics: &RubricSet) -> Result<Catalog, Error> {
        let known = shipped::known_with(rubrics)?;
        let mut catalog = Catalog {
            folders: folders.to_vec(),
            ..Catalog::default()
        };
        for folder in folders {
            for path in yaml_files(folder)? {
                match load::case_from_file(&path, known) {
                    Ok(case) => catalog.add(Cow::Owned(case)),
                    Err(Error::Load(e)) => catalog.problems.push(e),
                    // One unreadable file is skipped like a bad one, not the end of the run.
                    Err(Error::Io { path, source, .. }) => catalog.problems.push(LoadError::file(
                        path,
                        LoadErrorKind::Unreadable(source.to_string()),
                    )),
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(catalog)
    }

    /// Adds every shipped case after the coach's (theirs win a shared id).
    fn add_shipped(&mut self) {
        for loaded in shipped::cases() {
            match loaded {
                Ok(case) => self.add(Cow::Borrowed(case)),
                Err(e) => self.problems.push(e.clone()),
            }
        }
    }

    fn add(&mut self, case: Cow<'static, Case>) {
        if let Some(kept) = self.cases.iter().find(|c| c.id == case.id) {
            self.duplicates.push(Duplicate {
                id: case.id.clone(),
                kept: kept.source.clone(),
                ignored: case.source.clone(),
            });
        } else {
            self.cases.push(case);
        }
    }

    /// The case with this id.
    pub fn get(&self, id: &str) -> Option<&Case> {
        self.cases.iter().map(AsRef::as_ref).find(|c| c.id == id)
    }

    /// Where cases were looked for, and a file by that name nearby, for a "no case" message.
    fn where_looked(&self, name: &str) -> String {
        let mut places: Vec<String> = self
            .folders
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        match crate::library::paths::cases_folder() {
            Some(own) if !self.folders.contains(&own) => {
                places.push(format!("{} (no such folder yet)", own.display()));
            }
            _ => {}
        }
        places.push("the cases built into roleplay".into());
        let mut text = format!(
            ".\nCases are looked for in: {}. Add folders with --cases DIR or ROLEPLAY_CASES",
            places.join("; ")
        );
        for file in [format!("{name}.yaml"), format!("{name}.yml")] {
            if Path::new(&file).is_file() {
                text.push_str(&format!(
                    ".\nThere is a file {file} in this folder: give its path (--case ./{file}) or move it into a cases folder"
                ));
            }
        }
        text
    }

    /// A case named by a path to a file, or by id.
    pub fn resolve(&self, name: &str, rubrics: &RubricSet) -> Result<Case, Error> {
        if names_file(name) {
            return load::case_from_file(Path::new(name), shipped::known_with(rubrics)?);
        }
        if let Some(case) = self.get(name) {
            return Ok(case.clone());
        }
        let ids: Vec<&str> = self.cases.iter().map(|c| c.id.as_str()).collect();
        let mut hint = match closest(name, &ids) {
            Some(best) => format!(" (did you mean `{best}`?)"),
            None => "; `roleplay list` shows the cases".to_string(),
        };
        hint.push_str(&self.where_looked(name));
        Err(Error::UnknownCase {
            id: name.to_string(),
            hint,
        })
    }
}

/// The `.yaml` and `.yml` files of a folder, sorted; a missing folder is an error.
pub fn yaml_files(folder: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(folder).map_err(|source| Error::Io {
        action: "read",
        path: folder.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Describes where a case came from, for messages.
pub fn describe(source: &CaseSource) -> String {
    match source {
        CaseSource::Shipped(stem) => format!("shipped case cases/{stem}.yaml"),
        CaseSource::File(path) => path.display().to_string(),
    }
}

/// Whether `name` is read as a case file rather than looked up as an id: anything at
/// that path but a folder (refused later if it is a pipe or a device), or a YAML name.
pub fn names_file(name: &str) -> bool {
    let path = Path::new(name);
    let named_file = path.symlink_metadata().is_ok() && !path.is_dir();
    named_file || name.ends_with(".yaml") || name.ends_with(".yml")
}
