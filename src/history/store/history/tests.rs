//! Unit tests of `history/store/history.rs`, beside it.

use super::*;

fn attempt<'a>(case_id: &'a str, total: u32, answers: &'a [Answer]) -> NewAttempt<'a> {
    let mut card = crate::testing::score_one("CR:010", "I'm sorry.");
    card.total = total;
    let form = crate::library::shipped::default_form().unwrap();
    // Leaked: a test's attempt borrows its score for the test's whole run.
    let score = Box::leak(Box::new(StoredScore::new(&card, "I'm sorry.", form, &[])));
    NewAttempt {
        case_id,
        case_title: "A case",
        started_at: parse_time("2026-11-23T10:00:00Z").unwrap(),
        finished_at: parse_time("2026-11-23T10:20:00Z").unwrap(),
        origin: Origin::Practice,
        response: "I'm sorry.",
        answers,
        score,
        student: Some("Ana Díaz"),
    }
}

#[test]
fn saves_and_lists_attempts_in_order() {
    let history = History::in_memory().unwrap();
    let answers = [Answer {
        question: "Why?".into(),
        answer: "Because.".into(),
    }];
    let first = history.save(&attempt("a", 40, &answers)).unwrap();
    let second = history.save(&attempt("b", 70, &[])).unwrap();
    assert!(second > first);
    let all = history.list(None).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].answers, answers);
    assert_eq!(all[0].student.as_deref(), Some("Ana Díaz"));
    assert_eq!(history.list(Some("b")).unwrap().len(), 1);
    assert_eq!(history.latest().unwrap().unwrap().total, 70);
    assert_eq!(history.get(first).unwrap().unwrap().case_id, "a");
}

#[test]
fn a_file_that_is_not_a_database_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.sqlite3");
    let junk = b"this is not a database, but a student's notes\n".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let error = History::open(&path).err().expect("refused");
    assert!(error.to_string().contains("history.sqlite3"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn a_healthy_history_that_cannot_be_written_is_not_called_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.sqlite3");
    History::open(&path).unwrap();
    // Root ignores file modes, so a read-only connection stands in for a read-only folder.
    let connection = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let history = History {
        connection,
        path: path.clone(),
        skipped: Default::default(),
    };
    let error = history.save(&attempt("a", 1, &[])).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, Error::NotWritten { .. }), "{message}");
    assert!(message.contains("read-only"), "{message}");
    assert!(!message.contains("move it away"), "{message}");
}

#[test]
fn a_new_file_gets_the_current_schema_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/history.sqlite3");
    History::open(&path)
        .unwrap()
        .save(&attempt("a", 1, &[]))
        .unwrap();
    let history = History::open(&path).unwrap();
    assert_eq!(history.list(None).unwrap().len(), 1);
    let version: i64 = history
        .connection
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn drill_cards_keep_their_times_and_a_damaged_one_is_named() {
    let history = History::in_memory().unwrap();
    let due = parse_time("2026-12-05T10:00:00.250+00:00").unwrap();
    let card = SavedCard {
        code: "CR:010".into(),
        card: "{}".into(),
        due,
    };
    let now = parse_time("2026-12-01T10:00:00Z").unwrap();
    history.save_review(&card, now, 3, 0.5).unwrap();
    assert_eq!(history.cards().unwrap(), [card]);
    history
        .connection
        .execute("UPDATE cards SET due = 'soon'", [])
        .unwrap();
    let error = history.cards().unwrap_err().to_string();
    assert!(
        error.contains("CR:010") && error.contains("soon"),
        "{error}"
    );
}
