//! The project's own words: no eight-word run of a response in the outside
//! calibration or graded sets appears in the rubrics, cases, source or tests. Those
//! responses stand for students nobody has met; the engine must learn from them what
//! earns points, never their sentences. The indicators' official titles are excluded:
//! students recite them, and the rubrics must name them.

use std::collections::HashSet;
use std::path::Path;

use super::util::repo;

/// Words in a run that counts as a copied sentence.
const RUN: usize = 8;

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn runs(text: &str) -> Vec<Vec<String>> {
    words(text).windows(RUN).map(<[String]>::to_vec).collect()
}

fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "snapshots") {
                files(&path, keep, out);
            }
        } else if keep(&path) {
            out.push(path);
        }
    }
}

/// The indicators' official titles, from the shipped rubrics' `title:` lines.
fn titles() -> HashSet<Vec<String>> {
    let mut paths = Vec::new();
    files(
        &repo("rubrics"),
        &|p| p.extension().is_some_and(|e| e == "yaml"),
        &mut paths,
    );
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|text| {
            text.lines()
                .filter_map(|l| l.trim_start().strip_prefix("title:").map(str::to_string))
                .collect::<Vec<_>>()
        })
        .flat_map(|title| runs(&title))
        .collect()
}

#[test]
fn no_outside_response_sentence_is_in_the_project() {
    let shared = repo("../shared");
    let mut responses = Vec::new();
    for set in ["calibration", "graded"] {
        files(
            &shared.join(set),
            &|p| p.extension().is_some_and(|e| e == "txt"),
            &mut responses,
        );
    }
    if responses.is_empty() {
        eprintln!("../shared holds no calibration or graded responses here: nothing to compare");
        return;
    }
    let outside: HashSet<Vec<String>> = responses
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|text| runs(&text))
        .collect();
    let allowed = titles();
    let mut ours = Vec::new();
    for dir in ["rubrics", "cases", "src", "tests", "tools", "benches"] {
        files(
            &repo(dir),
            &|p| {
                p.extension().is_some_and(|e| {
                    ["rs", "yaml", "txt", "md", "py", "csv", "jsonl"]
                        .contains(&e.to_str().unwrap_or(""))
                })
            },
            &mut ours,
        );
    }
    ours.push(repo("README.md"));
    let mut copied = Vec::new();
    for path in &ours {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for run in runs(&text) {
            if outside.contains(&run) && !allowed.contains(&run) {
                copied.push(format!("{}: \"{}\"", path.display(), run.join(" ")));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "outside responses copied:\n{}",
        copied.join("\n")
    );
}
