//! Where the session's lines come from. On a terminal the session reads keys itself,
//! so the clock in the prompt ticks while the student types and a line half typed
//! when time runs out is kept; tests and pipes give whole lines from any `BufRead`.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// What happened while the session waited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A line was entered (without its line ending).
    Line(String),
    /// The wait ended with nothing entered: time to redraw the clock.
    Tick,
    /// The input ended (Ctrl-D on an empty line, or the end of a file).
    End,
    /// The student pressed Ctrl-C.
    Interrupt,
}

/// A source of typed lines with a prompt that can be redrawn in place.
pub trait Keyboard {
    /// Shows `prompt` before the text being typed, replacing the prompt shown before.
    fn prompt(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<()>;
    /// Clears the prompt line so that a message can be printed in its place.
    fn clear(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Waits at most `wait` for a line.
    fn next(&mut self, out: &mut dyn Write, wait: Duration) -> io::Result<Event>;
    /// Takes the text typed on the current line but not entered yet.
    fn take_pending(&mut self) -> String;
}

/// Whole lines from a reader: never ticks, so a clock cannot run out mid-line.
pub struct Lines<R>(pub R);

impl<R: BufRead> Keyboard for Lines<R> {
    fn prompt(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<()> {
        write!(out, "{prompt}")?;
        out.flush()
    }

    fn clear(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn next(&mut self, _out: &mut dyn Write, _wait: Duration) -> io::Result<Event> {
        let mut line = String::new();
        if self.0.read_line(&mut line)? == 0 {
            return Ok(Event::End);
        }
        Ok(Event::Line(line.trim_end_matches(['\n', '\r']).to_string()))
    }

    fn take_pending(&mut self) -> String {
        String::new()
    }
}

/// The terminal in raw mode: keys are read one at a time and echoed on one line,
/// the prompt first. Raw mode ends when this is dropped.
pub struct Terminal {
    prompt: String,
    line: String,
}

impl Terminal {
    /// Puts the terminal in raw mode.
    pub fn new() -> io::Result<Terminal> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(Terminal {
            prompt: String::new(),
            line: String::new(),
        })
    }

    /// Redraws the prompt and as much of the end of the line as fits the width.
    fn redraw(&self, out: &mut dyn Write) -> io::Result<()> {
        let width = columns();
        let room = width.saturating_sub(self.prompt.width() + 2).max(10);
        let mut shown = self.line.as_str();
        let mut clipped = false;
        while shown.width() > room {
            let mut chars = shown.chars();
            chars.next();
            shown = chars.as_str();
            clipped = true;
        }
        let ellipsis = if clipped { "…" } else { "" };
        write!(out, "\r\x1b[2K{}{ellipsis}{shown}", self.prompt)?;
        out.flush()
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

impl Keyboard for Terminal {
    fn prompt(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<()> {
        self.prompt = prompt.to_string();
        self.redraw(out)
    }

    fn clear(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "\r\x1b[2K")?;
        out.flush()
    }

    fn next(&mut self, out: &mut dyn Write, wait: Duration) -> io::Result<Event> {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || !event::poll(left)? {
                return Ok(Event::Tick);
            }
            let key = match event::read()? {
                TermEvent::Key(key) if key.kind != KeyEventKind::Release => key,
                TermEvent::Paste(text) => {
                    self.line.push_str(&text.replace(['\r', '\n'], " "));
                    self.redraw(out)?;
                    continue;
                }
                TermEvent::Resize(..) => {
                    self.redraw(out)?;
                    continue;
                }
                _ => continue,
            };
            let control = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Char('c') if control => return Ok(Event::Interrupt),
                KeyCode::Char('d') if control && self.line.is_empty() => {
                    write!(out, "\r\n")?;
                    return Ok(Event::End);
                }
                KeyCode::Char('u') if control => self.line.clear(),
                // A line feed arrives as Ctrl-J in raw mode (pasted text, some terminals).
                KeyCode::Char('j' | 'm') if control => {
                    write!(out, "\r\n")?;
                    out.flush()?;
                    return Ok(Event::Line(std::mem::take(&mut self.line)));
                }
                KeyCode::Char(_) if control => continue,
                KeyCode::Char(c) => {
                    self.line.push(c);
                    // Most keys add a character that fits: echo it alone.
                    if (self.prompt.width() + self.line.width() + 2) < columns() {
                        write!(out, "{c}")?;
                        out.flush()?;
                        continue;
                    }
                }
                KeyCode::Backspace => {
                    self.line.pop();
                }
                KeyCode::Enter => {
                    write!(out, "\r\n")?;
                    out.flush()?;
                    return Ok(Event::Line(std::mem::take(&mut self.line)));
                }
                _ => continue,
            }
            self.redraw(out)?;
        }
    }

    fn take_pending(&mut self) -> String {
        std::mem::take(&mut self.line)
    }
}

/// The terminal's width; 80 when it does not say (a pseudo-terminal with no size).
fn columns() -> usize {
    match crossterm::terminal::size() {
        Ok((w, _)) if w >= 20 => usize::from(w),
        _ => 80,
    }
}

/// A writer for a terminal in raw mode, where a line feed no longer returns the
/// carriage: every `\n` goes out as `\r\n`.
pub struct CrLf<W>(pub W);

impl<W: Write> Write for CrLf<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if b == b'\n' && (i == 0 || buf[i - 1] != b'\r') {
                self.0.write_all(&buf[start..i])?;
                self.0.write_all(b"\r\n")?;
                start = i + 1;
            }
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    #[test]
    fn lines_come_whole_and_then_end() {
        let mut keys = Lines(Cursor::new("one\r\ntwo"));
        let mut out = Vec::new();
        let wait = Duration::from_secs(1);
        assert_eq!(
            keys.next(&mut out, wait).unwrap(),
            Event::Line("one".into())
        );
        assert_eq!(
            keys.next(&mut out, wait).unwrap(),
            Event::Line("two".into())
        );
        assert_eq!(keys.next(&mut out, wait).unwrap(), Event::End);
    }

    #[test]
    fn crlf_returns_the_carriage_once() {
        let mut out = CrLf(Vec::new());
        write!(out, "a\nb\r\nc\n").unwrap();
        assert_eq!(out.0, b"a\r\nb\r\nc\r\n");
    }
}
