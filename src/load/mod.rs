//! Reading case, rubric and form files: raw serde copies first, then checked model
//! types. Every problem is reported with the file and, where there is one, the line
//! and column.

#[macro_use]
pub(crate) mod raw;
mod check;
mod extras;
mod fields;
mod keys;
pub mod lint;
mod shape;
mod shipped;
mod tree;
mod values;
mod yaml_error;
mod yaml_words;

use std::path::Path;
use std::rc::Rc;

use check::Context;
pub use raw::AREAS;
use raw::{RawCase, RawConcept, RawExample, RawLookFor, RawRubric};
pub use shipped::{
    shipped_case_from_json, shipped_case_from_str, shipped_form_from_str, shipped_rubric_from_str,
};
use yaml_error::yaml_error;

use crate::error::{Error, LoadError, LoadErrorKind, Position};
use crate::model::{
    BandRange, Case, CaseId, CaseSource, Concept, ConceptExamples, Example, Form, JudgeNotes,
    LookFor, Pattern, Phrase, Rubric, RubricSet,
};
use tree::Node;

/// The form a case is judged on when it names none.
pub const DEFAULT_FORM: &str = "deca-series";

/// What a case is read against: the rubrics whose codes it may list and the forms it
/// may name. The caller gives them (the shipped ones, with a coach's rubrics), so
/// loading depends on no library.
#[derive(Clone, Copy, Debug)]
pub struct Known<'a> {
    /// Rubrics by code; an empty set means "do not check codes".
    pub rubrics: &'a RubricSet,
    /// The forms a case may name; none means "do not check".
    pub forms: &'a [Form],
}

/// Reads a case file from disk and checks it against what is `known`.
pub fn case_from_file(path: &Path, known: Known<'_>) -> Result<Case, Error> {
    let bytes = read_file(path)?;
    Ok(case_from_bytes(
        &bytes,
        path,
        CaseSource::File(path.to_path_buf()),
        known,
    )?)
}

/// Checks a case given as bytes; `path` names it in messages and gives the default id.
pub fn case_from_bytes(
    bytes: &[u8],
    path: &Path,
    source: CaseSource,
    known: Known<'_>,
) -> Result<Case, LoadError> {
    let text = utf8(bytes, path)?;
    case_from_str(text, path, source, known)
}

/// Checks a case given as text; `path` names it in messages and gives the default id.
/// One problem when there are any: the first in file order, a missing key after a
/// mistake inside its mapping.
pub fn case_from_str(
    text: &str,
    path: &Path,
    source: CaseSource,
    known: Known<'_>,
) -> Result<Case, LoadError> {
    case_problems(text, path, source, known).map_err(|p| first(p, path))
}

/// Checks a case given as text: the case, or every problem found in it, in file order.
/// The typed read gives the first problem it meets; the positioned tree is checked
/// once for the rest (every unknown or missing key, bad value, code, form and
/// follow-up), so a coach sees the mistakes together.
pub fn case_problems(
    text: &str,
    path: &Path,
    source: CaseSource,
    known: Known<'_>,
) -> Result<Case, Vec<LoadError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank_yaml(text) {
        return Err(vec![LoadError::file(path, LoadErrorKind::Empty)]);
    }
    let root = read_tree(text, path, CASE_TEXT_KEYS).map_err(|e| vec![e])?;
    let forms: Vec<String> = known.forms.iter().map(|f| f.id.clone()).collect();
    let context = Context {
        rubrics: known.rubrics,
        forms: &forms,
    };
    let raw = serde_yaml::from_str::<RawCase>(text);
    let mut problems = Vec::new();
    if let Err(e) = &raw {
        problems.push(yaml_error(path, text, e));
    }
    if let Some(root) = &root {
        let found = keys::case(root)
            .into_iter()
            .chain(values::case(root))
            .chain(check::case(root, &context));
        problems.extend(found.map(|(at, kind)| LoadError::at(path, text, Some(at), kind)));
    }
    match raw {
        Ok(raw) if problems.is_empty() => case_from_raw(raw, path, source).map_err(|e| vec![e]),
        _ => Err(in_file_order(problems)),
    }
}

