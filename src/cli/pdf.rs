//! A report as PDF: the HTML form printed by headless Chromium (or Google Chrome),
//! which lays it out exactly as a browser's print would. Without a browser the
//! command says which package to install and writes nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;

/// The variable naming the browser to print with, when it is not on the `PATH`.
pub const BROWSER_VAR: &str = "ROLEPLAY_CHROMIUM";

/// Browsers that can print a page to PDF headless, by the names they install under.
const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
];

/// Prints `html` to a PDF file at `path`.
pub fn write(html: &[u8], path: &Path) -> Result<(), Error> {
    let browser = find_browser().ok_or_else(|| {
        Error::Usage(format!(
            "writing a PDF needs Chromium or Google Chrome, and neither was found. Install one \
             (Debian or Ubuntu: `sudo apt install chromium`; Fedora: `sudo dnf install chromium`; \
             macOS or Windows: Google Chrome), or set {BROWSER_VAR} to the browser's path. \
             Or write the form as HTML (-o feedback.html) and print it from any browser"
        ))
    })?;
    let work = scratch_folder()?;
    let result = print(&browser, html, &work);
    let _ = std::fs::remove_dir_all(&work);
    let pdf = result?;
    crate::history::store::write_atomic(path, &pdf).map_err(|source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    })
}

fn print(browser: &Path, html: &[u8], work: &Path) -> Result<Vec<u8>, Error> {
    let page = work.join("report.html");
    let pdf = work.join("report.pdf");
    std::fs::write(&page, html).map_err(|source| Error::Io {
        action: "write",
        path: page.clone(),
        source,
    })?;
    let output = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|source| Error::Io {
            action: "run",
            path: browser.to_path_buf(),
            source,
        })?;
    match std::fs::read(&pdf) {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => Err(Error::Usage(format!(
            "{} did not print the page to PDF: {}",
            browser.display(),
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .rfind(|l| !l.trim().is_empty())
                .unwrap_or("no message")
        ))),
    }
}

/// The browser named by the variable, else the first known one on the `PATH`.
fn find_browser() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os(BROWSER_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(named)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            BROWSERS
                .iter()
                .flat_map(move |name| [dir.join(name), dir.join(format!("{name}.exe"))])
        })
        .find(|candidate| candidate.is_file())
        .or_else(|| {
            let mac = PathBuf::from("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
            mac.is_file().then_some(mac)
        })
}

/// A fresh folder for the page, the PDF and the browser's throwaway profile.
fn scratch_folder() -> Result<PathBuf, Error> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("roleplay-pdf-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}
