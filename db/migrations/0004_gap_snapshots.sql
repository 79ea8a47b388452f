-- 0004: the gaps report as it stood at the end of a run, so that a digest can say how the
-- top missing skills moved since an earlier run. One row per snapshot, one row per skill in
-- it; rank is the skill's place in the report, 1 = most important.
CREATE TABLE gap_snapshots (
	run_id   INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
	taken_at TEXT    NOT NULL
);

CREATE TABLE gap_snapshot_skills (
	run_id    INTEGER NOT NULL REFERENCES gap_snapshots (run_id) ON DELETE CASCADE,
	rank      INTEGER NOT NULL,
	skill     TEXT    NOT NULL,
	required  INTEGER NOT NULL DEFAULT 0,
	preferred INTEGER NOT NULL DEFAULT 0,
	unlocks   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (run_id, skill)
) WITHOUT ROWID;
