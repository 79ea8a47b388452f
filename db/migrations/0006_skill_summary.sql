-- 0006: each posting's skills in one column, in order of first mention, as
-- "section:skill" joined by U+001F, so a list of 50,000 postings reads one row per posting
-- instead of one per requirement. The requirements table stays the source for queries by
-- skill (trends, gaps in SQL).
ALTER TABLE postings ADD COLUMN skills TEXT NOT NULL DEFAULT '';
UPDATE postings SET skills = COALESCE((
	SELECT group_concat(section || ':' || skill, char(31))
	FROM (SELECT section, skill FROM requirements r WHERE r.posting_id = postings.id ORDER BY ord)
), '');
