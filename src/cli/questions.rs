//! `roleplay questions` and `score --answers`: the judge's questions for a written
//! response, fixed and follow-ups, and the answers to them scored as a judge would.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::response::read_response;
use super::{CaseFolders, Format, ReportFormat, catalog, form_for, io_error, rubrics_and_form};
use crate::engine::{Scorecard, Scorer};
use crate::error::Error;
use crate::followup::{self, Asked, FollowUp};
use crate::history::store::Answer;
use crate::model::{Case, Form, RubricSet};
use crate::practice::session::Finished;
use crate::transcript::Delivery;

/// Arguments of `roleplay questions`.
#[derive(Debug, clap::Args)]
pub struct QuestionsArgs {
    /// The case: a path to a case file, or the id of a known case
    #[arg(long, value_name = "CASE")]
    pub case: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// How many follow-up questions to add, aimed at what the response missed (0 for none)
    #[arg(long = "follow-ups", value_name = "N", default_value_t = followup::DEFAULT_COUNT)]
    pub follow_ups: usize,
    /// An evaluation form file to score against instead of the shipped DECA form
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    #[command(flatten)]
    pub folders: CaseFolders,
    /// The response: a text file, or - for standard input
    #[arg(value_name = "RESPONSE")]
    pub response: PathBuf,
}

/// The follow-ups for a response on its own, before any answer: what `questions`
/// prints and what `score --answers` expects answers to.
pub(super) fn follow_ups_for(
    case: &Case,
    rubrics: &RubricSet,
    scorer: &Scorer,
    response: &str,
    count: usize,
) -> Vec<FollowUp> {
    if count == 0 {
        return Vec::new();
    }
    let card = scorer.score(response);
    followup::choose(case, rubrics, &card, count, followup::turn(&case.id))
}

