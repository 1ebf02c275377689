//! Control characters made visible, so text from a student or a case file cannot
//! drive the terminal (clear the screen, move the cursor, set the window title, ask the
//! terminal to answer).

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` is a control character that must not reach a terminal raw: C0 (except
/// newline and tab), DEL and C1.
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// How a control character is shown: the Unicode control picture for C0 and DEL
/// (`␛` for escape), `\u{9b}` for C1.
fn push_visible(out: &mut String, c: char) {
    match c as u32 {
        code @ 0..=0x1f => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
        0x7f => out.push('\u{2421}'),
        code => out.push_str(&format!("\\u{{{code:x}}}")),
    }
}

/// `text` with every control character but newline and tab shown visibly.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that shows control characters visibly. With `colour`, the SGR sequences
/// that set colour and weight (`ESC [ digits ; m`) pass, as roleplay's own styles use
/// them; they cannot move the cursor, clear or query.
pub struct Visible<W> {
    inner: W,
    colour: bool,
}

impl<W: Write> Visible<W> {
    /// Wraps `inner`.
    pub fn new(inner: W, colour: bool) -> Self {
        Visible { inner, colour }
    }
}

/// The length of the SGR sequence at the start of `text`, if it starts with one.
fn sgr_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("\u{1b}[")?;
    let params = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (rest.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Ok(text) = std::str::from_utf8(buf) else {
            // Not text (or cut inside a character): only the ASCII controls can be told.
            let shown: Vec<u8> = buf
                .iter()
                .flat_map(|&b| match b {
                    b'\n' | b'\t' => vec![b],
                    0..=0x1f | 0x7f => {
                        let mut s = String::new();
                        push_visible(&mut s, char::from(b));
                        s.into_bytes()
                    }
                    _ => vec![b],
                })
                .collect();
            self.inner.write_all(&shown)?;
            return Ok(buf.len());
        };
        if !text.chars().any(is_hidden_control) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut rest: &str = text;
        while let Some(c) = rest.chars().next() {
            if let Some(len) = sgr_len(rest).filter(|_| self.colour) {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
            if is_hidden_control(c) {
                push_visible(&mut out, c);
            } else {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_and_lines_kept() {
        assert_eq!(
            visible("a\u{1b}[2Jb\nc\td\u{7}\u{9b}"),
            "a\u{241b}[2Jb\nc\td\u{2407}\\u{9b}"
        );
        assert!(matches!(visible("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_lets_colour_through_only_when_asked() {
        let mut out = Vec::new();
        write!(
            Visible::new(&mut out, true),
            "\u{1b}[1mbold\u{1b}[0m \u{1b}]0;title\u{7}"
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{1b}[1mbold\u{1b}[0m \u{241b}]0;title\u{2407}"
        );
        let mut out = Vec::new();
        write!(Visible::new(&mut out, false), "\u{1b}[1mbold").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\u{241b}[1mbold");
    }
}
