//! Durations as a student types them (`10`, `90s`, `1.5m`, `7m30s`) and as the
//! clock shows them (`9:05`).

use std::time::Duration;

/// Reads a duration: a bare number is minutes; otherwise numbers each followed by a
/// unit (`h`, `m`, `min`, `s`, `sec`), decimals allowed: `90s`, `1.5m`, `7m30s`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let wrong = || {
        format!(
            "`{text}` is not a duration: give minutes (`10`) or a time such as `90s`, `1.5m` or `7m30s`"
        )
    };
    if text.is_empty() {
        return Err(wrong());
    }
    if let Ok(minutes) = text.parse::<f64>() {
        return seconds(minutes * 60.0).ok_or_else(wrong);
    }
    let mut total = 0.0;
    let mut rest = text;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(wrong)?;
        let number: f64 = rest[..number_end].parse().map_err(|_| wrong())?;
        rest = rest[number_end..].trim_start();
        let unit_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let scale = match rest[..unit_end].to_ascii_lowercase().as_str() {
            "h" | "hr" | "hour" | "hours" => 3600.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            _ => return Err(wrong()),
        };
        total += number * scale;
        rest = rest[unit_end..].trim_start();
    }
    seconds(total).ok_or_else(wrong)
}

/// Whole seconds, rounded; `None` for a negative or absurd value.
fn seconds(value: f64) -> Option<Duration> {
    (value.is_finite() && (0.0..=86_400.0).contains(&value))
        .then(|| Duration::from_secs(value.round() as u64))
}

/// "9:05" for the time left, counting a started second as whole, so the clock shows
/// 0:00 only when time is up.
pub fn clock(left: Duration) -> String {
    let secs = left.as_millis().div_ceil(1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// How long until the clock's display changes: the tick.
pub fn until_next_tick(left: Duration) -> Duration {
    let into = left.as_millis() % 1000;
    Duration::from_millis(if into == 0 { 1000 } else { into as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! durations {
        ($($text:expr => $secs:expr),* $(,)?) => {
            $(assert_eq!(parse_duration($text), Ok(Duration::from_secs($secs)), "{}", $text);)*
        };
    }

    #[test]
    fn durations_as_students_type_them() {
        durations! {
            "10" => 600,
            "0" => 0,
            "1.5" => 90,
            "90s" => 90,
            "1.5m" => 90,
            "7m30s" => 450,
            "7m 30s" => 450,
            "2min" => 120,
            "45 sec" => 45,
        };
    }

    #[test]
    fn nonsense_is_refused_with_the_forms_that_work() {
        for bad in ["", "ten", "5x", "-3", "m", "1.2.3m", "7m30"] {
            let error = parse_duration(bad).unwrap_err();
            assert!(error.contains("7m30s"), "{bad}: {error}");
        }
    }

    #[test]
    fn the_clock_counts_a_started_second() {
        assert_eq!(clock(Duration::from_millis(545_200)), "9:06");
        assert_eq!(clock(Duration::from_secs(60)), "1:00");
        assert_eq!(clock(Duration::ZERO), "0:00");
        assert_eq!(
            until_next_tick(Duration::from_millis(2_300)),
            Duration::from_millis(300)
        );
    }
}