pub(super) fn run(args: QuestionsArgs, out: &mut dyn Write) -> Result<ExitCode, Error> {
    // The engine's tables are built on the other core while the case is read.
    std::thread::spawn(crate::engine::warm_up);
    let (rubrics, form) = rubrics_and_form(args.form.as_ref())?;
    let case = catalog(&args.folders, rubrics)?.resolve(&args.case, rubrics)?;
    let form = form_for(&case, args.form.is_some(), &form)?;
    let response = read_response(&args.response)?;
    let scorer = Scorer::new(&case, rubrics, &form)?;
    let follow_ups = follow_ups_for(&case, rubrics, &scorer, &response, args.follow_ups);
    let fixed = case.judge_questions.len();
    let written = match args.format {
        Format::Json => {
            let mut list: Vec<serde_json::Value> = case
                .judge_questions
                .iter()
                .enumerate()
                .map(|(i, q)| serde_json::json!({"number": i + 1, "kind": "fixed", "question": q}))
                .collect();
            list.extend(follow_ups.iter().enumerate().map(|(i, f)| {
                serde_json::json!({
                    "number": fixed + i + 1,
                    "kind": "follow-up",
                    "indicator": f.indicator.as_str(),
                    "concept": f.concept,
                    "label": f.label,
                    "question": f.question,
                })
            }));
            let value = serde_json::json!({"case": case.id, "questions": list});
            serde_json::to_writer_pretty(&mut *out, &value)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Text => write_text(out, &case, &follow_ups),
    };
    written.map_err(|e| io_error(e, "write", "standard output"))?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut dyn Write, case: &Case, follow_ups: &[FollowUp]) -> std::io::Result<()> {
    let fixed = case.judge_questions.len();
    if fixed + follow_ups.len() == 0 {
        return writeln!(out, "The judge has no questions for this response.");
    }
    if fixed > 0 {
        writeln!(out, "The judge's questions:")?;
        for (i, q) in case.judge_questions.iter().enumerate() {
            writeln!(out, "  {}. {q}", i + 1)?;
        }
    }
    if !follow_ups.is_empty() {
        writeln!(out, "Follow-up questions, on what the response missed:")?;
        for (i, f) in follow_ups.iter().enumerate() {
            writeln!(
                out,
                "  {}. {}   [{} {}]",
                fixed + i + 1,
                f.question,
                f.indicator,
                f.label
            )?;
        }
    }
    writeln!(
        out,
        "\nWrite one answer per question, in this order, separated by a blank line (or by a line holding only \".\" when an answer has paragraphs; \"-\" for no answer), then run:\n  roleplay score --case {} RESPONSE --answers ANSWERS",
        case.id
    )
}

/// The response scored with its answers: the fixed questions' answers as the student's
/// own words (as `practice` scores them), the follow-ups' answers with capped credit.
pub(super) struct Answered {
    pub card: Scorecard,
    pub text: String,
    pub answers: Vec<Answer>,
    pub asked: Vec<Asked>,
}

/// Scores `response` with the answers in `path`, to the questions `questions` prints.
pub(super) fn score_answers(
    case: &Case,
    rubrics: &RubricSet,
    form: &Form,
    response: &str,
    path: &PathBuf,
    count: usize,
) -> Result<Answered, Error> {
    let scorer = Scorer::new(case, rubrics, form)?;
    let follow_ups = follow_ups_for(case, rubrics, &scorer, response, count);
    let mut given = followup::answers::split(&read_response(path)?).into_iter();
    let expected = case.judge_questions.len() + follow_ups.len();
    let answers: Vec<Answer> = case
        .judge_questions
        .iter()
        .map(|q| Answer {
            question: q.clone(),
            answer: given.next().unwrap_or_default(),
        })
        .collect();
    let answered: Vec<(FollowUp, String)> = follow_ups
        .into_iter()
        .map(|f| (f, given.next().unwrap_or_default()))
        .collect();
    let extra = given.count();
    if extra > 0 {
        super::warn(&format!(
            "{} holds {} more answer(s) than the {expected} question(s) `roleplay questions` asks; the extra ones are ignored",
            path.display(),
            extra
        ));
    }
    let finished = Finished {
        response: response.to_string(),
        answers,
    };
    let card = finished.score(&scorer, &case.judge_questions);
    let (card, asked) = followup::credit(&scorer, case, rubrics, form, &card, answered);
    Ok(Answered {
        card,
        text: finished.scored_text(),
        answers: finished.answers,
        asked,
    })
}

/// A report in any format with the follow-ups and the delivery sections added.
#[allow(clippy::too_many_arguments)]
pub(super) fn render_with_extras(
    format: ReportFormat,
    out: &mut dyn Write,
    card: &Scorecard,
    response: &str,
    form: &Form,
    context: &crate::report::Context<'_>,
    color: bool,
    asked: &[Asked],
    delivery: Option<&Delivery>,
) -> std::io::Result<()> {
    use crate::report;
    let view = || {
        report::view::View::new(card, response, form, *context)
            .with_follow_ups(asked)
            .with_delivery(delivery)
    };
    match format {
        ReportFormat::Json if asked.is_empty() && delivery.is_none() => {
            report::json::write(out, card, response)
        }
        ReportFormat::Json => {
            let mut value = report::json::value(card, response);
            add_json(&mut value, asked, delivery);
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)
        }
        ReportFormat::Text => report::text::write(out, &view(), super::style(color)),
        ReportFormat::Markdown => report::markdown::write(out, &view()),
        ReportFormat::Html => report::html::write(out, &view()),
    }
}

/// The keys added to the contract's JSON object: `follow_ups` and `delivery`, each
/// only when there is one.
pub(super) fn add_json(
    value: &mut serde_json::Value,
    asked: &[Asked],
    delivery: Option<&Delivery>,
) {
    if !asked.is_empty() {
        followup::render::json(value, asked);
    }
    if let (Some(d), Some(object)) = (delivery, value.as_object_mut()) {
        object.insert(
            "delivery".into(),
            serde_json::to_value(d).unwrap_or_default(),
        );
    }
}
