//! Compiles the word-frequency list (`rubrics/lexicon/english-frequency.txt`) into a
//! perfect hash map, so that no command builds it at start-up.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list = Path::new(&root).join("../../rubrics/lexicon/english-frequency.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    let text = fs::read_to_string(&list).expect("the word-frequency list is readable");
    let mut map = phf_codegen::Map::new();
    let mut seen = std::collections::HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, zipf)) = line.split_once(' ') else {
            continue;
        };
        let Ok(zipf) = zipf.parse::<u8>() else {
            continue;
        };
        // The map takes each word once: a word listed again is ignored.
        if seen.insert(word) {
            map.entry(word, zipf.to_string());
        }
    }
    let mut out = String::new();
    writeln!(
        out,
        "/// Zipf frequency x 10 of common English words.\nstatic FREQUENCY: phf::Map<&'static str, u8> = {};",
        map.build()
    )
    .expect("writing to a string");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("frequency.rs"), out).expect("write frequency.rs");
}
