-- 0005: the user's applications. One row per posting the user tracks, and every step taken on
-- it (saved, applied, interview, offer, rejected), each with the day it happened and a note.
-- An application references its posting by id with ON DELETE RESTRICT: a re-scrape upserts
-- the posting in place and a close only changes its status, so the history is never lost.
CREATE TABLE applications (
	posting_id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE RESTRICT,
	created_at TEXT    NOT NULL
);

CREATE TABLE application_steps (
	id          INTEGER PRIMARY KEY,
	posting_id  INTEGER NOT NULL REFERENCES applications (posting_id) ON DELETE CASCADE,
	stage       TEXT    NOT NULL CHECK (stage IN ('saved', 'applied', 'interview', 'offer', 'rejected')),
	happened_at TEXT    NOT NULL, -- the day the step happened, as the user gave it (--date)
	note        TEXT    NOT NULL DEFAULT '',
	recorded_at TEXT    NOT NULL
);

CREATE INDEX application_steps_posting ON application_steps (posting_id, id);

