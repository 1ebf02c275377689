//! Performance-indicator codes such as `CR:010`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A performance-indicator code: an area of two to five capital letters, a colon,
/// and an item such as `010` or `P4` (`CR:010`, `NOS:P4`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Code(String);

impl Code {
    /// Parses a code, accepting lower case and surrounding spaces (`cr:010`).
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim().to_ascii_uppercase();
        let (area, item) = text.split_once(':')?;
        let area_ok = (2..=5).contains(&area.len()) && area.bytes().all(|b| b.is_ascii_uppercase());
        let item_ok = !item.is_empty()
            && item.len() <= 5
            && item.bytes().all(|b| b.is_ascii_alphanumeric())
            && item.bytes().any(|b| b.is_ascii_digit());
        (area_ok && item_ok).then_some(Code(text))
    }

    /// Parses a code as a person types it on the command line: a full code, or just
    /// the item of a Customer Relations code (`010` is `CR:010`).
    pub fn parse_lenient(text: &str) -> Option<Code> {
        Code::parse(text).or_else(|| Code::parse(&format!("CR:{text}")))
    }

    /// The code as written, `CR:010`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as a file stem, `CR-010`.
    pub fn file_stem(&self) -> String {
        self.0.replace(':', "-")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!(Code::parse("CR:010").unwrap().as_str(), "CR:010");
        assert_eq!(Code::parse(" cr:010 ").unwrap().as_str(), "CR:010");
        assert_eq!(Code::parse("NOS:P4").unwrap().file_stem(), "NOS-P4");
        assert_eq!(Code::parse_lenient("010").unwrap().as_str(), "CR:010");
        assert_eq!(Code::parse_lenient("pi:016").unwrap().as_str(), "PI:016");
        assert!(Code::parse("010").is_none());
        for bad in [
            "",
            "CR",
            "CR010",
            "C:010",
            "CR:",
            "CR:abc",
            "CR:0100000",
            "1R:010",
        ] {
            assert!(Code::parse(bad).is_none(), "{bad:?} should not parse");
        }
    }
}
