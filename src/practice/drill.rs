//! Drills between role-plays: flashcards of the indicators. `learn` shows and flips,
//! `test` scores what the student says an indicator means against its concepts,
//! `review` is `test` on the cards that spaced repetition (FSRS) says are due, and
//! `match` pairs codes with titles against the clock. Line-based over any
//! `BufRead`/`Write`, so tests drive it with a `Cursor`.

use std::io::{self, BufRead, Write};
use std::time::Instant;

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Rating};

use crate::engine::{Scorer, Status, bare_case};
use crate::history::store::SavedCard;
use crate::model::{Form, Rubric, RubricSet};
use crate::practice::session::END;
use crate::words::wrap;

/// One line of input; `None` at the end.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}

/// Lines up to a line holding only `.`, joined.
fn read_answer(input: &mut dyn BufRead, out: &mut dyn Write) -> io::Result<Option<String>> {
    let mut lines = Vec::new();
    loop {
        write!(out, "> ")?;
        out.flush()?;
        match read_line(input)? {
            None if lines.is_empty() => return Ok(None),
            None => break,
            Some(line) if line.trim() == END => break,
            Some(line) => lines.push(line),
        }
    }
    Ok(Some(lines.join("\n")))
}

fn front(out: &mut dyn Write, n: usize, total: usize, rubric: &Rubric) -> io::Result<()> {
    writeln!(
        out,
        "\nCard {n} of {total}: {} {}",
        rubric.code, rubric.title
    )
}

fn back(out: &mut dyn Write, rubric: &Rubric) -> io::Result<()> {
    for line in wrap(&rubric.definition, 76) {
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "  In a role-play:")?;
    for tip in &rubric.approach {
        for (i, line) in wrap(tip, 72).iter().enumerate() {
            writeln!(out, "  {} {line}", if i == 0 { "-" } else { " " })?;
        }
    }
    writeln!(out, "  A judge listens for:")?;
    for concept in &rubric.concepts {
        writeln!(out, "  * {}", concept.label)?;
    }
    Ok(())
}

/// Learn: show each card's front, flip on Enter, move on; `q` stops. Returns cards seen.
pub fn learn(deck: &[&Rubric], input: &mut dyn BufRead, out: &mut dyn Write) -> io::Result<usize> {
    for (n, rubric) in deck.iter().enumerate() {
        front(out, n + 1, deck.len(), rubric)?;
        writeln!(out, "  (think of what it means, then press Enter to flip)")?;
        if read_line(input)?.is_none_or(|l| l.trim() == "q") {
            return Ok(n);
        }
        back(out, rubric)?;
        writeln!(out, "  (Enter for the next card, q to stop)")?;
        if read_line(input)?.is_none_or(|l| l.trim() == "q") {
            return Ok(n + 1);
        }
    }
    Ok(deck.len())
}

/// What one answer in `test` or `review` earned.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    /// The indicator.
    pub code: String,
    /// Share of the indicator's concept weight the answer earned, 0 to 1.
    pub coverage: f64,
}

/// Scores what a student wrote about an indicator against its concepts. In a drill the
/// student names the ideas ("listen", "follow up") rather than acting them out, so each
/// concept's own name counts as a phrase too, and listing steps is not stuffing.
pub fn drill_scorecard(
    rubric: &Rubric,
    rubrics: &RubricSet,
    form: &Form,
    answer: &str,
) -> Result<crate::engine::Scorecard, crate::engine::EngineError> {
    let mut named = rubric.clone();
    for concept in &mut named.concepts {
        concept
            .phrases
            .push(crate::model::Phrase(concept.id.replace('-', " ")));
    }
    let mut all: Vec<Rubric> = rubrics
        .iter()
        .filter(|r| r.code != rubric.code)
        .cloned()
        .collect();
    all.push(named);
    let set = RubricSet::new(all);
    let case = bare_case(&rubric.code, "");
    Ok(Scorer::new(&case, &set, form)?
        .without_stuffing()
        .score(answer))
}

