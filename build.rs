//! Embeds the shipped rubrics, form and cases: lists the YAML files of `rubrics/`,
//! `rubrics/forms/` and `cases/` into `embedded.rs` as `include_str!` calls.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut out = String::new();
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
            "/// Shipped files of `{}`: (file name, contents).",
            dir.display()
        )
        .unwrap();
        writeln!(out, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let file_name = file
                .file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 file names");
            writeln!(
                out,
                "    ({file_name:?}, include_str!({:?})),",
                file.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("embedded.rs"), out).expect("write embedded.rs");
}
