-- Version 1: every finished attempt, with its full scorecard as JSON.
CREATE TABLE attempts (
    id          INTEGER PRIMARY KEY,
    case_id     TEXT NOT NULL,
    case_title  TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    origin      TEXT NOT NULL,          -- 'practice' or 'score'
    response    TEXT NOT NULL,
    answers     TEXT NOT NULL,          -- JSON: [{"question": ..., "answer": ...}]
    total       INTEGER NOT NULL,
    rating      TEXT NOT NULL,
    scorecard   TEXT NOT NULL           -- JSON, as `roleplay score --format json`
);
CREATE INDEX attempts_case ON attempts (case_id);
