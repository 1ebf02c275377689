//! Reading marks from JSON Lines and CSV: what is accepted and how each mistake is named.

use super::*;

const LIMITS: Limits = Limits {
    indicator_max: 14,
    skill_max: 6,
    skill_lines: 5,
};

fn code(text: &str) -> Code {
    Code::parse(text).unwrap()
}

#[test]
fn graded_lines_name_the_case_and_student_together() {
    let text = r#"{"response": "c1/strong", "judge": "judge-1", "indicators": {"CR:004": 12, "cr:005": 9}, "skills": [5, 5, 4, 4, 5], "note": "Good."}

{"response": "c1/weak", "judge": "judge-1", "indicators": {"CR:004": 3}, "skills": [1, 1, 1, 1, 1]}"#;
    let marks = from_jsonl(text, "judges.jsonl", LIMITS).unwrap();
    assert_eq!(marks.len(), 2);
    assert_eq!(
        (marks[0].case.as_str(), marks[0].student.as_str()),
        ("c1", "strong")
    );
    assert_eq!(marks[0].indicators[&code("CR:005")], 9);
    assert_eq!(marks[0].note.as_deref(), Some("Good."));
    assert_eq!(marks[1].origin, "judges.jsonl:3");
}

#[test]
fn calibration_lines_name_the_case_apart_and_may_carry_more_fields() {
    let text = r#"{"case": "c1", "response": "solid", "judge": "A", "indicators": {"CR:016": 10}, "skills": [4, 4, 5, 3, 4], "total": 69, "rating": "meets"}"#;
    let marks = from_jsonl(text, "sheets.jsonl", LIMITS).unwrap();
    assert_eq!(marks[0].response(), "c1/solid");
    assert_eq!(marks[0].judge, "A");
}

#[test]
fn every_bad_line_is_reported_with_its_line_and_what_was_expected() {
    let text = "{\"response\": \"c1/a\", \"indicators\": {\"CR:004\": 15}}\nnot json\n{\"response\": \"nocase\", \"indicators\": {\"CR:004\": 1}}\n{\"response\": \"c1/b\", \"indicators\": {\"CR:004\": 1}, \"skills\": [1, 2]}\n{\"response\": \"c1/c\", \"indicators\": {\"CR:004\": 1.5}}\n";
    let errors = from_jsonl(text, "m.jsonl", LIMITS).unwrap_err();
    let origins: Vec<&str> = errors.iter().map(|e| e.origin.as_str()).collect();
    assert_eq!(
        origins,
        [
            "m.jsonl:1",
            "m.jsonl:2",
            "m.jsonl:3",
            "m.jsonl:4",
            "m.jsonl:5"
        ]
    );
    assert!(
        errors[0].message.contains("expected 0 to 14"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1]
            .message
            .contains("each line must be one JSON object"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].message.contains("<case>/<student>"),
        "{}",
        errors[2]
    );
    assert!(errors[3].message.contains("expected 5"), "{}", errors[3]);
    assert!(!errors[4].message.contains("at line"), "{}", errors[4]);
}

#[test]
fn a_second_line_for_the_same_response_and_judge_is_refused() {
    let line = r#"{"response": "c1/a", "judge": "j", "indicators": {"CR:004": 1}}"#;
    let errors = from_jsonl(&format!("{line}\n{line}\n"), "m.jsonl", LIMITS).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .starts_with("m.jsonl:2: c1/a is marked by j again (first at m.jsonl:1)")
    );
}

#[test]
fn csv_rows_gather_per_student_case_and_judge() {
    let text = "student,case,code,points,note\nana,c1,CR:004,12,\"Named the fee, twice\"\nana.txt,c1,CR:005,9,\nben,c1,CR:004,3,\n";
    let marks = from_csv(text, "marks.csv", LIMITS).unwrap();
    assert_eq!(marks.len(), 2);
    assert_eq!(marks[0].judge, DEFAULT_JUDGE);
    assert_eq!(marks[0].indicators.len(), 2);
    assert_eq!(marks[0].skills, None);
    assert_eq!(marks[0].notes[&code("CR:004")], "Named the fee, twice");
    assert_eq!(marks[1].origin, "marks.csv:4");
}

#[test]
fn csv_problems_name_their_line() {
    let errors = from_csv("name,points\n", "m.csv", LIMITS).unwrap_err();
    assert!(errors[0].message.contains("student, case, code and points"));
    let text = "student,case,code,points,judge\nana,c1,CR:004,twelve,\nana,c1,XX,3,\nana,c1,CR:004,3,me\nana,c1,cr:004,4,me\n";
    let errors = from_csv(text, "m.csv", LIMITS).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(
        shown[0].starts_with("m.csv:2: points `twelve`"),
        "{shown:?}"
    );
    assert!(
        shown[1].starts_with("m.csv:3: `XX` is not an indicator code"),
        "{shown:?}"
    );
    assert!(
        shown[2].starts_with("m.csv:5: c1/ana already has CR:004 from me at m.csv:4"),
        "{shown:?}"
    );
}
