//! The rubrics, evaluation form and cases compiled into the binary, parsed once.

use std::borrow::Cow;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use rayon::prelude::*;

use crate::error::{Error, LoadError};
use crate::load::{self, Known};
use crate::model::{Case, CaseSource, Form, PhraseWords, Rubric, RubricSet};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use crate::load::DEFAULT_FORM;

// Reading the YAML is most of a command's start-up: the files are read in parallel.
static RUBRICS: LazyLock<Result<RubricSet, Vec<LoadError>>> = LazyLock::new(|| {
    let loaded: Vec<_> = embedded::RUBRICS
        .par_iter()
        .map(|(name, text, json)| {
            load::shipped_rubric_from_str(text, json, &Path::new("rubrics").join(name))
        })
        .collect();
    let mut rubrics = Vec::new();
    let mut errors = Vec::new();
    for result in loaded {
        match result {
            Ok(rubric) => rubrics.push(rubric),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let set = match compiled_phrase_words() {
        Some(words) => RubricSet::with_phrase_words(rubrics, words),
        None => RubricSet::new(rubrics),
    };
    Ok(set.with_compiled_keys(embedded::PHRASE_KEYS))
});

/// The shipped rubrics' phrase words as the build compiled them.
fn compiled_phrase_words() -> Option<PhraseWords> {
    let (single, all) = embedded::PHRASE_WORDS?;
    Some(PhraseWords {
        single: single.lines().map(str::to_string).collect(),
        all: std::sync::Arc::new(all.lines().map(str::to_string).collect()),
    })
}

/// The rubrics to score `case` against. When no coach's rubrics were added, only the
/// case's own shipped rubrics, read alone (scoring one case need not read all of
/// them), standing for the whole shipped set with its phrase words, keys and titles,
/// so that the case compiles exactly as against [`rubrics`]; that set itself
/// otherwise, or when one of the case's codes has no clean shipped rubric.
pub fn rubrics_for(case: &Case) -> Result<Cow<'static, RubricSet>, Error> {
    let whole = || rubrics().map(Cow::Borrowed);
    let (None, Some(words), Some(titles)) = (
        ACTIVE.get(),
        compiled_phrase_words(),
        embedded::RUBRIC_TITLES,
    ) else {
        return whole();
    };
    let mut own = Vec::new();
    for code in &case.indicators {
        let file = format!("{}.yaml", code.file_stem());
        let Some((name, text, json)) = embedded::RUBRICS.iter().find(|(n, _, _)| *n == file) else {
            return whole();
        };
        match load::shipped_rubric_from_str(text, json, &Path::new("rubrics").join(name)) {
            Ok(rubric) if rubric.code == *code => own.push(rubric),
            _ => return whole(),
        }
    }
    let set = RubricSet::with_phrase_words(own, words)
        .with_compiled_keys(embedded::PHRASE_KEYS)
        .with_all_titles(titles.lines().map(str::to_string).collect());
    Ok(Cow::Owned(set))
}

static FORMS: LazyLock<Result<Vec<Form>, Vec<LoadError>>> = LazyLock::new(|| {
    let mut forms = Vec::new();
    let mut errors = Vec::new();
    for (name, text, json) in embedded::FORMS {
        match load::shipped_form_from_str(text, json, &Path::new("rubrics/forms").join(name)) {
            Ok(form) => forms.push(form),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(forms)
    } else {
        Err(errors)
    }
});

static CASES: LazyLock<Vec<Result<Case, LoadError>>> = LazyLock::new(|| {
    let Ok(known) = known() else {
        return Vec::new();
    };
    embedded::CASES
        .par_iter()
        .map(|(name, text, json)| {
            let path = Path::new("cases").join(name);
            let stem = name.trim_end_matches(".yaml").to_string();
            load::shipped_case_from_str(text, json, &path, CaseSource::Shipped(stem), known)
        })
        .collect()
});

/// The rubrics a run uses once a coach's own were added at start-up.
static ACTIVE: OnceLock<RubricSet> = OnceLock::new();

/// The rubrics every command uses: the shipped ones, with a coach's own added or
/// replacing them when [`add_coach_rubrics`] was called at start-up.
pub fn rubrics() -> Result<&'static RubricSet, Error> {
    match ACTIVE.get() {
        Some(set) => Ok(set),
        None => shipped_rubrics(),
    }
}

/// The shipped rubrics alone. A broken shipped rubric is a bug in the release.
pub fn shipped_rubrics() -> Result<&'static RubricSet, Error> {
    RUBRICS
        .as_ref()
        .map_err(|errors| Error::Internal(join(errors)))
}

