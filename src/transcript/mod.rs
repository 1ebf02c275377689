//! Spoken transcripts from a dictation app: plain text, SRT or WebVTT. Timestamps,
//! cue numbers, markup and speaker labels are stripped before scoring; the timings
//! are kept for the delivery figures.

pub mod delivery;

use std::sync::LazyLock;

use regex::Regex;

pub use delivery::Delivery;

/// One stretch of speech: a cue of SRT or WebVTT, or a line of plain text.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// When it starts, in seconds, if the transcript says.
    pub start: Option<f64>,
    /// When it ends, in seconds, if the transcript says.
    pub end: Option<f64>,
    /// Who speaks, if a label says.
    pub speaker: Option<String>,
    /// The words, markup and labels stripped.
    pub text: String,
}

/// A transcript, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Transcript {
    /// Every stretch of speech, in order.
    pub segments: Vec<Segment>,
    /// The speaker whose words are scored, when labels name more than one.
    pub student: Option<String>,
}

static TIMING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)")
        .ok()
});
/// A timestamp at the start of a plain line: `[00:01:02]`, `(1:02)`, `00:12 `.
static LEADING_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*[\[(]?((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*(?:-\s*)?").ok()
});
/// A speaker label: `Judge:`, `Speaker 1:`, `MS. DIAZ:`, `>> Student:`.
static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:>>\s*)?([A-Z][A-Za-z.'-]*(?: [A-Za-z0-9.'-]+){0,2})\s*:\s+").ok()
});
static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"<[^>]*>").ok());
static VOICE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"<v(?:\.[^ >]+)?\s+([^>]+)>").ok());

/// Seconds from `hh:mm:ss,mmm`, `mm:ss.mmm` and the like.
fn seconds(stamp: &str) -> Option<f64> {
    let stamp = stamp.replace(',', ".");
    let mut total = 0.0;
    for part in stamp.split(':') {
        total = total * 60.0 + part.parse::<f64>().ok()?;
    }
    Some(total)
}

/// Splits a speaker label off a line.
fn label(line: &str) -> (Option<String>, &str) {
    let Some(re) = LABEL.as_ref() else {
        return (None, line);
    };
    match re.captures(line) {
        // A sentence such as "Note: ..." could look like a label; a label is short.
        Some(c) if c[1].len() <= 24 => {
            let end = c.get(0).map_or(0, |m| m.end());
            (Some(c[1].trim().to_string()), &line[end..])
        }
        _ => (None, line),
    }
}

fn strip_tags(text: &str) -> String {
    TAG.as_ref().map_or_else(
        || text.to_string(),
        |re| re.replace_all(text, "").into_owned(),
    )
}

/// Reads a transcript in any of the formats; plain text when it has no cue timings.
pub fn parse(text: &str) -> Transcript {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let timed = text
        .lines()
        .any(|l| TIMING.as_ref().is_some_and(|re| re.is_match(l)));
    let segments = if timed { cues(text) } else { plain(text) };
    let student = student(&segments);
    Transcript { segments, student }
}

/// SRT and WebVTT: blocks separated by blank lines, each with a timing line.
fn cues(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let normalized = text.replace("\r\n", "\n");
    for block in normalized.split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
        let Some(at) = lines
            .iter()
            .position(|l| TIMING.as_ref().is_some_and(|re| re.is_match(l)))
        else {
            continue; // WEBVTT header, NOTE, STYLE, REGION blocks
        };
        let (start, end) = TIMING
            .as_ref()
            .and_then(|re| re.captures(lines[at]))
            .map_or((None, None), |c| (seconds(&c[1]), seconds(&c[2])));
        let mut speaker = None;
        let mut words = Vec::new();
        for line in &lines[at + 1..] {
            if let Some(v) = VOICE.as_ref().and_then(|re| re.captures(line)) {
                speaker = Some(v[1].trim().to_string());
            }
            let (named, rest) = label(line);
            if named.is_some() {
                speaker = named;
            }
            let rest = strip_tags(rest);
            if !rest.trim().is_empty() {
                words.push(rest.trim().to_string());
            }
        }
        segments.push(Segment {
            start,
            end,
            speaker,
            text: words.join(" "),
        });
    }
    segments
}