/// The model of a case read without problems.
fn case_from_raw(raw: RawCase, path: &Path, source: CaseSource) -> Result<Case, LoadError> {
    let id = match raw.id {
        Some(id) => id.0,
        None => id_from_stem(path)?,
    };
    Ok(Case {
        id,
        title: raw.title.0,
        event: raw.event.map(|t| t.0),
        area: raw.area.map(|a| a.0),
        participant_role: raw.participant_role.0,
        judge_role: raw.judge_role.0,
        situation: raw.situation.0,
        indicators: raw.indicators.0,
        judge_questions: raw.judge_questions.into_iter().map(|t| t.0).collect(),
        look_for: raw
            .look_for
            .0
            .into_iter()
            .map(|(code, items)| (code, items.into_iter().map(look_for).collect()))
            .collect(),
        examples: raw.examples.into_iter().map(example).collect(),
        form: raw.form.map(|f| f.0),
        judge_notes: raw.judge_notes.map(|n| JudgeNotes {
            character: n.character.0,
            follow_ups: n.follow_ups.into_iter().map(|t| t.0).collect(),
            exceeds: n.exceeds.0.into_iter().map(|(c, t)| (c, t.0)).collect(),
        }),
        follow_ups: follow_ups(raw.follow_ups),
        source,
    })
}

/// Checks a rubric file given as text; one problem when there are any, as for a case.
pub fn rubric_from_str(text: &str, path: &Path) -> Result<Rubric, LoadError> {
    rubric_problems(text, path).map_err(|p| first(p, path))
}

/// Checks a rubric file given as text: the rubric, or every problem found, in file order.
pub fn rubric_problems(text: &str, path: &Path) -> Result<Rubric, Vec<LoadError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank_yaml(text) {
        return Err(vec![LoadError::file(path, LoadErrorKind::Empty)]);
    }
    let root = read_tree(text, path, &[]).map_err(|e| vec![e])?;
    let raw = serde_yaml::from_str::<RawRubric>(text);
    let mut found = Vec::new();
    if let Some(root) = &root {
        found.extend(keys::rubric(root));
        found.extend(values::rubric(root));
        found.extend(check::rubric(root));
    }
    let mut problems: Vec<LoadError> = found
        .into_iter()
        .map(|(at, kind)| LoadError::at(path, text, Some(at), kind))
        .collect();
    if let Err(e) = &raw {
        problems.push(yaml_error(path, text, e));
    }
    match raw {
        Ok(raw) if problems.is_empty() => Ok(rubric_from_raw(raw)),
        _ => Err(in_file_order(problems)),
    }
}

/// The model of a rubric read without problems.
fn rubric_from_raw(raw: RawRubric) -> Rubric {
    Rubric {
        code: raw.code.0,
        title: raw.title.0,
        level: raw.level,
        element: raw.element.map(|t| t.0),
        definition: raw.definition.0,
        approach: raw.approach.into_iter().map(|t| t.0).collect(),
        concepts: raw.concepts.into_iter().map(concept).collect(),
        misconceptions: raw
            .misconceptions
            .into_iter()
            .map(|m| crate::model::Misconception {
                id: m.id.0,
                label: m.label.0,
                phrases: phrases(m.phrases),
                correction: m.correction.0,
            })
            .collect(),
    }
}

/// Problems sorted by where they are (a problem of the whole file first), each once.
fn in_file_order(mut problems: Vec<LoadError>) -> Vec<LoadError> {
    problems.sort_by_key(|p| p.position.map(|p| (p.line, p.column)));
    problems.dedup();
    problems
}

/// The problem to report when only one is: the first in file order, except that a
/// missing key (placed at the start of its mapping, though noticed at its end) comes
/// after a mistake written inside that mapping, as the typed read reports them.
fn first(problems: Vec<LoadError>, path: &Path) -> LoadError {
    let missing = |p: &LoadError| matches!(p.kind, LoadErrorKind::MissingKey(_));
    let headline = problems
        .iter()
        .position(|p| !missing(p))
        .unwrap_or_default();
    let fallback = || LoadError::file(path, LoadErrorKind::Invalid("no problem was found".into()));
    problems.into_iter().nth(headline).unwrap_or_else(fallback)
}

