//! Checking case files the way a compiler checks code: every problem in every file,
//! each with its file, line and column, plus warnings a coach would want.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::engine::matcher::phrases_said;
use crate::error::{LoadError, LoadErrorKind, Position};
use crate::load;
use crate::model::{Case, CaseSource, RubricSet};

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

/// Every error in a case file. After each error the offending line (and the block
/// under it) is blanked and the file read again, so one pass finds them all; line
/// numbers stay those of the real file.
pub fn case_errors(text: &str, path: &Path, rubrics: &RubricSet) -> (Option<Case>, Vec<LoadError>) {
    let mut masked: Vec<String> = text.lines().map(str::to_string).collect();
    let mut errors: Vec<LoadError> = Vec::new();
    let mut last_line = 0;
    for _ in 0..MAX_ERRORS {
        let current = masked.join("\n");
        let source = CaseSource::File(path.to_path_buf());
        match load::case_from_str(&current, path, source, rubrics) {
            Ok(case) => return (errors.is_empty().then_some(case), errors),
            Err(error) => {
                let artifact =
                    matches!(error.kind, LoadErrorKind::MissingKey(_)) && !errors.is_empty();
                let position = error.position;
                let repeated = errors
                    .iter()
                    .any(|e| e.position == position && e.kind == error.kind);
                if artifact || repeated {
                    return (None, errors);
                }
                // Past a YAML syntax error the parser's later complaints are echoes of it.
                if matches!(error.kind, LoadErrorKind::Parse(_)) {
                    if errors.is_empty() {
                        errors.push(LoadError::at(path, text, position, error.kind));
                    }
                    return (None, errors);
                }
                let Some(Position { line, .. }) = position else {
                    // A whole-file error once lines were blanked ("the file is empty") is ours.
                    if errors.is_empty() {
                        errors.push(LoadError::at(path, text, position, error.kind));
                    }
                    return (None, errors);
                };
                // Serde reads top to bottom, so an error above the last one comes from the
                // blanking itself (a parent left empty): blank it too, but do not report it.
                if line >= last_line {
                    errors.push(LoadError::at(path, text, position, error.kind));
                    last_line = line;
                }
                if !mask_block(&mut masked, line) {
                    return (None, errors);
                }
            }
        }
    }
    // Only reached when every round found an error.
    errors.push(LoadError::file(
        path,
        LoadErrorKind::Invalid(format!(
            "stopped after {MAX_ERRORS} errors in this file; fix these and run validate again"
        )),
    ));
    (None, errors)
}