/// Plain text: each line, with any leading timestamp and speaker label taken off. A
/// line without a label continues the last speaker.
fn plain(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut speaker = None;
    for line in text.lines() {
        let mut rest = line;
        let mut start = None;
        if let Some(m) = LEADING_TIME.as_ref().and_then(|re| re.captures(rest)) {
            start = seconds(&m[1]);
            rest = &rest[m.get(0).map_or(0, |m| m.end())..];
        }
        let (named, words) = label(rest);
        if named.is_some() {
            speaker = named;
        }
        segments.push(Segment {
            start,
            end: None,
            speaker: speaker.clone(),
            text: words.trim().to_string(),
        });
    }
    segments
}

/// With two or more speakers, the one who says the most: the student presenting.
fn student(segments: &[Segment]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in segments {
        let Some(name) = &s.speaker else { continue };
        let words = s.text.split_whitespace().count();
        match counts.iter_mut().find(|(n, _)| n == name) {
            Some((_, c)) => *c += words,
            None => counts.push((name.clone(), words)),
        }
    }
    if counts.len() < 2 {
        return None;
    }
    counts
        .into_iter()
        .max_by_key(|(_, c)| *c)
        .map(|(name, _)| name)
}

impl Transcript {
    /// Whether a segment is the student's (every segment, with one speaker or none).
    pub fn is_students(&self, segment: &Segment) -> bool {
        match (&self.student, &segment.speaker) {
            (Some(student), Some(speaker)) => student == speaker,
            (Some(_), None) => true,
            (None, _) => true,
        }
    }

    /// The student's words, a paragraph per segment (plain text keeps its blank lines).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in self.segments.iter().filter(|s| self.is_students(s)) {
            if s.text.is_empty() {
                if !out.ends_with("\n\n") && !out.is_empty() {
                    out.push('\n');
                }
                continue;
            }
            out.push_str(&s.text);
            out.push('\n');
        }
        out.trim_end().to_string()
    }

    /// Whether the transcript has timings.
    pub fn timed(&self) -> bool {
        self.segments.iter().any(|s| s.start.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srt_loses_its_numbers_and_timings() {
        let t = parse(
            "1\n00:00:01,000 --> 00:00:04,500\nHello, Mr. Kessler.\n\n2\n00:00:05,000 --> 00:00:08,000\nI'm sorry about the skis.\n",
        );
        assert_eq!(t.text(), "Hello, Mr. Kessler.\nI'm sorry about the skis.");
        assert_eq!(t.segments[1].start, Some(5.0));
        assert_eq!(t.segments[0].end, Some(4.5));
    }

    #[test]
    fn webvtt_loses_its_header_notes_settings_and_voice_tags() {
        let t = parse(
            "WEBVTT\n\nNOTE made by an app\n\nintro\n00:01.000 --> 00:03.000 align:start\n<v Student>Hello <i>there</i>.</v>\n\n00:04.000 --> 00:06.000\n<v Judge>Hi.</v>\n\n00:07.000 --> 00:12.000\n<v Student>Let me explain the policy to you now.</v>\n",
        );
        assert_eq!(t.student.as_deref(), Some("Student"));
        assert_eq!(
            t.text(),
            "Hello there.\nLet me explain the policy to you now."
        );
    }

    #[test]
    fn plain_text_loses_leading_times_and_labels_and_keeps_the_student() {
        let t = parse(
            "[00:00:02] Judge: Why can't I get a refund?\n[00:00:05] Student: Thank you for asking, Mr. Kessler.\nThe policy is there to be fair.\n",
        );
        assert_eq!(t.student.as_deref(), Some("Student"));
        assert_eq!(
            t.text(),
            "Thank you for asking, Mr. Kessler.\nThe policy is there to be fair."
        );
        let untimed = parse("Hello there.\n\nA second paragraph.");
        assert!(!untimed.timed());
        assert_eq!(untimed.text(), "Hello there.\n\nA second paragraph.");
    }
}