/// Checks an evaluation form given as text.
pub fn form_from_str(text: &str, path: &Path) -> Result<Form, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank_yaml(text) {
        return Err(LoadError::file(path, LoadErrorKind::Empty));
    }
    let root = read_tree(text, path, &[])?;
    let form: Form = serde_yaml::from_str(text).map_err(|e| yaml_error(path, text, &e))?;
    form.check().map_err(|problem| {
        let at = root.as_deref().and_then(|r| r.entry(problem.key));
        let position = at.map(|(key, _)| key.position);
        LoadError::at(
            path,
            text,
            position,
            LoadErrorKind::Invalid(problem.message),
        )
    })?;
    Ok(form)
}

/// Reads an evaluation form from disk.
pub fn form_from_file(path: &Path) -> Result<Form, Error> {
    let bytes = read_file(path)?;
    let text = utf8(&bytes, path)?;
    Ok(form_from_str(text, path)?)
}

/// Refuses a hostile document before it is read (nesting past the depth limit, aliases
/// that expand past the budget, a key written twice), and gives its positioned tree.
/// No tree when the text is not YAML: the typed read reports that.
fn read_tree(text: &str, path: &Path, text_keys: &[&str]) -> Result<Option<Rc<Node>>, LoadError> {
    shape::check_flow_depth(text)
        .map_err(|e| LoadError::at(path, text, e.position, LoadErrorKind::Syntax(e.message)))?;
    shape::check_document(text, text_keys).map_err(|e| yaml_error(path, text, &e))?;
    let (root, repeated) = match tree::read(text) {
        Ok(tree) => tree,
        Err(Some(error)) => return Err(yaml_error::syntax_error(path, text, &error)),
        Err(None) => return Ok(None),
    };
    if let Some(repeated) = repeated {
        let message = format!(
            "the key `{}` is written twice in this mapping",
            repeated.key
        );
        let kind = LoadErrorKind::Syntax(message);
        return Err(LoadError::at(path, text, Some(repeated.position), kind));
    }
    Ok(Some(root))
}

/// The keys of a case file whose value (or each item of whose list) is required
/// text, so `title: ~` is refused.
const CASE_TEXT_KEYS: &[&str] = &[
    "title",
    "participant_role",
    "judge_role",
    "situation",
    "label",
    "name",
    "expect",
    "response",
    "judge_questions",
    "phrases",
    "patterns",
];

