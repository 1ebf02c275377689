//! Long output on a terminal goes through the student's pager (`$PAGER`, else
//! `less -R`), so a 130-line feedback can be read from its first line.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// Writes `text` through the pager when standard output is a terminal and the text
/// is taller than it; otherwise (or when no pager runs) straight to `out`.
pub fn page(out: &mut dyn Write, text: &[u8]) -> io::Result<()> {
    let rows = terminal_size::terminal_size().map_or(24, |(_, h)| usize::from(h.0));
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    if !io::stdout().is_terminal() || lines < rows {
        return out.write_all(text);
    }
    out.flush()?;
    let pager = std::env::var("PAGER")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "less -R".into());
    let mut words = pager.split_whitespace();
    let Some(program) = words.next() else {
        return out.write_all(text);
    };
    let child = Command::new(program)
        .args(words)
        .stdin(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return out.write_all(text);
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit the pager before the end: a broken pipe is no error.
        let _ = stdin.write_all(text);
    }
    child.wait()?;
    Ok(())
}