/// Adds a coach's rubrics for the rest of the run; one with a shipped code replaces the
/// shipped one. Called once, before anything reads the rubrics or the shipped cases.
pub fn add_coach_rubrics(extra: Vec<Rubric>) -> Result<(), Error> {
    let shipped = shipped_rubrics()?;
    let merged = RubricSet::new(shipped.iter().cloned().chain(extra))
        .with_compiled_keys(shipped.compiled_keys());
    ACTIVE
        .set(merged)
        .map_err(|_| Error::Internal("the coach's rubrics were added twice".into()))
}

/// What a case is read against: [`rubrics`] and the shipped [`forms`].
pub fn known() -> Result<Known<'static>, Error> {
    known_with(rubrics()?)
}

/// What a case is read against when a command holds its own `rubrics`: those, and
/// the shipped [`forms`].
pub fn known_with(rubrics: &RubricSet) -> Result<Known<'_>, Error> {
    Ok(Known {
        rubrics,
        forms: forms()?,
    })
}

/// The shipped forms.
pub fn forms() -> Result<&'static [Form], Error> {
    FORMS
        .as_ref()
        .map(Vec::as_slice)
        .map_err(|errors| Error::Internal(join(errors)))
}

/// The default evaluation form.
pub fn default_form() -> Result<&'static Form, Error> {
    forms()?
        .iter()
        .find(|f| f.id == DEFAULT_FORM)
        .ok_or_else(|| Error::Internal(format!("the shipped form `{DEFAULT_FORM}` is missing")))
}

/// The form a case is judged on: the one it names, or the default. A name the shipped
/// forms do not hold is an error (the loader rejects such a case, so only a case built
/// by hand can get here).
pub fn form_for(case: &Case) -> Result<&'static Form, Error> {
    let id = case.form.as_deref().unwrap_or(DEFAULT_FORM);
    forms()?.iter().find(|f| f.id == id).ok_or_else(|| {
        Error::Internal(format!(
            "the case `{}` names an unknown form `{id}`",
            case.id
        ))
    })
}

/// The shipped form with this id.
pub fn form(id: &str) -> Option<&'static Form> {
    forms().ok()?.iter().find(|f| f.id == id)
}

/// The shipped cases, each loaded or with the problem that stopped it.
pub fn cases() -> &'static [Result<Case, LoadError>] {
    &CASES
}

/// The shipped case of this id alone, read on its own (a command about one case need
/// not read them all); `None` when no shipped file has that name.
pub fn case(id: &str) -> Option<Result<Case, LoadError>> {
    let (name, text, json) = embedded::CASES
        .iter()
        .find(|(name, _, _)| name.strip_suffix(".yaml") == Some(id))?;
    let path = Path::new("cases").join(name);
    let source = CaseSource::Shipped(id.to_string());
    // The JSON needs no rubrics: they are read only to report a problem from the YAML.
    if let Some(case) = load::shipped_case_from_json(json, &path, source.clone()) {
        return Some(case);
    }
    Some(load::case_from_str(text, &path, source, known().ok()?))
}

/// The raw text of every shipped file, for tests and `roleplay validate`.
pub fn files() -> impl Iterator<Item = (String, &'static str)> {
    let rubrics = embedded::RUBRICS
        .iter()
        .map(|(n, t, _)| (format!("rubrics/{n}"), *t));
    let forms = embedded::FORMS
        .iter()
        .map(|(n, t, _)| (format!("rubrics/forms/{n}"), *t));
    let cases = embedded::CASES
        .iter()
        .map(|(n, t, _)| (format!("cases/{n}"), *t));
    rubrics.chain(forms).chain(cases)
}

