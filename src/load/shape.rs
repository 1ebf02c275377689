//! Checks made on a YAML document before it is read into the file types, so a hostile
//! file is refused at once and with a position: nesting too deep, aliases that expand
//! past a size budget (a "billion laughs"), and YAML's null where text is required.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::Position;

/// The deepest nesting accepted; a case file needs four levels.
pub const MAX_DEPTH: usize = 64;

/// How much a document may hold once its aliases are expanded: bytes of text plus one
/// per value. Aliases count at their expanded size.
pub const EXPANDED_BUDGET: usize = 16 << 20;

/// A problem found before reading, with where it is when known.
#[derive(Debug)]
pub struct ShapeError {
    /// What is wrong.
    pub message: String,
    /// Where, when the scan knows.
    pub position: Option<Position>,
}

/// Refuses flow collections (`[`, `{`) nested past [`MAX_DEPTH`]. The YAML parser's
/// time grows with the square of that depth, so this linear scan runs first.
pub fn check_flow_depth(text: &str) -> Result<(), ShapeError> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut previous = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some(q) if c == q => {
                // '' inside a single-quoted scalar is an escaped quote.
                if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None if depth > 0 && (c == '"' || c == '\'') => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => {
                // A comment runs to the end of the line.
                for (_, n) in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                previous = '\n';
                continue;
            }
            None if c == '[' || c == '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ShapeError {
                        message: format!(
                            "nested more than {MAX_DEPTH} levels deep; a case file needs only a few"
                        ),
                        position: Some(position_of(text, at)),
                    });
                }
            }
            None if c == ']' || c == '}' => depth = depth.saturating_sub(1),
            None => {}
        }
        previous = c;
    }
    Ok(())
}

/// The 1-based line and column of byte `offset` in `text`.
pub fn position_of(text: &str, offset: usize) -> Position {
    let (line, column) = crate::text::line_column(text, offset);
    Position { line, column }
}

/// Walks the whole document once, counting what it expands to and checking depth. The
/// error comes back from serde_yaml with its position.
/// `text_keys` name the keys whose value must be text: a null there is refused at
/// the value's own position.
pub fn check_document(text: &str, text_keys: &[&str]) -> Result<(), serde_yaml::Error> {
    let used = Cell::new(0usize);
    let raised = Cell::new(false);
    let walk = Walk {
        used: &used,
        raised: &raised,
        depth: 0,
        text_keys,
        must_be_text: false,
    };
    let deserializer = serde_yaml::Deserializer::from_str(text);
    match walk.deserialize(deserializer) {
        // Plain syntax errors are left to the typed read, which words them for its keys.
        Err(e) if raised.get() => Err(e),
        _ => Ok(()),
    }
}

/// The message for YAML's null where text is required.
pub const NULL_TEXT: &str = "this is YAML's null (`~`, `null` or nothing), not text; write the text (quote it if you mean the word)";

#[derive(Clone, Copy)]
struct Walk<'a> {
    used: &'a Cell<usize>,
    /// Set when the walk itself refuses the document.
    raised: &'a Cell<bool>,
    depth: usize,
    text_keys: &'a [&'a str],
    must_be_text: bool,
}

impl Walk<'_> {
    fn refuse<E: de::Error>(&self, message: &str) -> E {
        self.raised.set(true);
        E::custom(message)
    }

    fn charge<E: de::Error>(&self, amount: usize) -> Result<(), E> {
        let used = self.used.get().saturating_add(amount);
        self.used.set(used);
        if used > EXPANDED_BUDGET {
            return Err(self.refuse(&format!(
                "the document expands to more than {} MB (aliases count at their expanded size); refusing to read it",
                EXPANDED_BUDGET >> 20
            )));
        }
        Ok(())
    }

    fn deeper<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.refuse(&format!(
                "nested more than {MAX_DEPTH} levels deep; a case file needs only a few"
            )));
        }
        Ok(Walk {
            depth: self.depth + 1,
            must_be_text: false,
            ..self
        })
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    /// The text of a short scalar, so a mapping can tell which key a value is under.
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.charge(value.len() + 1)?;
        // Only short keys are kept for comparison: long text is never a key of ours.
        Ok((value.len() <= 256).then(|| value.to_string()))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        self.charge(1)?;
        Ok(Some(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.charge(1)?;
        Ok(Some(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.charge(1)?;
        Ok(Some(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        self.charge(1)?;
        Ok(Some(value.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        if self.must_be_text {
            return Err(self.refuse(NULL_TEXT));
        }
        self.charge(1)?;
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // The items of a list of text must be text too.
        let inner = Walk {
            must_be_text: self.must_be_text,
            ..self.deeper()?
        };
        while seq.next_element_seed(inner)?.is_some() {
            self.charge(1)?;
        }
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let inner = self.deeper()?;
        while let Some(key) = map.next_key_seed(inner)? {
            let must_be_text = key.as_deref().is_some_and(|k| self.text_keys.contains(&k));
            map.next_value_seed(Walk {
                must_be_text,
                ..inner
            })?;
            self.charge(1)?;
        }
        Ok(None)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        // A tagged value (`!tag x`): walk its content like any other.
        let (_, variant) = data.variant_seed(self)?;
        de::VariantAccess::newtype_variant_seed(variant, self)?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_at_its_position() {
        let text = format!("title: x\nsituation: {}", "[".repeat(100_000));
        let error = check_flow_depth(&text).unwrap_err();
        assert_eq!(
            error.position,
            Some(Position {
                line: 2,
                column: 12 + MAX_DEPTH
            })
        );
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let text = format!(
            "a: [\"{}\", '{}'] # {}\nb: |\n  plain",
            "[".repeat(100),
            "{".repeat(100),
            "[".repeat(100)
        );
        assert!(check_flow_depth(&text).is_ok());
    }

    #[test]
    fn aliases_count_at_their_expanded_size() {
        let big = "x".repeat(1 << 20);
        let refs = vec!["*a"; 40].join(", ");
        let text = format!("big: &a {big}\nmany: [{refs}]\n");
        let error = check_document(&text, &[]).unwrap_err().to_string();
        assert!(error.contains("expands to more than"), "{error}");
        assert!(check_document(&format!("big: &a {big}\none: *a\n"), &[]).is_ok());
    }
}
