//! Which case to practise: the one named, one at random, or one picked from a fuzzy
//! list that offers the weakest indicator first.

use std::path::Path;

use dialoguer::FuzzySelect;
use dialoguer::theme::ColorfulTheme;

use super::PracticeArgs;
use super::stop::prompt_failed;
use crate::error::Error;
use crate::history::progress;
use crate::library::catalog::Catalog;
use crate::model::{Case, Code, RubricSet};

/// The case to practise: named, random, or picked from a fuzzy list.
pub(super) fn choose(
    args: &PracticeArgs,
    catalog: &Catalog,
    rubrics: &RubricSet,
    history: Option<&crate::history::store::History>,
    theme: &ColorfulTheme,
    draft_path: &Path,
) -> Result<Case, Error> {
    if let Some(name) = &args.case {
        return catalog.resolve(name, rubrics);
    }
    let wanted: Vec<Code> = args
        .indicators
        .iter()
        .filter_map(|t| Code::parse_lenient(t))
        .collect();
    let mut cases: Vec<&Case> = catalog
        .cases
        .iter()
        .map(AsRef::as_ref)
        .filter(|c| wanted.iter().all(|w| c.indicators.contains(w)))
        .collect();
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    if cases.is_empty() {
        return Err(Error::Usage(
            "no case tests all of those indicators; `roleplay list` shows the cases".into(),
        ));
    }
    if args.random {
        let n = super::super::random::generator().usize(..cases.len());
        return Ok(cases[n].clone());
    }
    let attempts = match history {
        Some(history) => {
            let attempts = history.list(None)?;
            super::super::history::warn_skipped(history);
            attempts
        }
        None => Vec::new(),
    };
    let records = progress::indicator_records(&attempts);
    let weakest = progress::weakest(&records).first().map(|r| r.code.clone());
    let mut items: Vec<String> = Vec::new();
    if let Some(code) = &weakest {
        let title = catalog_title(rubrics, code);
        items.push(format!("Focus on my weakest indicator: {title} ({code})"));
    }
    let width = terminal_size::terminal_size()
        .map_or(80, |(w, _)| usize::from(w.0))
        .clamp(40, 160)
        - 4;
    // The title first (what a student recognises), then the id; fitted by display width.
    items.extend(cases.iter().map(|c| {
        let area = c
            .area
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        crate::words::fit(&format!("{}  ({}{area})", c.title, c.id), width)
    }));
    let picked = FuzzySelect::with_theme(theme)
        .with_prompt("Pick a case (type to search: words, an area or a code such as CR:017)")
        .items(&items)
        .default(0)
        .max_length(12)
        .interact()
        .map_err(|e| prompt_failed(e, draft_path))?;
    match (&weakest, picked) {
        (Some(code), 0) => {
            // The case testing that indicator that was practised least.
            let tried = |c: &Case| attempts.iter().filter(|a| a.case_id == c.id).count();
            cases
                .iter()
                .filter(|c| c.indicators.contains(code))
                .min_by_key(|c| (tried(c), c.id.clone()))
                .map(|c| (*c).clone())
                .ok_or_else(|| Error::Usage(format!("no case tests {code}")))
        }
        (Some(_), n) => Ok(cases[n - 1].clone()),
        (None, n) => Ok(cases[n].clone()),
    }
}

/// An indicator's title, for a student who does not know the codes.
fn catalog_title<'r>(rubrics: &'r RubricSet, code: &Code) -> &'r str {
    rubrics.get(code).map_or("", |r| r.title.as_str())
}
