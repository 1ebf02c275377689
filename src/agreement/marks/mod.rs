//! Reading a judge's marks: JSON Lines in the graded set's `judges.jsonl` shape (or
//! the calibration set's `judge-sheets.jsonl`, which names the case apart), or CSV
//! with a row per indicator. Every problem names its file and line; the whole file is
//! read before failing, so a coach fixes every line in one go.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::Code;

/// The judge named when a CSV has no `judge` column (or leaves it empty).
pub const DEFAULT_JUDGE: &str = "coach";

/// One judge's marks for one response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkSet {
    /// The case, as the folder names it (the case file's stem).
    pub case: String,
    /// The student: the response file's stem.
    pub student: String,
    /// Who marked it.
    pub judge: String,
    /// Points per indicator.
    pub indicators: BTreeMap<Code, u32>,
    /// The skills lines, when the marks have them (a CSV never does).
    pub skills: Option<Vec<u32>>,
    /// The judge's note on the whole response.
    pub note: Option<String>,
    /// Notes on single indicators (a CSV's `note` column).
    pub notes: BTreeMap<Code, String>,
    /// Where it was read: `file:line`, for messages.
    pub origin: String,
}

impl MarkSet {
    /// `case/student`, as `judges.jsonl` names a response.
    pub fn response(&self) -> String {
        format!("{}/{}", self.case, self.student)
    }
}

/// The ranges marks must fall in, from the evaluation form.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Points for one indicator.
    pub indicator_max: u32,
    /// Points for one skills line.
    pub skill_max: u32,
    /// How many skills lines the form has.
    pub skill_lines: usize,
}

/// A line that cannot be used, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkError {
    /// `file:line`.
    pub origin: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for MarkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[derive(Deserialize)]
struct RawLine {
    response: String,
    #[serde(default)]
    case: Option<String>,
    #[serde(default)]
    judge: Option<String>,
    indicators: BTreeMap<String, u32>,
    #[serde(default)]
    skills: Option<Vec<u32>>,
    #[serde(default)]
    note: Option<String>,
}

/// Reads marks from JSON Lines, one object per judge and response. `name` labels
/// messages.
pub fn from_jsonl(text: &str, name: &str, limits: Limits) -> Result<Vec<MarkSet>, Vec<MarkError>> {
    let mut marks = Vec::new();
    let mut errors = Vec::new();
    let expected = format!(
        "each line must be one JSON object such as {{\"response\": \"<case>/<student>\", \"judge\": \"judge-1\", \
\"indicators\": {{\"CR:004\": <0-{}>, ...}}, \"skills\": [<0-{}> x {}], \"note\": \"...\"}}",
        limits.indicator_max, limits.skill_max, limits.skill_lines
    );
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name}:{}", index + 1);
        let mut fail = |message: String| {
            errors.push(MarkError {
                origin: origin.clone(),
                message,
            })
        };
        let raw: RawLine = match serde_json::from_str(line) {
            Ok(raw) => raw,
            Err(e) => {
                fail(format!("{}; {expected}", without_position(&e)));
                continue;
            }
        };
        let (case, student) = match raw.case {
            Some(case) => (case, raw.response),
            None => match raw.response.split_once('/') {
                Some((case, student)) => (case.to_string(), student.to_string()),
                None => {
                    fail(format!(
                        "`response` is `{}`; expected `<case>/<student>` (or a separate `case`)",
                        raw.response
                    ));
                    continue;
                }
            },
        };
        let mut indicators = BTreeMap::new();
        let mut bad = Vec::new();
        for (code, points) in raw.indicators {
            match check_indicator(&code, points, limits) {
                Ok(code) => {
                    indicators.insert(code, points);
                }
                Err(message) => bad.push(message),
            }
        }
        if let Some(skills) = &raw.skills
            && let Err(message) = check_skills(skills, limits)
        {
            bad.push(message);
        }
        if indicators.is_empty() && bad.is_empty() {
            bad.push("`indicators` is empty; expected points for each indicator".into());
        }
        if !bad.is_empty() {
            fail(bad.join("; "));
            continue;
        }
        marks.push(MarkSet {
            case: case.trim().to_string(),
            student: student_name(&student),
            judge: judge_name(raw.judge.as_deref()),
            indicators,
            skills: raw.skills,
            note: raw.note.filter(|n| !n.trim().is_empty()),
            notes: BTreeMap::new(),
            origin,
        });
    }
    let errors = errors.into_iter().chain(duplicates(&marks)).collect();
    finish(marks, errors)
}

/// Reads marks from CSV with the columns `student`, `case`, `code` and `points`, and
/// optionally `judge` and `note`: a row per indicator, gathered per judge and response.
pub fn from_csv(text: &str, name: &str, limits: Limits) -> Result<Vec<MarkSet>, Vec<MarkError>> {
    let header_error = |message: String| {
        Err(vec![MarkError {
            origin: format!("{name}:1"),
            message,
        }])
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return header_error(e.to_string()),
    };
    let column = |want: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
    };
    let (Some(student), Some(case), Some(code), Some(points)) = (
        column("student"),
        column("case"),
        column("code"),
        column("points"),
    ) else {
        return header_error(
            "the header must name the columns student, case, code and points (judge and note are optional)".into(),
        );
    };
    let columns = Columns {
        student,
        case,
        code,
        points,
        judge: column("judge"),
        note: column("note"),
    };
    let mut gathered = Gathered::default();
    for record in reader.records() {
        match record {
            Ok(record) => gathered.add(&record, &columns, name, limits),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                gathered.errors.push(MarkError {
                    origin: format!("{name}:{line}"),
                    message: e.to_string(),
                });
            }
        }
    }
    finish(gathered.marks, gathered.errors)
}

