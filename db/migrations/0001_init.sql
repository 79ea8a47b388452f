-- 0001: postings, their requirements, the pages a source knows, and scrape runs.
-- Times are UTC text in one fixed-width format ("2006-01-02T15:04:05.000000000Z") so they sort.

CREATE TABLE postings (
	id              INTEGER PRIMARY KEY,
	source          TEXT    NOT NULL,
	source_id       TEXT    NOT NULL,
	url             TEXT    NOT NULL DEFAULT '',
	company         TEXT    NOT NULL DEFAULT '',
	title           TEXT    NOT NULL DEFAULT '',
	status          TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
	categories      TEXT    NOT NULL DEFAULT '[]', -- JSON array of category tag ids
	employment_type TEXT    NOT NULL DEFAULT '',
	location        TEXT    NOT NULL DEFAULT '',
	remote          INTEGER NOT NULL DEFAULT 0,
	due             TEXT,                          -- NULL = rolling
	career_min      INTEGER,                       -- NULL = the source gave no career range
	career_max      INTEGER,                       -- NULL = no upper bound
	career_newbie   INTEGER,
	min_years       INTEGER,
	max_years       INTEGER,
	degree          TEXT    NOT NULL DEFAULT '',
	major           TEXT    NOT NULL DEFAULT '',
	newcomer        INTEGER NOT NULL DEFAULT 0,
	first_seen      TEXT    NOT NULL,
	last_seen       TEXT    NOT NULL,
	closed_at       TEXT,
	content_hash    TEXT    NOT NULL DEFAULT '',   -- sha256 of the normalised section texts
	UNIQUE (source, source_id)
);

-- A posting's texts and raw payload, one row per posting, apart from postings so that a
-- list of 50,000 postings reads small rows and never the long texts.
CREATE TABLE posting_texts (
	posting_id   INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
	intro        TEXT NOT NULL DEFAULT '',
	main_tasks   TEXT NOT NULL DEFAULT '',
	requirements TEXT NOT NULL DEFAULT '',
	preferred    TEXT NOT NULL DEFAULT '',
	benefits     TEXT NOT NULL DEFAULT '',
	hire_rounds  TEXT NOT NULL DEFAULT '',
	description  TEXT NOT NULL DEFAULT '',
	raw          BLOB
);

CREATE INDEX postings_first_seen ON postings (first_seen DESC, id DESC);
CREATE INDEX postings_status_first_seen ON postings (status, first_seen DESC, id DESC);
CREATE INDEX postings_company ON postings (company COLLATE NOCASE);

-- One row per canonical skill a posting names; ord keeps the order of first mention.
CREATE TABLE requirements (
	posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
	skill      TEXT    NOT NULL,
	section    TEXT    NOT NULL CHECK (section IN ('required', 'preferred', 'other')),
	ord        INTEGER NOT NULL,
	evidence   TEXT,                               -- JSON [[start, end], ...]; NULL = none
	PRIMARY KEY (posting_id, skill)
) WITHOUT ROWID;

CREATE INDEX requirements_skill ON requirements (skill, section);

CREATE TABLE pages (
	source     TEXT NOT NULL,
	source_id  TEXT NOT NULL,
	url        TEXT NOT NULL DEFAULT '',
	lastmod    TEXT,                               -- NULL = the source gave none
	fetched_at TEXT NOT NULL,
	outcome    TEXT NOT NULL CHECK (outcome IN ('kept', 'skipped', 'closed')),
	PRIMARY KEY (source, source_id)
) WITHOUT ROWID;

CREATE TABLE runs (
	id         INTEGER PRIMARY KEY,
	started_at TEXT NOT NULL,
	ended_at   TEXT
);

CREATE TABLE run_sources (
	run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	source  TEXT    NOT NULL,
	listed  INTEGER NOT NULL DEFAULT 0,
	fetched INTEGER NOT NULL DEFAULT 0,
	parsed  INTEGER NOT NULL DEFAULT 0,
	kept    INTEGER NOT NULL DEFAULT 0,
	failed  INTEGER NOT NULL DEFAULT 0,
	closed  INTEGER NOT NULL DEFAULT 0,
	queued  INTEGER NOT NULL DEFAULT 0,
	UNIQUE (run_id, source)
);

CREATE TABLE run_failures (
	id     INTEGER PRIMARY KEY,
	run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	source TEXT    NOT NULL,
	url    TEXT    NOT NULL DEFAULT '',
	status INTEGER NOT NULL DEFAULT 0,
	reason TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX run_failures_run ON run_failures (run_id);
