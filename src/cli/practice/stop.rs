//! Ctrl-C during a practice: whatever was kept, the student hears where it is.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::Error;

/// The attempt saved by this session, once it is: what Ctrl-C after that reports.
pub(super) static SAVED: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// Ctrl-C in a prompt (the picker, the resume question) raises SIGINT; the session
/// itself reads Ctrl-C as a key. Either way the student hears what was kept.
pub(super) fn on_ctrl_c(draft_path: PathBuf) {
    let _ = ctrlc::set_handler(move || stop(&draft_path));
}

/// Says what was kept and ends the process as Ctrl-C does (status 130). Called from
/// the signal handler and from a prompt that the signal interrupted; says it once.
pub(super) fn stop(draft_path: &Path) -> ! {
    static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STOPPING.swap(true, std::sync::atomic::Ordering::SeqCst) {
        // The other caller is saying it; wait for it to end the process.
        std::thread::sleep(Duration::from_secs(5));
        std::process::exit(130);
    }
    let _ = crossterm::terminal::disable_raw_mode();
    #[allow(clippy::print_stderr)]
    {
        // Show the cursor the prompt may have hidden.
        eprint!("\x1b[?25h\r\n");
        let saved = SAVED.load(std::sync::atomic::Ordering::SeqCst);
        if saved > 0 {
            eprintln!(
                "Stopped. Your attempt is saved as {saved}: `roleplay show-attempt {saved}` shows it."
            );
        } else if draft_path.exists() {
            eprintln!(
                "Stopped. Your draft is saved in {}.\nRun `roleplay practice` to resume where you left off.",
                draft_path.display()
            );
        } else {
            eprintln!("Stopped before a practice began; nothing was saved.");
        }
    }
    std::process::exit(130);
}

/// A prompt's failure: Ctrl-C stops as above, anything else is an error.
pub(super) fn prompt_failed(e: dialoguer::Error, draft_path: &Path) -> Error {
    let dialoguer::Error::IO(io_error) = &e;
    if io_error.kind() == io::ErrorKind::Interrupted {
        stop(draft_path);
    }
    Error::Usage(e.to_string())
}
