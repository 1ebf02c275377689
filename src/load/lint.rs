//! Checking case files the way a compiler checks code: every problem in every file,
//! each with its file, line and column, plus warnings a coach would want.

use std::fmt;
use std::path::{Path, PathBuf};

use super::tree::{self, Node};
use crate::engine::matcher::phrases_said;
use crate::error::{LoadError, LoadErrorKind, Position};
use crate::load;
use crate::model::{Case, CaseId, CaseSource, Form, RubricSet};
use load::Known;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file works, but a coach would want to know.
    Warning,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where and what.
    pub problem: LoadError,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        self.problem.write_labelled(f, Some(label))
    }
}

/// DECA situations run about 150 to 350 words; warn well outside that.
const SHORTEST: usize = 120;
const LONGEST: usize = 420;

/// The most errors reported for one file; past it, a note says checking stopped.
const MAX_ERRORS: usize = 50;

/// Every error in a case file, found in one read (see [`load::case_problems`]), at
/// most [`MAX_ERRORS`] of them.
pub fn case_errors(text: &str, path: &Path, known: Known<'_>) -> (Option<Case>, Vec<LoadError>) {
    let source = CaseSource::File(path.to_path_buf());
    match load::case_problems(text, path, source, known) {
        Ok(case) => (Some(case), Vec::new()),
        Err(mut errors) => {
            if errors.len() > MAX_ERRORS {
                errors.truncate(MAX_ERRORS);
                errors.push(LoadError::file(
                    path,
                    LoadErrorKind::Invalid(format!(
                        "stopped after {MAX_ERRORS} errors in this file; fix these and run validate again"
                    )),
                ));
            }
            (None, errors)
        }
    }
}

/// The template's placeholder text, as `roleplay new` writes it: a case that still
/// holds any of it is unfinished, even though it loads.
pub const PLACEHOLDERS: &[&str] = &[
    "Describe the business here",
    "Describe what happened, and what the judge wants from you",
    "Write the judge's first question here",
    "Write the judge's second question here",
    "Names the case's key specific",
    "replace this phrase",
    "Say how the student should use it",
    "Write a strong answer here",
    "Write a weak, generic answer here",
];

/// Warnings about a case that loads; `forms` are those it may name.
pub fn case_warnings(case: &Case, text: &str, path: &Path, forms: &[Form]) -> Vec<LoadError> {
    let mut warnings = Vec::new();
    let root = tree::parse(text).map(|(root, _)| root);
    let root = root.as_deref();
    // Where a top-level key is written.
    let at = |key: &str| key_position(root, key);
    let warn = |position: Option<Position>, message: String| {
        LoadError::at(path, text, position, LoadErrorKind::Invalid(message))
    };
    for placeholder in PLACEHOLDERS {
        if let Some(position) = find_line(text, placeholder) {
            warnings.push(warn(
                Some(position),
                format!("placeholder text from the template is still here (\"{placeholder}\"): replace it with the case's own words"),
            ));
        }
    }
    let words = case.situation.split_whitespace().count();
    if !(SHORTEST..=LONGEST).contains(&words) {
        warnings.push(warn(
            at("situation"),
            format!("the situation has {words} words; DECA's run about 150 to 350"),
        ));
    }
    let indicators = root.and_then(|r| r.get("indicators"));
    for code in &case.indicators {
        if case.look_for(code).is_empty() {
            // Point at the code itself when it sits on the `indicators:` line or below it.
            let listed = indicators.and_then(|list| {
                let item = list
                    .items()
                    .iter()
                    .find(|i| i.text() == Some(code.as_str()));
                item.map(|i| i.position)
            });
            let position = listed.or(at("indicators"));
            warnings.push(warn(
                position,
                format!("{code} has no case-specific `look_for`: any generic answer can earn it"),
            ));
        }
    }
    let form_id = case.form.as_deref().unwrap_or(load::DEFAULT_FORM);
    if let Some(form) = forms.iter().find(|f| f.id == form_id) {
        let listed = case.indicators.len();
        if listed != form.indicators.count as usize {
            warnings.push(warn(
                at("indicators"),
                format!(
                    "the case lists {listed} indicator(s); its form, {}, is built for {}",
                    form.id, form.indicators.count
                ),
            ));
        }
        let event = case.event.as_deref().unwrap_or_default();
        for (word, id) in [("Team", "deca-team"), ("Principles", "deca-principles")] {
            if event.contains(word) != (form.id == id) {
                warnings.push(warn(
                    at("event").or(at("form")),
                    format!("a {word} event is judged on its own form: set both `event` and `form: {id}`, or neither"),
                ));
            }
        }
    }
    warnings.extend(
        look_for_not_in_case(case)
            .into_iter()
            .map(|phrase| {
                let position = phrase_position(root, &phrase);
                warn(
                    position,
                    format!("the `look_for` phrase `{phrase}` is not in the case: use the case's own facts (names, figures, the policy, the promise)"),
                )
            }),
    );
    warnings.extend(example_warnings(case, root, &warn));
    warnings
}