/// Blanks line `line` (1-based) and the lines indented under it. False when there was
/// nothing left to blank.
fn mask_block(lines: &mut [String], line: usize) -> bool {
    let Some(first) = line.checked_sub(1).filter(|&i| i < lines.len()) else {
        return false;
    };
    if lines[first].trim().is_empty() {
        return false;
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    let base = indent(&lines[first]);
    lines[first].clear();
    for l in lines.iter_mut().skip(first + 1) {
        if l.trim().is_empty() || indent(l) > base {
            l.clear();
        } else {
            break;
        }
    }
    true
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

/// Warnings about a case that loads.
pub fn case_warnings(case: &Case, text: &str, path: &Path) -> Vec<LoadError> {
    let mut warnings = Vec::new();
    let at = |needle: &str| find_line(text, needle);
    let warn = |position: Option<Position>, message: String| {
        LoadError::at(path, text, position, LoadErrorKind::Invalid(message))
    };
    for placeholder in PLACEHOLDERS {
        if let Some(position) = at(placeholder) {
            warnings.push(warn(
                Some(position),
                format!("placeholder text from the template is still here (\"{placeholder}\"): replace it with the case's own words"),
            ));
        }
    }
    let words = case.situation.split_whitespace().count();
    if !(SHORTEST..=LONGEST).contains(&words) {
        warnings.push(warn(
            at("situation:"),
            format!("the situation has {words} words; DECA's run about 150 to 350"),
        ));
    }
    let indicators_at = at("indicators:");
    for code in &case.indicators {
        if case.look_for(code).is_empty() {
            // Point at the code itself when it sits on the `indicators:` line or below it.
            let position = indicators_at
                .and_then(|start| find_line_from(text, code.as_str(), start.line))
                .or(indicators_at);
            warnings.push(warn(
                position,
                format!("{code} has no case-specific `look_for`: any generic answer can earn it"),
            ));
        }
    }
    if let Ok(form) = crate::library::shipped::form_for(case) {
        let listed = case.indicators.len();
        if listed != form.indicators.count as usize {
            warnings.push(warn(
                at("indicators:"),
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
                    at("event:").or(at("form:")),
                    format!("a {word} event is judged on its own form: set both `event` and `form: {id}`, or neither"),
                ));
            }
        }
    }
    let not_in_case = look_for_not_in_case(case).unwrap_or_else(|e| {
        warnings.push(warn(None, internal(&e)));
        Vec::new()
    });
    warnings.extend(
        not_in_case
            .into_iter()
            .map(|phrase| {
                let position =
                    at("look_for:").and_then(|start| find_line_from(text, &phrase, start.line));
                warn(
                    position,
                    format!("the `look_for` phrase `{phrase}` is not in the case: use the case's own facts (names, figures, the policy, the promise)"),
                )
            }),
    );
    if case.examples.is_empty() {
        warnings.push(warn(
            None,
            "no example answers: add a strong and a weak one so `roleplay test` can check the case"
                .into(),
        ));
    } else {
        // A look_for phrase that no example answer ever says may be worded unlike students speak.
        let phrases = look_for_phrases(case);
        let answers: Vec<&str> = case.examples.iter().map(|e| e.response.as_str()).collect();
        let said = match phrases_said(&phrases, &answers) {
            Ok(said) => said,
            Err(e) => {
                warnings.push(warn(None, internal(&e)));
                vec![true; phrases.len()]
            }
        };
        for (phrase, said) in phrases.iter().zip(said) {
            if !said {
                let position =
                    at("look_for:").and_then(|start| find_phrase(text, phrase, start.line));
                warnings.push(warn(
                    position,
                    format!("no example answer says the phrase `{phrase}`: check it matches how students speak"),
                ));
            }
        }
    }
    warnings
}

/// The `look_for` phrases that the case's own text (title, roles, situation, questions)
/// never says: a case-specific point should be a fact of the case, not an answer's wording.
fn look_for_not_in_case(case: &Case) -> Result<Vec<String>, aho_corasick::BuildError> {
    let phrases = look_for_phrases(case);
    let mut text = vec![
        case.title.as_str(),
        case.participant_role.as_str(),
        case.judge_role.as_str(),
        case.situation.as_str(),
    ];
    text.extend(case.judge_questions.iter().map(String::as_str));
    let found = phrases_said(&phrases, &[&text.join("\n\n")])?;
    Ok(phrases
        .into_iter()
        .zip(found)
        .filter(|(_, found)| !found)
        .map(|(phrase, _)| phrase)
        .collect())
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
fn internal(e: &aho_corasick::BuildError) -> String {
    format!("internal error (a bug in roleplay, please report it): cannot check the phrases: {e}")
}

/// The first line containing `needle`, for warnings about a loaded case.
fn find_line(text: &str, needle: &str) -> Option<Position> {
    find_line_from(text, needle, 1)
}

/// The first line at or after line `from` (1-based) containing `needle`.
fn find_line_from(text: &str, needle: &str, from: usize) -> Option<Position> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, line)| {
            line.find(needle).map(|col| Position {
                line: i + 1,
                column: line[..col].chars().count() + 1,
            })
        })
}

