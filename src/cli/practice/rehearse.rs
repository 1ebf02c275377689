//! What `practice` adds after the fixed questions and around them: the follow-ups,
//! asked and credited, and the voice of `--speak`.

use std::io::Write;
use std::path::Path;

use super::super::{io_error, warn};
use crate::engine::Scorer;
use crate::error::Error;
use crate::history::store::Draft;
use crate::model::{Case, RubricSet};
use crate::practice::session::Surroundings;
use crate::practice::session::keyboard::{CrLf, Terminal};

/// Chooses and asks the follow-ups, and credits the answers (capped); `None` when the
/// student stopped during them (the draft keeps every line, and the attempt waits
/// for the resume). A resumed draft that holds follow-ups is asked those again.
pub(super) fn follow_up(
    count: usize,
    case: &Case,
    (rubrics, form, scorer): (&RubricSet, &crate::model::Form, &Scorer),
    card: crate::engine::Scorecard,
    case_text: &str,
    out: &mut dyn Write,
    (draft, around): (&mut Draft, &mut dyn Surroundings),
) -> Result<Option<(crate::engine::Scorecard, Vec<crate::followup::Asked>)>, Error> {
    use crate::followup;
    let follow_ups = match &draft.follow_ups {
        Some(saved) => saved.questions.clone(),
        None => followup::choose(case, rubrics, &card, count, followup::turn(&case.id)),
    };
    if follow_ups.is_empty() {
        return Ok(Some((card, Vec::new())));
    }
    let answers = {
        let mut keys = Terminal::new().map_err(|e| io_error(e, "use", "the terminal"))?;
        followup::ask::ask(
            &follow_ups,
            draft,
            case_text,
            &mut keys,
            &mut CrLf(&mut *out),
            around,
        )?
    };
    Ok(answers.map(|answers| {
        let answered = follow_ups.into_iter().zip(answers).collect();
        followup::credit(scorer, case, rubrics, form, &card, answered)
    }))
}

/// The voice of `--speak` (writing to `speak_to` when given), or `None` with a
/// warning that names the package.
pub(super) fn voice(speak: bool, speak_to: Option<&Path>) -> Option<crate::speak::Voice> {
    if !speak {
        return None;
    }
    if let Some(dir) = speak_to
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        warn(&format!(
            "{} cannot be created ({e}); practising in text",
            dir.display()
        ));
        return None;
    }
    crate::speak::Voice::find(speak_to)
        .inspect_err(|e| warn(&e.to_string()))
        .ok()
}

/// Says a line if there is a voice; a failure is a warning, and the session goes on.
pub(super) fn say(voice: &mut Option<crate::speak::Voice>, text: &str) {
    if let Some(v) = voice
        && let Err(e) = v.say(text)
    {
        warn(&format!("{e}; practising in text"));
        *voice = None;
    }
}