/// Scores an answer with [`drill_scorecard`] and writes what was credited and missed.
pub fn score_answer(
    rubric: &Rubric,
    rubrics: &RubricSet,
    form: &Form,
    answer: &str,
    out: &mut dyn Write,
) -> io::Result<f64> {
    // A rubric the engine cannot compile is roleplay's bug: say so rather than score 0.
    let card = drill_scorecard(rubric, rubrics, form, answer).map_err(|e| {
        io::Error::other(format!(
            "internal error (a bug in roleplay, please report it): {e}"
        ))
    })?;
    let Some(line) = card.indicators.first() else {
        return Ok(0.0);
    };
    writeln!(
        out,
        "  You covered {:.0}% of what a judge listens for.",
        line.coverage * 100.0
    )?;
    for e in line
        .evidence
        .iter()
        .filter(|e| e.status == Status::Credited)
    {
        writeln!(out, "  + {}: \"{}\"", e.label, &answer[e.span])?;
    }
    for e in line
        .evidence
        .iter()
        .filter(|e| matches!(e.status, Status::Negated(_) | Status::Stuffed(_)))
    {
        writeln!(
            out,
            "  x {}: no credit, {}",
            e.label,
            e.status.why(answer).unwrap_or_default()
        )?;
    }
    for m in &line.missed {
        writeln!(out, "  - missed: {}", m.label)?;
        for text in wrap(&format!("tip: {}", m.tip), 70) {
            writeln!(out, "      {text}")?;
        }
    }
    Ok(line.coverage)
}

/// Test: for each card, the student explains the indicator and how to show it; the
/// engine scores the answer. An empty answer or end of input stops.
pub fn test(
    deck: &[&Rubric],
    rubrics: &RubricSet,
    form: &Form,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Vec<Answered>> {
    let mut answered = Vec::new();
    for (n, rubric) in deck.iter().enumerate() {
        front(out, n + 1, deck.len(), rubric)?;
        writeln!(
            out,
            "  What does it mean, and how would you show it in a role-play? End with {END} on a line of its own."
        )?;
        let Some(answer) = read_answer(input, out)? else {
            break;
        };
        if answer.trim().is_empty() {
            break;
        }
        let coverage = score_answer(rubric, rubrics, form, &answer, out)?;
        answered.push(Answered {
            code: rubric.code.to_string(),
            coverage,
        });
    }
    Ok(answered)
}

/// The FSRS rating an answer's coverage earns.
pub fn rating_for(coverage: f64) -> Rating {
    match coverage {
        c if c >= 0.6 => Rating::Easy,
        c if c >= 0.4 => Rating::Good,
        c if c >= 0.2 => Rating::Hard,
        _ => Rating::Again,
    }
}

/// The cards due at `now`, soonest first: saved cards past due, then cards never
/// reviewed (in code order).
pub fn due<'a>(deck: &[&'a Rubric], saved: &[SavedCard], now: DateTime<Utc>) -> Vec<&'a Rubric> {
    let mut due: Vec<(&'a Rubric, Option<DateTime<Utc>>)> = Vec::new();
    for rubric in deck {
        match saved.iter().find(|s| s.code == rubric.code.as_str()) {
            Some(card) => {
                if card.due <= now {
                    due.push((rubric, Some(card.due)));
                }
            }
            None => due.push((rubric, None)),
        }
    }
    // Reviewed cards that are due come before new ones.
    due.sort_by_key(|(r, when)| (when.is_none(), *when, r.code.clone()));
    due.into_iter().map(|(r, _)| r).collect()
}

/// The next schedule of a card after a review with `rating` at `now`. A saved card
/// that cannot be read is an error, not a silent fresh start.
pub fn reschedule(
    saved: Option<&SavedCard>,
    code: &str,
    rating: Rating,
    now: DateTime<Utc>,
) -> Result<SavedCard, serde_json::Error> {
    let card = match saved {
        Some(s) => serde_json::from_str::<Card>(&s.card)?,
        None => Card {
            due: now,
            last_review: now,
            ..Card::default()
        },
    };
    let next = FSRS::default().next(card, now, rating).card;
    Ok(SavedCard {
        code: code.to_string(),
        card: serde_json::to_string(&next)?,
        due: next.due,
    })
}

