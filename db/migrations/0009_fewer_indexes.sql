-- 0009: indexes no query uses, dropped: every write paid for them. No query looks
-- requirements up by skill first (trends reach them through their postings), and
-- postings_company was NOCASE while the one query by company compares exactly.
DROP INDEX IF EXISTS requirements_skill;
DROP INDEX IF EXISTS postings_company;
