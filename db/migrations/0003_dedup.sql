-- 0003: one posting seen in several places. dedup_key is the normalised company and title
-- (jobs.DedupKey); group_id is the id of the first-seen posting of the group, the posting's
-- own id when it is the first.
ALTER TABLE postings ADD COLUMN dedup_key TEXT NOT NULL DEFAULT '';
ALTER TABLE postings ADD COLUMN group_id INTEGER;
UPDATE postings SET group_id = id;
CREATE INDEX postings_dedup ON postings (dedup_key, last_seen) WHERE dedup_key != '';