fn join(errors: &[LoadError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Start-up reads the shipped files typed only; this holds it to the full check.
    #[test]
    fn every_shipped_file_passes_the_full_check_and_loads_the_same() {
        for (name, text, json) in embedded::RUBRICS {
            assert!(!json.is_empty(), "{name} has a JSON copy");
            let path = Path::new("rubrics").join(name);
            let full = load::rubric_problems(text, &path).expect("a shipped rubric is clean");
            let fast = load::shipped_rubric_from_str(text, json, &path).expect("loads");
            assert_eq!(format!("{full:?}"), format!("{fast:?}"), "{name}");
        }
        let rubrics = rubrics().expect("rubrics");
        let built = rubrics.phrase_words();
        let compiled = RubricSet::new(rubrics.iter().cloned());
        let compiled = compiled.phrase_words();
        assert!(
            embedded::PHRASE_WORDS.is_some(),
            "the build compiled the phrase words"
        );
        assert_eq!(built.single, compiled.single, "single-word phrases");
        assert_eq!(built.all, compiled.all, "every phrase word");
        for (name, text, json) in embedded::FORMS {
            assert!(!json.is_empty(), "{name} has a JSON copy");
            let path = Path::new("rubrics/forms").join(name);
            let full = load::form_from_str(text, &path).expect("a shipped form is clean");
            let fast = load::shipped_form_from_str(text, json, &path).expect("loads");
            assert_eq!(format!("{full:?}"), format!("{fast:?}"), "{name}");
        }
        for (name, text, json) in embedded::CASES {
            assert!(!json.is_empty(), "{name} has a JSON copy");
            let path = Path::new("cases").join(name);
            let source = || CaseSource::Shipped(name.trim_end_matches(".yaml").to_string());
            let full = load::case_problems(text, &path, source(), known().expect("known"))
                .expect("a shipped case is clean");
            let fast =
                load::shipped_case_from_str(text, json, &path, source(), known().expect("known"))
                    .expect("loads");
            assert_eq!(format!("{full:?}"), format!("{fast:?}"), "{name}");
        }
    }

    /// The keys compiled at build time are the keys the engine would compile, and
    /// every shipped phrase has them: a miss would only be slower, so it is tested.
    #[test]
    fn the_compiled_phrase_keys_are_the_engines_for_every_shipped_phrase() {
        use roleplay_core::engine::matcher::phrase_keys;
        let mut cache = roleplay_core::text::WordCache::default();
        let table = rubrics().expect("rubrics").compiled_keys();
        let listed: Vec<&str> = table.phrases().collect();
        assert!(listed.len() > 1000, "the shipped phrases are listed");
        assert!(listed.windows(2).all(|w| w[0] < w[1]), "sorted, once each");
        for phrase in listed {
            let (fresh_key, fresh_variants) = phrase_keys(phrase, &mut cache);
            let entry = table.get(phrase).expect("a listed phrase is found");
            assert_eq!(entry.key.map(str::to_string), fresh_key, "{phrase}");
            let variants: Vec<&str> = entry.variant_keys().collect();
            assert_eq!(variants, fresh_variants, "{phrase}");
        }
        let rubric_phrases = rubrics()
            .expect("rubrics")
            .iter()
            .flat_map(|r| {
                let concepts = r.concepts.iter().flat_map(|c| &c.phrases);
                concepts.chain(r.misconceptions.iter().flat_map(|m| &m.phrases))
            })
            .map(|p| p.0.clone());
        let case_phrases = cases()
            .iter()
            .flatten()
            .flat_map(|case| case.look_for.iter().flat_map(|(_, items)| items))
            .flat_map(|item| item.phrases.iter().map(|p| p.0.clone()))
            .filter(|p| p.parse::<f64>().is_err());
        for phrase in rubric_phrases.chain(case_phrases) {
            assert!(
                table.get(&phrase).is_some(),
                "`{phrase}` was compiled at build time"
            );
        }
    }

    /// A shipped case scored against its own rubrics alone scores exactly as against
    /// the whole set: every shipped case, on every one of its example answers.
    #[test]
    fn a_case_scored_against_its_own_rubrics_scores_as_against_all_of_them() {
        use crate::engine::Scorer;
        let whole = rubrics().expect("rubrics");
        for case in cases().iter().flatten() {
            let own = rubrics_for(case).expect("the case's rubrics");
            assert!(
                matches!(own, Cow::Owned(_)) && own.len() == case.indicators.len(),
                "{} is read with its own rubrics",
                case.id
            );
            let form = form_for(case).expect("form");
            let alone = Scorer::new(case, &own, form).expect("compiles");
            let with_all = Scorer::new(case, whole, form).expect("compiles");
            for example in &case.examples {
                assert_eq!(
                    format!("{:?}", alone.score(&example.response)),
                    format!("{:?}", with_all.score(&example.response)),
                    "{} {}",
                    case.id,
                    example.name
                );
            }
        }
    }
}
