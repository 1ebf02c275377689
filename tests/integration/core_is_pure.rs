//! The core crate stays pure: no I/O crates anywhere in its dependency tree, and no
//! files, clock, environment, terminal or thread-local state in its source.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Crates that read or write files, terminals, databases or the clock.
const IO_CRATES: &[&str] = &[
    "rusqlite",
    "libsqlite3-sys",
    "dialoguer",
    "indicatif",
    "directories",
    "dirs-sys",
    "crossterm",
    "terminal_size",
    "console",
    "ctrlc",
    "chrono",
    "humantime",
    "tempfile",
    "anstream",
    "clap",
];

/// Source text that would make the core do I/O or keep state between calls.
const IMPURE: &[&str] = &[
    "std::fs",
    "std::env",
    "std::io::std",
    "std::net",
    "std::process",
    "thread_local!",
    "Instant::now",
    "SystemTime",
    "static mut",
    "OnceLock<Mutex",
    "println!",
    "eprintln!",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every package of Cargo.lock with its direct dependencies' names.
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock");
    let mut graph = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let name = block
            .lines()
            .find_map(|l| l.strip_prefix("name = "))
            .expect("a name")
            .trim_matches('"')
            .to_string();
        let deps = block
            .split_once("dependencies = [")
            .map(|(_, rest)| rest.split(']').next().unwrap_or(""))
            .unwrap_or("")
            .lines()
            .filter_map(|l| l.trim().trim_end_matches(',').strip_prefix('"'))
            .map(|d| d.split([' ', '"']).next().unwrap_or(d).to_string())
            .collect();
        graph.insert(name, deps);
    }
    graph
}

/// The names of every crate `roleplay-core` builds with, itself included.
fn core_closure() -> BTreeSet<String> {
    let graph = lock_graph();
    let mut seen = BTreeSet::new();
    let mut todo = vec!["roleplay-core".to_string()];
    while let Some(name) = todo.pop() {
        if seen.insert(name.clone()) {
            todo.extend(graph.get(&name).into_iter().flatten().cloned());
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_io_crate() {
    let closure = core_closure();
    assert!(
        closure.contains("aho-corasick"),
        "the lock file was read: {closure:?}"
    );
    let found: Vec<&&str> = IO_CRATES.iter().filter(|c| closure.contains(**c)).collect();
    assert!(
        found.is_empty(),
        "roleplay-core pulls in I/O crates: {found:?}"
    );
    assert!(
        !closure.contains("roleplay"),
        "the core must not depend on the application"
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the core's source") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_source_does_no_io_and_keeps_no_state() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/core/src"), &mut files);
    assert!(files.len() > 10, "the core's source was found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        for (n, line) in text.lines().enumerate() {
            for word in IMPURE.iter().filter(|w| line.contains(**w)) {
                found.push(format!("{}:{}: {word}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "impure code in roleplay-core:\n{}",
        found.join("\n")
    );
}
