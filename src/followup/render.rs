//! The follow-ups' wording (what an answer earned, why prompted credit is smaller) and
//! their JSON key. The reports lay them out after the scorecard's own sections
//! (`report::view`).

use super::Asked;

/// Why prompted credit is smaller, as every format says it.
pub const NOTE: &str = "A judge credits a prompted answer less than a point you volunteer: each follow-up can add at most half of what its idea is worth on its line.";

/// What a follow-up's answer earned, as every report says it.
pub fn earned(asked: &Asked) -> String {
    match &asked.credited {
        Some(_) if asked.points > 0 => format!(
            "+{} on {} ({} to {}; at most {} for a prompted answer)",
            asked.points,
            asked.follow_up.indicator,
            asked.points_before,
            asked.points_before + asked.points,
            asked.cap
        ),
        Some(_) => format!(
            "the idea, but {} is already at its maximum",
            asked.follow_up.indicator
        ),
        None if asked.already => format!(
            "nothing more: your answers had already earned this on {}",
            asked.follow_up.indicator
        ),
        None if asked.answer.trim().is_empty() => "nothing: no answer".into(),
        None => format!(
            "nothing: the answer does not show \"{}\"",
            lower_first(&asked.follow_up.label)
        ),
    }
}

fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// The JSON key added to the contract's object: `follow_ups`, a list of the asked
/// follow-ups with the answer and the points each added.
pub fn json(value: &mut serde_json::Value, asked: &[Asked]) {
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "follow_ups".into(),
            serde_json::to_value(asked).unwrap_or_default(),
        );
    }
}
