//! Batch speed: 10,000 responses of 200 to 500 words, made from the shipped example
//! answers, scored by `roleplay batch` from JSON Lines, against `rg` searching the same
//! file for the same phrases. Goal: under 2 seconds on a 2-core machine.
//!
//! Run with `cargo bench --bench batch`.

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use roleplay::library::shipped;

const ROWS: usize = 10_000;

fn main() {
    let cases: Vec<_> = shipped::cases()
        .iter()
        .filter_map(|c| c.as_ref().ok())
        .collect();
    let dir = std::env::temp_dir().join(format!("roleplay-batch-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("class.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&input).expect("create"));
    // A small linear congruential generator: the same file every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut words_total = 0;
    for row in 0..ROWS {
        let case = cases[next(cases.len())];
        let words: Vec<&str> = case
            .examples
            .iter()
            .flat_map(|e| e.response.split_whitespace())
            .collect();
        let length = 200 + next(301);
        let start = next(words.len().max(1));
        let response: Vec<&str> = words
            .iter()
            .cycle()
            .skip(start)
            .take(length)
            .copied()
            .collect();
        words_total += response.len();
        let line = serde_json::json!({ "student": format!("s{row:05}"), "case": case.id, "response": response.join(" ") });
        writeln!(file, "{line}").expect("write");
    }
    drop(file);
    let patterns = dir.join("phrases.txt");
    let phrases: Vec<String> = shipped::rubrics()
        .expect("rubrics")
        .iter()
        .flat_map(|r| {
            r.concepts
                .iter()
                .flat_map(|c| c.phrases.iter().map(|p| p.0.clone()))
        })
        .collect();
    std::fs::write(&patterns, phrases.join("\n")).expect("write phrases");

    let roleplay = env!("CARGO_BIN_EXE_roleplay");
    let time = |command: &mut Command| -> Duration {
        let start = Instant::now();
        let status = command.status().expect("run");
        assert!(status.success(), "{command:?} failed");
        start.elapsed()
    };
    let mut best = Duration::MAX;
    for _ in 0..3 {
        best = best.min(time(
            Command::new(roleplay)
                .arg("batch")
                .arg(&input)
                .args(["--format", "csv", "-o", "/dev/null"])
                .env("NO_COLOR", "1"),
        ));
    }
    println!(
        "roleplay batch: {ROWS} responses, {words_total} words, best of 3: {:.3} s",
        best.as_secs_f64()
    );
    let rg = Command::new("rg").arg("--version").output();
    if rg.is_ok_and(|o| o.status.success()) {
        let mut rg_best = Duration::MAX;
        for _ in 0..3 {
            rg_best = rg_best.min(time(Command::new("sh").arg("-c").arg(format!(
                "rg -i -F -c -f {} {} > /dev/null",
                patterns.display(),
                input.display()
            ))));
        }
        println!(
            "rg -i -F -f ({} phrases) on the same file, best of 3: {:.3} s; roleplay / rg = {:.1}",
            phrases.len(),
            rg_best.as_secs_f64(),
            best.as_secs_f64() / rg_best.as_secs_f64()
        );
    } else {
        println!("rg is not installed; install ripgrep for the comparison");
    }
    if std::env::var_os("KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
