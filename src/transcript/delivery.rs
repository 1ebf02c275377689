//! How the presentation was delivered, from a transcript: pace, fillers, the longest
//! pause and how much of the time was used, each beside the range a judge finds
//! comfortable, with a tip when it falls outside.

use serde::Serialize;

use super::Transcript;

/// Filler words and phrases counted, as whole words.
pub const FILLERS: [&str; 9] = [
    "um", "umm", "uh", "uhh", "er", "erm", "like", "you know", "kind of",
];

/// Comfortable speaking pace, words per minute.
pub const PACE: (f64, f64) = (120.0, 165.0);
/// At most this many fillers a minute go unnoticed.
pub const FILLERS_PER_MINUTE: f64 = 3.0;
/// A pause longer than this, in seconds, loses the judge.
pub const PAUSE: f64 = 5.0;
/// The share of the presentation time a full answer uses.
pub const TIME_USED: (f64, f64) = (0.5, 1.0);

/// The delivery figures; those that need timings are `None` for plain text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Delivery {
    /// The student's words.
    pub words: usize,
    /// Whose words were scored, when the transcript names more than one speaker.
    pub speaker: Option<String>,
    /// Minutes from the first timestamp to the last.
    pub minutes: Option<f64>,
    /// The student's words per minute of their own speaking span.
    pub words_per_minute: Option<f64>,
    /// Filler words and phrases the student said.
    pub fillers: usize,
    /// Fillers per minute (per minute of the student's span).
    pub fillers_per_minute: Option<f64>,
    /// The longest silence between two cues, in seconds.
    pub longest_pause: Option<f64>,
    /// The share of the presentation time used, 0 to 1 and beyond.
    pub time_used: Option<f64>,
    /// The presentation time, in minutes.
    pub time_allowed: u64,
    /// What to work on, one line per figure outside its range.
    pub tips: Vec<String>,
}

