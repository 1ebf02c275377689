//! `roleplay drill`: flashcards of the indicators between role-plays.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::ValueEnum;

use super::history::open as open_history;
use super::{io_error, rubrics_and_form, warn};
use crate::error::Error;
use crate::history::progress::{indicator_records, weakest};
use crate::model::{Code, Form, Rubric, RubricSet};
use crate::practice::drill;

/// The drill modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Show each card, flip it with Enter
    Learn,
    /// Explain each indicator; the engine scores what you wrote
    Test,
    /// Spaced repetition: test the cards that are due, and schedule them again
    Review,
    /// Match codes to titles against the clock
    Match,
}

/// Where the cards come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Focus {
    /// The indicators you score lowest on in `roleplay progress`
    Weakest,
}

/// Arguments of `roleplay drill`.
#[derive(Debug, clap::Args)]
pub struct DrillArgs {
    /// The drill
    #[arg(value_enum)]
    pub mode: Mode,
    /// Draw the cards from your weakest indicators
    #[arg(long, value_enum)]
    pub focus: Option<Focus>,
    /// Only these indicators (repeatable)
    #[arg(long = "indicator", short = 'i', value_name = "CODE")]
    pub indicators: Vec<String>,
    /// Which framework's indicators: CR (DECA) or NOS
    #[arg(long, value_name = "PREFIX", default_value = "CR")]
    pub framework: String,
    /// How many cards
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub count: usize,
}

pub(super) fn run(args: DrillArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    let (rubrics, form) = rubrics_and_form(None)?;
    let mut deck = deck(&args, rubrics)?;
    let count = args.count.max(1);
    let stdin = io::stdin();
    let mut input = stdin.lock();
    match args.mode {
        Mode::Learn => {
            deck.truncate(count);
            let seen = drill::learn(&deck, &mut input, out).map_err(io)?;
            writeln!(out, "\n{seen} card(s) studied.").map_err(io)?;
        }
        Mode::Test => {
            deck.truncate(count);
            test(&deck, rubrics, &form, &mut input, out)?;
        }
        Mode::Review => review(&deck, count, rubrics, &form, &mut input, out)?,
        Mode::Match => {
            let mut random = super::random::generator();
            random.shuffle(&mut deck);
            deck.truncate(count);
            let mut order: Vec<usize> = (0..deck.len()).collect();
            random.shuffle(&mut order);
            drill::matching(&deck, &order, &mut input, out).map_err(io)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The error for a failed read or write on the terminal.
fn io(e: io::Error) -> Error {
    io_error(e, "use", "the terminal")
}

/// The framework's indicators, narrowed to those asked for, weakest first with
/// `--focus weakest`.
fn deck<'r>(args: &DrillArgs, rubrics: &'r RubricSet) -> Result<Vec<&'r Rubric>, Error> {
    let prefix = format!(
        "{}:",
        args.framework.trim_end_matches(':').to_ascii_uppercase()
    );
    let mut deck: Vec<&Rubric> = rubrics
        .iter()
        .filter(|r| r.code.as_str().starts_with(&prefix))
        .collect();
    if !args.indicators.is_empty() {
        let wanted: Vec<Code> = args
            .indicators
            .iter()
            .filter_map(|t| Code::parse_lenient(t))
            .collect();
        deck.retain(|r| wanted.contains(&r.code));
    }
    if args.focus == Some(Focus::Weakest) {
        let history = open_history()?;
        let attempts = history.list(None)?;
        super::history::warn_skipped(&history);
        let records = indicator_records(&attempts);
        let weak: Vec<Code> = weakest(&records).iter().map(|r| r.code.clone()).collect();
        if weak.is_empty() {
            warn("no attempts yet, so no weakest indicators: drilling them all");
        } else {
            deck.retain(|r| weak.contains(&r.code));
            deck.sort_by_key(|r| weak.iter().position(|c| *c == r.code));
        }
    }
    if deck.is_empty() {
        return Err(Error::Usage(
            "no indicators to drill; `roleplay rubric` lists them".into(),
        ));
    }
    Ok(deck)
}

/// Test: the student explains each card and the engine scores it.
fn test(
    deck: &[&Rubric],
    rubrics: &RubricSet,
    form: &Form,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let answered = drill::test(deck, rubrics, form, input, out).map_err(io)?;
    if answered.is_empty() {
        writeln!(
            out,
            "\nNo answer was given, so nothing was scored. Type what the indicator means and how you would show it, then {} on a line of its own.",
            crate::practice::session::END
        )
        .map_err(io)?;
    } else {
        let mean = answered.iter().map(|a| a.coverage).sum::<f64>() / answered.len() as f64;
        writeln!(
            out,
            "\n{} of {} card(s) answered; on average you covered {:.0}%.",
            answered.len(),
            deck.len(),
            (mean * 100.0).max(0.0)
        )
        .map_err(io)?;
    }
    Ok(())
}

/// Review: the cards that are due, each tested and scheduled again.
fn review(
    deck: &[&Rubric],
    count: usize,
    rubrics: &RubricSet,
    form: &Form,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let history = open_history()?;
    let now = now()?;
    let saved = history.cards()?;
    let due = drill::due(deck, &saved, now);
    if due.is_empty() {
        let next = saved
            .iter()
            .map(|s| s.due)
            .min()
            .map_or("later".into(), |d| d.to_rfc3339());
        writeln!(out, "Nothing is due. The next card is due {next}.").map_err(io)?;
        return Ok(());
    }
    let all_due = due.len();
    let due: Vec<&Rubric> = due.into_iter().take(count).collect();
    if all_due > due.len() {
        writeln!(
            out,
            "{all_due} card(s) due; reviewing {} of them (--count {count}).",
            due.len()
        )
        .map_err(io)?;
    } else {
        writeln!(out, "{all_due} card(s) due.").map_err(io)?;
    }
    let mut reviewed = 0;
    for rubric in &due {
        let answered =
            drill::test(std::slice::from_ref(rubric), rubrics, form, input, out).map_err(io)?;
        let Some(answer) = answered.first() else {
            break;
        };
        let rating = drill::rating_for(answer.coverage);
        let previous = saved.iter().find(|s| s.code == rubric.code.as_str());
        let next = drill::reschedule(previous, rubric.code.as_str(), rating, now).map_err(|e| {
            Error::Internal(format!(
                "the saved drill card of {} cannot be read: {e}",
                rubric.code
            ))
        })?;
        history.save_review(&next, now, rating as u8, answer.coverage)?;
        let next_due = next.due.format("%Y-%m-%d");
        writeln!(out, "  Rated {rating:?}; next review {next_due}.").map_err(io)?;
        reviewed += 1;
    }
    let left = all_due - reviewed;
    if left == 0 {
        writeln!(out, "\n{reviewed} card(s) reviewed; none left due.").map_err(io)?;
    } else {
        writeln!(
            out,
            "\n{reviewed} card(s) reviewed; {left} still due (`roleplay drill review` again)."
        )
        .map_err(io)?;
    }
    Ok(())
}

/// The time now, or `ROLEPLAY_NOW` (RFC 3339) for tests and demonstrations.
fn now() -> Result<DateTime<Utc>, Error> {
    match std::env::var("ROLEPLAY_NOW") {
        Ok(text) => DateTime::parse_from_rfc3339(&text)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|e| {
                Error::Usage(format!(
                    "ROLEPLAY_NOW `{text}` is not an RFC 3339 time: {e}"
                ))
            }),
        Err(_) => Ok(Utc::now()),
    }
}