/// Where each CSV column is.
struct Columns {
    student: usize,
    case: usize,
    code: usize,
    points: usize,
    judge: Option<usize>,
    note: Option<usize>,
}

/// The mark sets gathered from CSV rows so far, and the rows refused.
#[derive(Default)]
struct Gathered {
    marks: Vec<MarkSet>,
    errors: Vec<MarkError>,
    /// Where each (case, student, judge, code) was first marked, to refuse a second mark.
    seen: BTreeMap<(String, String, String, Code), String>,
}

impl Gathered {
    /// One row: a judge's points for one indicator of one response.
    fn add(&mut self, record: &csv::StringRecord, columns: &Columns, name: &str, limits: Limits) {
        let line = record.position().map_or(0, |p| p.line());
        let origin = format!("{name}:{line}");
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let (Some(s), Some(c), Some(k), Some(p)) = (
            cell(Some(columns.student)),
            cell(Some(columns.case)),
            cell(Some(columns.code)),
            cell(Some(columns.points)),
        ) else {
            self.errors.push(MarkError {
                origin,
                message: "missing student, case, code or points".into(),
            });
            return;
        };
        let checked = p
            .parse::<u32>()
            .map_err(|_| {
                format!(
                    "points `{p}` is not a whole number from 0 to {}",
                    limits.indicator_max
                )
            })
            .and_then(|points| check_indicator(k, points, limits).map(|code| (code, points)));
        let (code, points) = match checked {
            Ok(pair) => pair,
            Err(message) => {
                self.errors.push(MarkError { origin, message });
                return;
            }
        };
        let (s, j) = (student_name(s), judge_name(cell(columns.judge)));
        let key = (c.to_string(), s.clone(), j.clone(), code.clone());
        if let Some(first) = self.seen.get(&key) {
            self.errors.push(MarkError {
                origin,
                message: format!("{c}/{s} already has {code} from {j} at {first}"),
            });
            return;
        }
        self.seen.insert(key, origin.clone());
        let found = self
            .marks
            .iter()
            .position(|m| m.case == c && m.student == s && m.judge == j);
        let set = match found {
            Some(i) => &mut self.marks[i],
            None => {
                self.marks.push(MarkSet {
                    case: c.to_string(),
                    student: s,
                    judge: j,
                    indicators: BTreeMap::new(),
                    skills: None,
                    note: None,
                    notes: BTreeMap::new(),
                    origin,
                });
                let last = self.marks.len() - 1;
                &mut self.marks[last]
            }
        };
        if let Some(text) = cell(columns.note) {
            set.notes.insert(code.clone(), text.to_string());
        }
        set.indicators.insert(code, points);
    }
}

fn finish(marks: Vec<MarkSet>, errors: Vec<MarkError>) -> Result<Vec<MarkSet>, Vec<MarkError>> {
    if errors.is_empty() {
        Ok(marks)
    } else {
        Err(errors)
    }
}

fn check_indicator(code: &str, points: u32, limits: Limits) -> Result<Code, String> {
    let parsed = Code::parse(code)
        .ok_or_else(|| format!("`{code}` is not an indicator code such as CR:004"))?;
    if points > limits.indicator_max {
        return Err(format!(
            "{parsed} has {points} points; expected 0 to {}",
            limits.indicator_max
        ));
    }
    Ok(parsed)
}

fn check_skills(skills: &[u32], limits: Limits) -> Result<(), String> {
    if skills.len() != limits.skill_lines {
        return Err(format!(
            "`skills` has {} values; expected {}, one per skills line of the form",
            skills.len(),
            limits.skill_lines
        ));
    }
    match skills.iter().find(|&&s| s > limits.skill_max) {
        Some(s) => Err(format!(
            "a skills line has {s} points; expected 0 to {}",
            limits.skill_max
        )),
        None => Ok(()),
    }
}

/// The student as the response file's stem: `ana.txt` and `ana` are the same student.
fn student_name(text: &str) -> String {
    let text = text.trim();
    text.strip_suffix(".txt").unwrap_or(text).to_string()
}

fn judge_name(text: Option<&str>) -> String {
    text.map(str::trim)
        .filter(|j| !j.is_empty())
        .unwrap_or(DEFAULT_JUDGE)
        .to_string()
}

/// A second line for the same response and judge: which one counts is anyone's
/// guess, so both are refused.
fn duplicates(marks: &[MarkSet]) -> Vec<MarkError> {
    let mut first: BTreeMap<(&str, &str, &str), &str> = BTreeMap::new();
    let mut errors = Vec::new();
    for m in marks {
        let key = (m.case.as_str(), m.student.as_str(), m.judge.as_str());
        match first.get(&key) {
            Some(at) => errors.push(MarkError {
                origin: m.origin.clone(),
                message: format!(
                    "{} is marked by {} again (first at {at})",
                    m.response(),
                    m.judge
                ),
            }),
            None => {
                first.insert(key, &m.origin);
            }
        }
    }
    errors
}

/// serde_json's message without its " at line 1 column 9": the line is ours to give.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => format!("{} (column {})", &text[..at], e.column()),
        None => text,
    }
}

#[cfg(test)]
mod tests;