/// Where a `look_for` phrase is written, at or after line `from`: an item of a
/// `phrases` list (`[a, b]` or `- a`), not the same words inside a label or a tip.
fn find_phrase(text: &str, phrase: &str, from: usize) -> Option<Position> {
    let is_prose = |line: &str| {
        let t = line.trim_start().trim_start_matches("- ");
        t.starts_with("label:") || t.starts_with("tip:")
    };
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .filter(|(_, line)| !is_prose(line))
        .find_map(|(i, line)| {
            line.match_indices(phrase).find_map(|(col, _)| {
                let before = line[..col].trim_end_matches(['"', '\'']).trim_end();
                let after = line[col + phrase.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start();
                let starts = before.ends_with(['[', ',', '-', ':']);
                let ends = after.is_empty() || after.starts_with([',', ']', '#']);
                (starts && ends).then(|| Position {
                    line: i + 1,
                    column: line[..col].chars().count() + 1,
                })
            })
        })
        .or_else(|| find_line_from(text, phrase, from))
}

/// A file to check: its name for messages and its bytes.
pub struct Source {
    /// The path shown in messages.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Checks every file: errors, then warnings, then ids used twice. Sorted by file and position.
pub fn validate(sources: &[Source], rubrics: &RubricSet) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut ids: Vec<(String, PathBuf)> = Vec::new();
    for source in sources {
        let text = match std::str::from_utf8(&source.bytes) {
            Ok(text) => text,
            Err(_) => {
                let error = load::case_from_bytes(
                    &source.bytes,
                    &source.path,
                    CaseSource::File(source.path.clone()),
                    rubrics,
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
        let (case, errors) = case_errors(text, &source.path, rubrics);
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
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    problem: LoadError::at(
                        &source.path,
                        text,
                        find_line(text, "id:"),
                        LoadErrorKind::Invalid(message),
                    ),
                });
            } else {
                ids.push((case.id.clone(), source.path.clone()));
            }
            let warnings = case_warnings(&case, text, &source.path);
            diagnostics.extend(warnings.into_iter().map(|problem| Diagnostic {
                severity: Severity::Warning,
                problem,
            }));
        }
    }
    diagnostics
}

/// Checks a coach's rubric files: each file's error with its line and column, and a
/// warning when a file replaces a shipped indicator (every command will use it instead).
pub fn validate_rubrics(sources: &[Source], shipped: &RubricSet) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for source in sources {
        let Ok(text) = std::str::from_utf8(&source.bytes) else {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                problem: LoadError::file(&source.path, LoadErrorKind::NotUtf8),
            });
            continue;
        };
        let text = text.trim_start_matches('\u{feff}');
        match load::rubric_from_str(text, &source.path) {
            Err(problem) => diagnostics.push(Diagnostic {
                severity: Severity::Error,
                problem,
            }),
            Ok(rubric) => {
                if let Some(old) = shipped.get(&rubric.code) {
                    let message = format!(
                        "replaces the shipped {} ({}) for every command",
                        old.code, old.title
                    );
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        problem: LoadError::at(
                            &source.path,
                            text,
                            find_line(text, "code:"),
                            LoadErrorKind::Invalid(message),
                        ),
                    });
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
        let rubrics = shipped::rubrics().unwrap();
        let (case, errors) = case_errors(text, Path::new("t.yaml"), rubrics);
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
        assert_eq!(
            find_phrase(text, "credit", 1),
            Some(Position {
                line: 5,
                column: 27
            })
        );
        let listed =
            "look_for:\n  CR:010:\n    - label: credit\n      phrases:\n        - \"credit\"\n";
        assert_eq!(find_phrase(listed, "credit", 1).map(|p| p.line), Some(5));
    }

    #[test]
    fn a_good_file_has_no_errors() {
        let text =
            "title: T\nparticipant_role: a\njudge_role: b\nsituation: d\nindicators: [CR:010]\n";
        let (case, errors) = case_errors(text, Path::new("t.yaml"), shipped::rubrics().unwrap());
        assert!(case.is_some() && errors.is_empty());
    }
}