/// How a round of matching went.
#[derive(Clone, Debug, PartialEq)]
pub struct Matched {
    /// Pairs right.
    pub right: usize,
    /// Pairs asked.
    pub total: usize,
    /// Seconds taken.
    pub seconds: f64,
}

/// Match: the codes numbered, the titles lettered in a shuffled order; the student
/// types pairs such as `1c 2a 3b`. `order` is the shuffle, a permutation of the deck.
pub fn matching(
    deck: &[&Rubric],
    order: &[usize],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Matched> {
    let letters: Vec<char> = ('a'..='z').take(deck.len()).collect();
    writeln!(
        out,
        "\nMatch each code to its title. Type the pairs, such as 1{} 2{}, then Enter.",
        letters[0],
        letters[letters.len().min(2) - 1]
    )?;
    for (n, rubric) in deck.iter().enumerate() {
        writeln!(out, "  {}. {}", n + 1, rubric.code)?;
    }
    for (letter, &index) in letters.iter().zip(order) {
        writeln!(out, "  {letter}) {}", deck[index].title)?;
    }
    let start = Instant::now();
    // Ask until the pairs can be read: a typo is refused with the form, not scored.
    let pairs = loop {
        write!(out, "> ")?;
        out.flush()?;
        let Some(answer) = read_line(input)? else {
            break Vec::new();
        };
        match parse_pairs(&answer, deck.len()) {
            Ok(pairs) => break pairs,
            Err(why) => writeln!(
                out,
                "  {why}. Type pairs such as 1{} 2{}: a number from 1 to {}, then a letter from a to {}, each number once.",
                letters[0],
                letters[letters.len().min(2) - 1],
                deck.len(),
                letters[letters.len() - 1]
            )?,
        }
    };
    let seconds = start.elapsed().as_secs_f64();
    let mut right = 0;
    for (n, rubric) in deck.iter().enumerate() {
        let slot = order.iter().position(|&i| i == n).unwrap_or(0);
        let given = pairs
            .iter()
            .find(|(number, _)| *number == n)
            .map(|(_, l)| *l);
        let (mark, note) = match given {
            Some(l) if l == slot => {
                right += 1;
                ("right", String::new())
            }
            Some(l) => (
                "WRONG",
                format!(
                    "\n           you paired it with {}) {}",
                    letters[l], deck[order[l]].title
                ),
            ),
            None => ("WRONG", "\n           (no pair given)".to_string()),
        };
        writeln!(
            out,
            "  {mark:<5}  {}{}  {} {}{note}",
            n + 1,
            letters[slot],
            rubric.code,
            rubric.title
        )?;
    }
    writeln!(out, "{right} of {} right in {seconds:.0} s.", deck.len())?;
    Ok(Matched {
        right,
        total: deck.len(),
        seconds,
    })
}

/// Reads pairs such as `1c 2a, 3b` into (code index, letter index); an error says
/// what could not be read.
fn parse_pairs(answer: &str, n: usize) -> Result<Vec<(usize, usize)>, String> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let words: Vec<&str> = answer
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    if words.is_empty() {
        return Err("No pairs were typed".into());
    }
    for word in words {
        let lower = word.to_lowercase();
        let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
        let rest = &lower[digits.len()..];
        let (Ok(number), Some(letter), 1) = (
            digits.parse::<usize>(),
            rest.chars().next(),
            rest.chars().count(),
        ) else {
            return Err(format!("`{word}` is not a pair"));
        };
        let slot = (letter as usize).wrapping_sub('a' as usize);
        if !(1..=n).contains(&number) || slot >= n {
            return Err(format!("`{word}` is out of range"));
        }
        if pairs.iter().any(|(k, _)| *k == number - 1) {
            return Err(format!("{number} is paired twice"));
        }
        pairs.push((number - 1, slot));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests;
