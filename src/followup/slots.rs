//! Filling a question's `{slots}` from the case, so the judge speaks of this company,
//! this policy and this amount. A slot the case does not give reads in general words.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Case;

static POLICY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:[A-Z][A-Za-z'’-]+ ){1,4}(?:Policy|Guarantee|Program|Plan)\b").ok()
});
static AMOUNT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[$£€][0-9][0-9,]*(?:\.[0-9]{2})?").ok());

/// The question with `{company}`, `{policy}` and `{amount}` filled from the case.
pub fn fill(template: &str, case: &Case) -> String {
    let mut question = template.to_string();
    if question.contains("{company}") {
        question = question.replace("{company}", &company(case));
    }
    if question.contains("{policy}") {
        question = question.replace("{policy}", &policy(case));
    }
    if question.contains("{amount}") {
        question = question.replace("{amount}", &amount(case));
    }
    question
}

/// The company the student speaks for: the words after "of" or "at" in the student's
/// role, up to a comma ("the store manager of Summit Gear Outfitters, an ...").
fn company(case: &Case) -> String {
    let role = case.participant_role.as_str();
    let after = [" of ", " at ", " for "]
        .iter()
        .filter_map(|w| role.find(w).map(|i| &role[i + w.len()..]))
        .next();
    let name = after
        .map(|rest| rest.split([',', ';', '(']).next().unwrap_or(rest).trim())
        .map(|name| name.strip_prefix("the ").unwrap_or(name));
    match name {
        Some(name) if name.chars().next().is_some_and(char::is_uppercase) => name.to_string(),
        _ => "the company".into(),
    }
}

/// The first named policy (or guarantee, program, plan) in the situation.
fn policy(case: &Case) -> String {
    POLICY
        .as_ref()
        .and_then(|re| re.find(&case.situation))
        .map(|m| format!("the {}", m.as_str().trim_start_matches("The ")))
        .unwrap_or_else(|| "your policy".into())
}

/// The first sum of money in the situation.
fn amount(case: &Case) -> String {
    AMOUNT
        .as_ref()
        .and_then(|re| re.find(&case.situation))
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "the money".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(role: &str, situation: &str) -> Case {
        let mut case = crate::engine::bare_case(
            &crate::model::Code::parse("CR:010").expect("code"),
            situation,
        );
        case.participant_role = role.into();
        case
    }

    #[test]
    fn slots_come_from_the_case() {
        let c = case(
            "the store manager of Summit Gear Outfitters, an outdoor store",
            "He paid $840. The store's Peak Return Policy gives a refund.",
        );
        assert_eq!(
            fill("At {company}, under {policy}, about {amount}?", &c),
            "At Summit Gear Outfitters, under the Peak Return Policy, about $840?"
        );
    }

    #[test]
    fn a_case_without_them_reads_in_general_words() {
        let c = case("a sales associate", "A customer is upset.");
        assert_eq!(
            fill("At {company}, under {policy}, about {amount}?", &c),
            "At the company, under your policy, about the money?"
        );
    }
}
