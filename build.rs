//! Embeds the shipped rubrics, form and cases. Each YAML file of `rubrics/`,
//! `rubrics/forms/` and `cases/` goes into `embedded.rs` twice: its text, for
//! `validate` and for error messages, and the same document as JSON, which start-up
//! reads several times faster than YAML. A file that is not valid YAML gets no JSON:
//! the program then reads its text and reports the problem with its position.
//!
//! The words of every shipped rubric phrase are compiled here too, with the core's own
//! code: every case compares its words with them, and stemming six thousand phrases was
//! a third of a command's start-up. So are the matcher keys of every shipped phrase
//! (rubric concepts and misconceptions, cases' `look_for`) and of its synonym
//! variants: compiling a case's phrases was half of `roleplay score`'s start-up.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut out = String::new();
    let mut rubrics: Vec<Option<serde_json::Value>> = Vec::new();
    let mut cases: Vec<serde_json::Value> = Vec::new();
    for (name, dir) in [
        ("RUBRICS", "rubrics"),
        ("FORMS", "rubrics/forms"),
        ("CASES", "cases"),
    ] {
        let dir = Path::new(&root).join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
        files.sort();
        writeln!(
            out,
            "/// Shipped files of `{}`: (file name, YAML text, the same as JSON or empty).",
            dir.display()
        )
        .unwrap();
        writeln!(out, "pub static {name}: &[(&str, &str, &str)] = &[").unwrap();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let file_name = file
                .file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 file names");
            let json = fs::read_to_string(&file)
                .ok()
                .and_then(|text| as_json(&text))
                .unwrap_or_default();
            match name {
                "RUBRICS" => rubrics.push(serde_json::from_str(&json).ok()),
                "CASES" => cases.extend(serde_json::from_str(&json).ok()),
                _ => {}
            }
            let json_file = Path::new(&out_dir).join(format!("{name}-{file_name}.json"));
            fs::write(&json_file, json).expect("write the JSON copy");
            writeln!(
                out,
                "    ({file_name:?}, include_str!({:?}), include_str!({:?})),",
                file.display().to_string(),
                json_file.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    write_phrase_words(&mut out, &rubrics);
    write_titles(&mut out, &rubrics);
    write_phrase_keys(&mut out, &rubrics, &cases);
    fs::write(Path::new(&out_dir).join("embedded.rs"), out).expect("write embedded.rs");
}

/// The words of the shipped rubrics' phrases, as `RubricSet::phrase_words` compiles
/// them; `None` when a rubric could not be read (the program compiles them itself).
fn write_phrase_words(out: &mut String, rubrics: &[Option<serde_json::Value>]) {
    let phrases: Option<Vec<&str>> = rubrics
        .iter()
        .map(|rubric| {
            let concepts = rubric.as_ref()?.get("concepts")?.as_array()?;
            Some(concepts.iter().filter_map(|c| c.get("phrases")?.as_array()))
        })
        .collect::<Option<Vec<_>>>()
        .map(|lists| {
            lists
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(serde_json::Value::as_str)
                .collect()
        });
    writeln!(
        out,
        "/// The words of the shipped rubrics' phrases: (single, all), sorted, a word a line."
    )
    .unwrap();
    let Some(phrases) = phrases else {
        writeln!(out, "pub static PHRASE_WORDS: Option<(&str, &str)> = None;").unwrap();
        return;
    };
    let words = roleplay_core::model::PhraseWords::of(phrases);
    // One text per list, a word a line: a table of string slices would be relocated at
    // every start.
    let sorted = |words: &mut dyn Iterator<Item = &String>| {
        let mut list: Vec<String> = words.cloned().collect();
        list.sort();
        list.join("\n")
    };
    writeln!(
        out,
        "pub static PHRASE_WORDS: Option<(&str, &str)> = Some(({:?}, {:?}));",
        sorted(&mut words.single.iter()),
        sorted(&mut words.all.iter())
    )
    .unwrap();
}

/// The shipped rubrics' titles, a title a line; `None` when a rubric could not be read.
fn write_titles(out: &mut String, rubrics: &[Option<serde_json::Value>]) {
    let titles: Option<Vec<&str>> = rubrics
        .iter()
        .map(|r| r.as_ref()?.get("title")?.as_str())
        .collect();
    writeln!(out, "/// The shipped rubrics' titles, a title a line.").unwrap();
    writeln!(
        out,
        "pub static RUBRIC_TITLES: Option<&str> = {:?};",
        titles.map(|t| t.join("\n"))
    )
    .unwrap();
}

/// The matcher keys of every shipped phrase, sorted by phrase, as
/// `roleplay_core::model::CompiledKeys` holds them. A phrase left out (a number, or a
/// file that could not be read) is compiled by the program when it is needed.
fn write_phrase_keys(
    out: &mut String,
    rubrics: &[Option<serde_json::Value>],
    cases: &[serde_json::Value],
) {
    let strings = |list: Option<&serde_json::Value>| -> Vec<String> {
        list.and_then(serde_json::Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let items = |value: &serde_json::Value, key: &str| -> Vec<serde_json::Value> {
        value
            .get(key)
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut phrases: Vec<String> = Vec::new();
    for rubric in rubrics.iter().flatten() {
        for item in items(rubric, "concepts")
            .iter()
            .chain(&items(rubric, "misconceptions"))
        {
            phrases.extend(strings(item.get("phrases")));
        }
    }
    for case in cases {
        let look_for = case.get("look_for").and_then(serde_json::Value::as_object);
        for list in look_for.into_iter().flat_map(|m| m.values()) {
            for item in list.as_array().into_iter().flatten() {
                phrases.extend(strings(item.get("phrases")));
            }
        }
    }
    phrases.sort();
    phrases.dedup();
    let mut cache = roleplay_core::text::WordCache::default();
    let keyed: Vec<_> = phrases
        .into_iter()
        .map(|phrase| {
            let (key, variants) = roleplay_core::engine::matcher::phrase_keys(&phrase, &mut cache);
            (phrase, key, variants)
        })
        .collect();
    let (text, entries, variants) = roleplay_core::model::CompiledKeys::encode(&keyed);
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let text_file = Path::new(&out_dir).join("phrase-keys.txt");
    fs::write(&text_file, text).expect("write the phrase keys");
    writeln!(
        out,
        "/// Matcher keys of the shipped phrases, as `CompiledKeys` holds them."
    )
    .unwrap();
    writeln!(
        out,
        "pub static PHRASE_KEYS: roleplay_core::model::CompiledKeys = roleplay_core::model::CompiledKeys {{ text: include_str!({:?}), entries: &{entries:?}, variants: &{variants:?} }};",
        text_file.display().to_string()
    )
    .unwrap();
}

/// The document as JSON, or `None` when it is not one valid YAML document.
fn as_json(text: &str) -> Option<String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_yaml::from_str(body).ok()?;
    serde_json::to_string(&value).ok()
}
