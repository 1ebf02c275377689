-- Version 2: flashcards of the indicators, scheduled by FSRS, and every review.
CREATE TABLE cards (
    code    TEXT PRIMARY KEY,
    card    TEXT NOT NULL,          -- JSON: the FSRS card state
    due     TEXT NOT NULL           -- RFC 3339, for ordering
);
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    rating      INTEGER NOT NULL,   -- 1 again, 2 hard, 3 good, 4 easy
    coverage    REAL NOT NULL       -- share of the indicator's concepts the answer earned
);
