//! Scoring speed: one response of about 400 words on a five-indicator case (goal:
//! under 1 ms), and hostile runs with no punctuation at 5,000 and 20,000 words, whose
//! times must grow about fourfold, not sixteenfold (linear, not quadratic).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roleplay::engine::Scorer;
use roleplay::library::shipped;

fn bench(c: &mut Criterion) {
    let rubrics = shipped::rubrics().expect("rubrics");
    let form = shipped::default_form().expect("form");
    let case = shipped::cases()
        .iter()
        .filter_map(|c| c.as_ref().ok())
        .find(|c| c.indicators.len() == 5)
        .expect("a case");
    let strong = case
        .examples
        .iter()
        .find(|e| e.name == "strong")
        .map_or("", |e| e.response.as_str());
    // About 400 words: the strong example, cut at a word boundary.
    let response: String = strong.split_inclusive(' ').take(400).collect();
    let scorer = Scorer::new(case, rubrics, form).expect("scorer");
    c.bench_function("score 400 words on 5 indicators", |b| {
        b.iter(|| scorer.score(black_box(&response)))
    });
    for words in [5_000, 20_000] {
        let run = "sorry I will refund you ".repeat(words / 5);
        c.bench_function(&format!("score {words} words with no punctuation"), |b| {
            b.iter(|| scorer.score(black_box(&run)))
        });
    }
    c.bench_function("compile a case", |b| {
        b.iter(|| Scorer::new(black_box(case), rubrics, form).expect("scorer"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