/// The largest case, rubric or form file read: a case is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// Reads a file given as a case, rubric or form: a regular file (a link to one is
/// fine) of at most [`MAX_FILE_BYTES`]. A pipe or a device is refused before it is
/// opened, since reading one may never end.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let unreadable = |source: std::io::Error| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    let refuse = |why: String| Error::Load(LoadError::file(path, LoadErrorKind::Unreadable(why)));
    if !meta.is_file() {
        return Err(refuse(
            "it is not a regular file (a folder, pipe or device); give a .yaml file".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refuse(too_large(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // The size is checked again while reading: the file may grow after `metadata`.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(too_large(bytes.len() as u64)));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "it is {:.1} MB; a case file is at most {} MB",
        len as f64 / 1_048_576.0,
        MAX_FILE_BYTES >> 20
    )
}

/// Checks that a set of rubrics can be used together.
pub fn rubric_set(rubrics: Vec<Rubric>) -> RubricSet {
    RubricSet::new(rubrics)
}

/// The bytes as text without a byte-order mark; not UTF-8 is an error placed after the
/// last good character.
pub(crate) fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let text = std::str::from_utf8(good).unwrap_or_default();
        let (line, column) = crate::text::line_column(text, text.len());
        LoadError::at(
            path,
            text,
            Some(Position { line, column }),
            LoadErrorKind::NotUtf8,
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Where a top-level key of a YAML file is written, when the file is YAML and has it.
pub(crate) fn key_position(text: &str, key: &str) -> Option<Position> {
    let (root, _) = tree::parse(text)?;
    root.entry(key).map(|(k, _)| k.position)
}

fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// The case id a file's name gives when the case has no `id:`.
fn id_from_stem(path: &Path) -> Result<CaseId, LoadError> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    CaseId::parse(stem).ok_or_else(|| {
        LoadError::file(
            path,
            LoadErrorKind::Invalid(format!(
                "the file name `{stem}` cannot be a case id; add `id:` with lowercase letters, digits and hyphens, or rename the file"
            )),
        )
    })
}

/// A case's own follow-ups as the model holds them. Whether each names one of the
/// case's indicators and a concept of its rubric is checked in `check.rs`, where the
/// positions are.
fn follow_ups(raw: Vec<raw::RawFollowUp>) -> Vec<crate::model::CaseFollowUp> {
    raw.into_iter()
        .map(|f| crate::model::CaseFollowUp {
            indicator: f.indicator.0,
            concept: f.concept.0,
            question: f.question.0,
        })
        .collect()
}

/// Phrases as read.
fn phrases(raw: Vec<raw::PhraseText>) -> Vec<Phrase> {
    raw.into_iter().map(|p| Phrase(p.0)).collect()
}

/// Patterns, compiled (each was checked while reading).
fn patterns(raw: Vec<raw::PatternText>) -> Vec<Pattern> {
    raw.into_iter().filter_map(|p| pattern(&p.0)).collect()
}

fn look_for(raw: RawLookFor) -> LookFor {
    LookFor {
        label: raw.label,
        phrases: phrases(raw.phrases),
        patterns: patterns(raw.patterns),
        tip: raw.tip,
        weight: raw.weight.map_or(2, |w| w.0),
    }
}

fn example(raw: RawExample) -> Example {
    Example {
        name: raw.name.0,
        // Checked while reading; the fallback is never taken.
        expect: raw.expect.0.parse().unwrap_or(BandRange {
            low: crate::model::Band::Little,
            high: crate::model::Band::Exceeds,
        }),
        response: raw.response.0,
        bands: raw
            .bands
            .0
            .into_iter()
            .filter_map(|(code, range)| range.0.parse().ok().map(|r| (code, r)))
            .collect(),
    }
}

fn concept(raw: RawConcept) -> Concept {
    Concept {
        id: raw.id.0,
        label: raw.label.0,
        weight: raw.weight.0,
        phrases: phrases(raw.phrases),
        patterns: patterns(raw.patterns),
        tip: raw.tip.0,
        probes: raw.probes.into_iter().map(|t| t.0).collect(),
        examples: ConceptExamples {
            credit: raw.examples.credit.into_iter().map(|t| t.0).collect(),
            no_credit: raw.examples.no_credit.into_iter().map(|t| t.0).collect(),
        },
    }
}

/// Compiles a pattern already checked while reading.
fn pattern(source: &str) -> Option<Pattern> {
    Pattern::compile(source).ok()
}

/// The JSON Schema of a case file (a schemars schema is already JSON: no fallback), with the known indicator codes and areas listed so
/// an editor can complete them.
pub fn case_schema(rubrics: &RubricSet) -> serde_json::Value {
    let mut schema = schemars::schema_for!(RawCase).to_value();
    let codes: Vec<&str> = rubrics.codes().map(crate::model::Code::as_str).collect();
    if let Some(properties) = schema.get_mut("properties") {
        properties["indicators"]["items"] = serde_json::json!({ "type": "string", "enum": codes });
        properties["look_for"]["propertyNames"] = serde_json::json!({ "enum": codes });
        properties["area"]["enum"] = serde_json::json!(
            raw::AREAS
                .iter()
                .map(|a| Some(*a))
                .chain([None])
                .collect::<Vec<_>>()
        );
        properties["id"]["pattern"] = serde_json::json!(CaseId::PATTERN);
    }
    schema["$schema"] = serde_json::json!("https://json-schema.org/draft/2020-12/schema");
    schema
}

/// The JSON Schema of a rubric file.
pub fn rubric_schema() -> serde_json::Value {
    schemars::schema_for!(raw::RawRubric).to_value()
}
