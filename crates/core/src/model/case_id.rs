//! A case's id: the one rule for what a case may be called, wherever an id is written
//! (a case file's `id:`, a file name standing in for it, `roleplay new`).

use std::fmt;
use std::ops::Deref;

use serde::Serialize;

use super::code::Code;

/// A case id: 1 to 80 lowercase ASCII letters, digits and hyphens, neither starting nor
/// ending with a hyphen, like `voltmart-return-window`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CaseId(String);

impl CaseId {
    /// The longest id.
    pub const MAX_LEN: usize = 80;

    /// The rule as a regular expression, for the case file's JSON Schema.
    pub const PATTERN: &'static str = "^[a-z0-9]([a-z0-9-]{0,78}[a-z0-9])?$";

    /// The id, when `text` follows the rule exactly (nothing is lower-cased or trimmed:
    /// an id is written once and matched as written).
    pub fn parse(text: &str) -> Option<CaseId> {
        let ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        ok.then(|| CaseId(text.to_string()))
    }

    /// The id of the one-indicator case a drill or a rubric's own example is scored in,
    /// `drill-cr-010`: a code is letters, digits and one colon, so this always follows
    /// the rule.
    pub fn drill(code: &Code) -> CaseId {
        CaseId(format!("drill-{}", code.file_stem().to_ascii_lowercase()))
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for CaseId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for CaseId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for CaseId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CaseId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for CaseId {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl PartialEq<CaseId> for String {
    fn eq(&self, other: &CaseId) -> bool {
        *self == other.0
    }
}

impl PartialEq<CaseId> for &str {
    fn eq(&self, other: &CaseId) -> bool {
        *self == other.0
    }
}

impl From<CaseId> for String {
    fn from(id: CaseId) -> String {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_every_id() {
        for good in ["a", "voltmart-return-window", "case-2", "9", "a--b"] {
            assert_eq!(CaseId::parse(good).map(String::from).as_deref(), Some(good));
        }
        let long = "a".repeat(CaseId::MAX_LEN + 1);
        for bad in ["", "-a", "a-", "A", "a b", "a_b", "é", " a", long.as_str()] {
            assert_eq!(CaseId::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_drill_id_follows_the_rule() {
        for text in ["CR:010", "ABCDE:1234X", "se:17"] {
            let id = CaseId::drill(&Code::parse(text).unwrap());
            assert_eq!(CaseId::parse(&id), Some(id.clone()), "{id}");
        }
    }

    #[test]
    fn the_schema_pattern_says_the_same_rule() {
        let pattern = regex::Regex::new(CaseId::PATTERN).unwrap();
        let max = "a".repeat(CaseId::MAX_LEN);
        let long = "a".repeat(CaseId::MAX_LEN + 1);
        for text in [
            "a",
            "a-b",
            "a--b",
            "-a",
            "a-",
            "",
            "A",
            max.as_str(),
            long.as_str(),
        ] {
            assert_eq!(
                pattern.is_match(text),
                CaseId::parse(text).is_some(),
                "{text:?}"
            );
        }
    }
}
