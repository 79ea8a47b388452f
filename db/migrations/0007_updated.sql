-- 0007: when a posting's text last changed after it was first stored (an edited requirement
-- list, or a repost on the same board with other text); NULL = never.
ALTER TABLE postings ADD COLUMN updated_at TEXT;