/// Counts the fillers in some words: whole words, any case. "Like" after "would" or
/// "'d" is a verb, not a filler.
pub fn count_fillers(text: &str) -> usize {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut count = 0;
    let mut i = 0;
    while i < words.len() {
        let two = words.get(i + 1).map(|next| format!("{} {next}", words[i]));
        if two.as_deref().is_some_and(|t| FILLERS.contains(&t)) {
            count += 1;
            i += 2;
            continue;
        }
        let verb = words[i] == "like"
            && i > 0
            && (words[i - 1] == "would" || words[i - 1].ends_with("'d"));
        if FILLERS.contains(&words[i].as_str()) && !verb {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The figures for a transcript presented in `minutes_allowed` minutes.
pub fn measure(transcript: &Transcript, minutes_allowed: u64) -> Delivery {
    let own: Vec<_> = transcript
        .segments
        .iter()
        .filter(|s| transcript.is_students(s))
        .collect();
    let words: usize = own.iter().map(|s| s.text.split_whitespace().count()).sum();
    let fillers: usize = own.iter().map(|s| count_fillers(&s.text)).sum();
    let ends = |segments: &mut dyn Iterator<Item = &&super::Segment>| {
        let mut first = None::<f64>;
        let mut last = None::<f64>;
        for s in segments {
            if let Some(start) = s.start {
                first = Some(first.map_or(start, |f| f.min(start)));
            }
            if let Some(end) = s.end.or(s.start) {
                last = Some(last.map_or(end, |l| l.max(end)));
            }
        }
        first.zip(last).map(|(f, l)| (l - f).max(0.0) / 60.0)
    };
    let all: Vec<_> = transcript.segments.iter().collect();
    let minutes = ends(&mut all.iter()).filter(|m| *m > 0.0);
    let own_minutes = ends(&mut own.iter()).filter(|m| *m > 0.0);
    let words_per_minute = own_minutes.map(|m| words as f64 / m);
    let fillers_per_minute = own_minutes.map(|m| fillers as f64 / m);
    let longest_pause = longest_pause(transcript);
    let time_used = minutes.map(|m| m / minutes_allowed.max(1) as f64);
    let mut delivery = Delivery {
        words,
        speaker: transcript.student.clone(),
        minutes,
        words_per_minute,
        fillers,
        fillers_per_minute,
        longest_pause,
        time_used,
        time_allowed: minutes_allowed,
        tips: Vec::new(),
    };
    delivery.tips = tips(&delivery);
    delivery
}

/// The longest gap between the end of one cue and the start of the next. Only cues
/// with both ends count: a plain line's start alone says nothing about silence.
fn longest_pause(transcript: &Transcript) -> Option<f64> {
    let timed: Vec<_> = transcript
        .segments
        .iter()
        .filter_map(|s| s.start.zip(s.end))
        .collect();
    if timed.len() < 2 {
        return None;
    }
    timed
        .windows(2)
        .map(|w| (w[1].0 - w[0].1).max(0.0))
        .max_by(f64::total_cmp)
}

fn tips(d: &Delivery) -> Vec<String> {
    let mut tips = Vec::new();
    if let Some(wpm) = d.words_per_minute {
        if wpm < PACE.0 {
            tips.push("Pick up the pace a little: rehearse the opening until it flows, and cut long silences mid-sentence.".into());
        } else if wpm > PACE.1 {
            tips.push("Slow down: pause after each key point (the apology, the offer, the policy) so the judge can take it in.".into());
        }
    }
    let fillers_high = match d.fillers_per_minute {
        Some(rate) => rate > FILLERS_PER_MINUTE,
        None => d.words > 0 && d.fillers as f64 * 100.0 / d.words as f64 > 2.0,
    };
    if fillers_high {
        tips.push("Fewer fillers: when you need a moment, close your mouth and pause instead of saying \"um\" or \"like\".".into());
    }
    if d.longest_pause.is_some_and(|p| p > PAUSE) {
        tips.push("A long silence loses the judge: keep a one-line outline of your points in your notes to glance at.".into());
    }
    if let Some(used) = d.time_used {
        if used < TIME_USED.0 {
            tips.push("You used less than half the time: each indicator deserves a full point, with a fact from the case and what you will do.".into());
        } else if used > TIME_USED.1 {
            tips.push("You ran over the time: a judge stops you at the limit, so lead with the solution and keep the background short.".into());
        }
    }
    tips
}

fn figure(value: Option<f64>, unit: &str) -> String {
    value.map_or_else(|| "n/a (no timestamps)".into(), |v| format!("{v:.0}{unit}"))
}

/// The lines of the section, label then value then the comfortable range.
pub fn lines(d: &Delivery) -> Vec<(String, String, String)> {
    vec![
        (
            "Words per minute".into(),
            figure(d.words_per_minute, ""),
            format!("{:.0} to {:.0}", PACE.0, PACE.1),
        ),
        (
            "Filler words per minute".into(),
            match d.fillers_per_minute {
                Some(rate) => format!("{rate:.1} ({} in all)", d.fillers),
                None => format!("{} in all", d.fillers),
            },
            format!("{FILLERS_PER_MINUTE:.0} or fewer"),
        ),
        (
            "Longest pause".into(),
            figure(d.longest_pause, " s"),
            format!("{PAUSE:.0} s or less"),
        ),
        (
            format!("Share of the {} minutes used", d.time_allowed),
            d.time_used.map_or_else(
                || "n/a (no timestamps)".into(),
                |u| format!("{:.0}%", u * 100.0),
            ),
            format!("{:.0}% to {:.0}%", TIME_USED.0 * 100.0, TIME_USED.1 * 100.0),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fillers_are_whole_words_and_like_as_a_verb_is_not_one() {
        assert_eq!(
            count_fillers("Um, I would like to, like, you know, fix it. Uh. Kind of."),
            5
        );
        assert_eq!(
            count_fillers("Umbrella, likely, I'd like that, kindness"),
            0
        );
    }

    #[test]
    fn figures_from_a_hand_made_srt() {
        // 2 cues of the student, 13 words and 2 fillers, from 0 s to 60 s; a 20 s gap.
        let t = super::super::parse(
            "1\n00:00:00,000 --> 00:00:20,000\nUm I am sorry about the skis\n\n2\n00:00:40,000 --> 00:01:00,000\nuh we will fix them today\n",
        );
        let d = measure(&t, 10);
        assert_eq!(d.words, 13);
        assert_eq!(d.fillers, 2);
        assert_eq!(d.words_per_minute, Some(13.0));
        assert_eq!(d.fillers_per_minute, Some(2.0));
        assert_eq!(d.longest_pause, Some(20.0));
        assert_eq!(d.time_used, Some(0.1));
        assert_eq!(d.tips.len(), 3, "{:?}", d.tips);
    }

    #[test]
    fn plain_lines_with_start_times_give_pace_but_no_pause() {
        let t =
            super::super::parse("[00:00] Hello there Mr. Kessler.\n[01:00] I am sorry about it.\n");
        let d = measure(&t, 10);
        assert_eq!(d.words, 9);
        assert_eq!(d.words_per_minute, Some(9.0));
        assert_eq!(d.longest_pause, None);
    }
}