/// What the example answers tell about the case: none at all, or `look_for` phrases
/// that no example answer says (perhaps worded unlike students speak).
fn example_warnings(
    case: &Case,
    root: Option<&Node>,
    warn: &dyn Fn(Option<Position>, String) -> LoadError,
) -> Vec<LoadError> {
    let mut out = Vec::new();
    if case.examples.is_empty() {
        out.push(warn(
            None,
            "no example answers: add a strong and a weak one so `roleplay test` can check the case"
                .into(),
        ));
    } else {
        // A look_for phrase that no example answer ever says may be worded unlike students speak.
        let phrases = look_for_phrases(case);
        let answers: Vec<&str> = case.examples.iter().map(|e| e.response.as_str()).collect();
        let said = phrases_said(&phrases, &answers);
        for (phrase, said) in phrases.iter().zip(said) {
            if !said {
                let position = phrase_position(root, phrase);
                out.push(warn(
                    position,
                    format!("no example answer says the phrase `{phrase}`: check it matches how students speak"),
                ));
            }
        }
    }
    out
}

/// The `look_for` phrases that the case's own text (title, roles, situation, questions)
/// never says: a case-specific point should be a fact of the case, not an answer's wording.
fn look_for_not_in_case(case: &Case) -> Vec<String> {
    let phrases = look_for_phrases(case);
    let mut text = vec![
        case.title.as_str(),
        case.participant_role.as_str(),
        case.judge_role.as_str(),
        case.situation.as_str(),
    ];
    text.extend(case.judge_questions.iter().map(String::as_str));
    let found = phrases_said(&phrases, &[&text.join("\n\n")]);
    phrases
        .into_iter()
        .zip(found)
        .filter(|(_, found)| !found)
        .map(|(phrase, _)| phrase)
        .collect()
}

/// Every `look_for` phrase of the case, in order.
fn look_for_phrases(case: &Case) -> Vec<String> {
    case.look_for
        .iter()
        .flat_map(|(_, items)| items.iter().flat_map(|i| i.phrases.iter()))
        .map(|p| p.0.clone())
        .collect()
}

/// The words for a failure that is roleplay's fault, not the file's.
/// The first line containing `needle`: where a template's placeholder text is left,
/// which may be any words inside any value (a search for text, not for a value).
fn find_line(text: &str, needle: &str) -> Option<Position> {
    text.lines().enumerate().find_map(|(i, line)| {
        line.find(needle).map(|col| Position {
            line: i + 1,
            column: line[..col].chars().count() + 1,
        })
    })
}

/// Where a top-level key of the file is written.
fn key_position(root: Option<&Node>, key: &str) -> Option<Position> {
    root?.entry(key).map(|(k, _)| k.position)
}

/// Where a `look_for` phrase is written: the first item of a `phrases` list (not the
/// same words inside a label or a tip) that holds it.
fn phrase_position(root: Option<&Node>, phrase: &str) -> Option<Position> {
    let look_for = root?.get("look_for")?;
    look_for
        .entries()
        .iter()
        .flat_map(|(_, items)| items.items())
        .filter_map(|item| item.get("phrases"))
        .flat_map(Node::items)
        .find(|p| p.text() == Some(phrase))
        .map(|p| p.position)
}

