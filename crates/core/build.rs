//! Compiles the word-frequency list (`rubrics/lexicon/english-frequency.txt`) into a
//! perfect hash, so that no command builds it at start-up. The words are one text and
//! the table holds offsets into it: a table of string slices would be relocated by the
//! loader, page by page, every time the program starts.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list = Path::new(&root).join("../../rubrics/lexicon/english-frequency.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    let text = fs::read_to_string(&list).expect("the word-frequency list is readable");
    let mut words: Vec<&str> = Vec::new();
    let mut zipfs: Vec<u8> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, zipf)) = line.split_once(' ') else {
            continue;
        };
        let Ok(zipf) = zipf.parse::<u8>() else {
            continue;
        };
        // The table takes each word once: a word listed again is ignored.
        if seen.insert(word) {
            words.push(word);
            zipfs.push(zipf);
        }
    }
    let state = phf_generator::generate_hash(&words);
    let mut joined = String::new();
    let mut entries: Vec<(u32, u32, u8)> = Vec::new();
    for &index in &state.map {
        let start = joined.len() as u32;
        joined.push_str(words[index]);
        entries.push((start, joined.len() as u32, zipfs[index]));
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let words_file = Path::new(&out_dir).join("frequency-words.txt");
    fs::write(&words_file, joined).expect("write frequency-words.txt");
    let mut out = String::new();
    writeln!(
        out,
        "/// The words of the frequency table, end to end.\n\
         static FREQUENCY_WORDS: &str = include_str!({:?});\n\
         /// The table's hash key.\n\
         static FREQUENCY_KEY: u64 = {};\n\
         /// The table's displacements.\n\
         static FREQUENCY_DISPS: &[(u32, u32)] = &{:?};\n\
         /// Each slot's word (start and end in `FREQUENCY_WORDS`) and Zipf frequency x 10.\n\
         static FREQUENCY: &[(u32, u32, u8)] = &{:?};",
        words_file.display().to_string(),
        state.key,
        state.disps,
        entries
    )
    .expect("writing to a string");
    fs::write(Path::new(&out_dir).join("frequency.rs"), out).expect("write frequency.rs");
}
