//! The answers file of `roleplay score --answers`: one answer per question printed by
//! `roleplay questions`, in the same order.

/// Splits an answers file into answers. Answers are separated by a line holding only
/// `.` when the file has one (so an answer may have paragraphs), otherwise by blank
/// lines. An answer written as `-` is no answer.
pub fn split(text: &str) -> Vec<String> {
    let has_marks = text.lines().any(|l| l.trim() == ".");
    let mut answers = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>| {
        let answer = current.join("\n").trim().to_string();
        current.clear();
        answer
    };
    for line in text.lines() {
        let ends = if has_marks {
            line.trim() == "."
        } else {
            line.trim().is_empty()
        };
        if ends {
            if has_marks || !current.is_empty() {
                answers.push(flush(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if current.iter().any(|l| !l.trim().is_empty()) {
        answers.push(flush(&mut current));
    }
    answers
        .into_iter()
        .map(|a| if a == "-" { String::new() } else { a })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn blank_lines_separate_answers() {
        assert_eq!(
            split("First answer\nstill first.\n\n\nSecond.\n-\n\nThird"),
            ["First answer\nstill first.", "Second.\n-", "Third"]
        );
        assert_eq!(split("A\n\n-\n\nC\n"), ["A", "", "C"]);
    }

    #[test]
    fn dot_lines_separate_answers_with_paragraphs() {
        assert_eq!(
            split("One\n\nstill one\n.\n.\nThree\n"),
            ["One\n\nstill one", "", "Three"]
        );
        assert!(split("").is_empty());
    }
}