/// A file to check: its name for messages and its bytes.
pub struct Source {
    /// The path shown in messages.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Checks every file: errors, then warnings, then ids used twice. Sorted by file and position.
pub fn validate(sources: &[Source], known: Known<'_>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut ids: Vec<(CaseId, PathBuf)> = Vec::new();
    for source in sources {
        let text = match std::str::from_utf8(&source.bytes) {
            Ok(text) => text,
            Err(_) => {
                let error = load::case_from_bytes(
                    &source.bytes,
                    &source.path,
                    CaseSource::File(source.path.clone()),
                    known,
                )
                .err()
                .unwrap_or_else(|| LoadError::file(&source.path, LoadErrorKind::NotUtf8));
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    problem: error,
                });
                continue;
            }
        };
        let (case, errors) = case_errors(text, &source.path, known);
        diagnostics.extend(errors.into_iter().map(|problem| Diagnostic {
            severity: Severity::Error,
            problem,
        }));
        if let Some(case) = case {
            if let Some((_, first)) = ids.iter().find(|(id, _)| *id == case.id) {
                let message = format!(
                    "the id `{}` is also used by {}; only one of them can be found by id",
                    case.id,
                    first.display()
                );
                diagnostics.push(warning_at(&source.path, text, "id", message));
            } else {
                ids.push((case.id.clone(), source.path.clone()));
            }
            let warnings = case_warnings(&case, text, &source.path, known.forms);
            diagnostics.extend(warnings.into_iter().map(|problem| Diagnostic {
                severity: Severity::Warning,
                problem,
            }));
        }
    }
    diagnostics
}

/// A warning placed at a top-level key of a file.
fn warning_at(path: &Path, text: &str, key: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        problem: LoadError::at(
            path,
            text,
            load::key_position(text, key),
            LoadErrorKind::Invalid(message),
        ),
    }
}

/// Checks a coach's rubric files: each file's error with its line and column, and a
/// warning when a file replaces a shipped indicator (every command will use it instead).
pub fn validate_rubrics(sources: &[Source], shipped: &RubricSet) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for source in sources {
        let text = match load::utf8(&source.bytes, &source.path) {
            Ok(text) => text,
            Err(problem) => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    problem,
                });
                continue;
            }
        };
        match load::rubric_problems(text, &source.path) {
            Err(problems) => diagnostics.extend(problems.into_iter().map(|problem| Diagnostic {
                severity: Severity::Error,
                problem,
            })),
            Ok(rubric) => {
                if let Some(old) = shipped.get(&rubric.code) {
                    let message = format!(
                        "replaces the shipped {} ({}) for every command",
                        old.code, old.title
                    );
                    diagnostics.push(warning_at(&source.path, text, "code", message));
                }
            }
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::shipped;

    #[test]
    fn every_error_in_a_file_is_found_in_one_pass() {
        let text = "title: T\nparticipant_role: a\njudge_role: b\nsituaton: c\nsituation: d\nindicators:\n  - CR:010\n  - CR:099\nlook_for:\n  CR:007:\n    - label: x\n      phrases: [y]\n";
        let (case, errors) = case_errors(text, Path::new("t.yaml"), shipped::known().unwrap());
        assert!(case.is_none());
        let lines: Vec<usize> = errors
            .iter()
            .filter_map(|e| e.position.map(|p| p.line))
            .collect();
        assert_eq!(lines, [4, 8, 10], "{errors:#?}");
    }

    #[test]
    fn a_phrase_is_found_in_its_list_not_in_a_label() {
        let text = "look_for:\n  CR:010:\n    - label: Offers store credit\n      tip: Say credit.\n      phrases: [a refund, credit]\n";
        let root = tree::parse(text).map(|t| t.0);
        assert_eq!(
            phrase_position(root.as_deref(), "credit"),
            Some(Position {
                line: 5,
                column: 27
            })
        );
        let listed =
            "look_for:\n  CR:010:\n    - label: credit\n      phrases:\n        - \"credit\"\n";
        let root = tree::parse(listed).map(|t| t.0);
        assert_eq!(
            phrase_position(root.as_deref(), "credit"),
            Some(Position {
                line: 5,
                column: 11
            })
        );
    }

    #[test]
    fn a_good_file_has_no_errors() {
        let text =
            "title: T\nparticipant_role: a\njudge_role: b\nsituation: d\nindicators: [CR:010]\n";
        let (case, errors) = case_errors(text, Path::new("t.yaml"), shipped::known().unwrap());
        assert!(case.is_some() && errors.is_empty());
    }
}
