-- 0008: each posting's list row, the columns a list reads packed into one value, in a narrow
-- table of its own. A list of 50,000 postings then decodes one value per posting instead of
-- 26, which in this SQLite build is most of its cost. Triggers keep each row in step with
-- every insert and update of postings, whatever statement makes it; the columns stay the
-- source of truth and of every SQL filter.
--
-- A row is the values of ROW_COLUMNS (db/rows.go) in that order, each written as
-- "<byte length>:<text>", or "~" for NULL.
CREATE TABLE posting_rows (
	posting_id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
	row        TEXT NOT NULL
);

CREATE VIEW posting_row_source AS
	SELECT id,
		CASE WHEN source IS NULL THEN '~' ELSE octet_length(source) || ':' || source END ||
		CASE WHEN source_id IS NULL THEN '~' ELSE octet_length(source_id) || ':' || source_id END ||
		CASE WHEN url IS NULL THEN '~' ELSE octet_length(url) || ':' || url END ||
		CASE WHEN company IS NULL THEN '~' ELSE octet_length(company) || ':' || company END ||
		CASE WHEN title IS NULL THEN '~' ELSE octet_length(title) || ':' || title END ||
		CASE WHEN status IS NULL THEN '~' ELSE octet_length(status) || ':' || status END ||
		CASE WHEN categories IS NULL THEN '~' ELSE octet_length(categories) || ':' || categories END ||
		CASE WHEN employment_type IS NULL THEN '~' ELSE octet_length(employment_type) || ':' || employment_type END ||
		CASE WHEN location IS NULL THEN '~' ELSE octet_length(location) || ':' || location END ||
		CASE WHEN remote IS NULL THEN '~' ELSE octet_length(remote) || ':' || remote END ||
		CASE WHEN due IS NULL THEN '~' ELSE octet_length(due) || ':' || due END ||
		CASE WHEN career_min IS NULL THEN '~' ELSE octet_length(career_min) || ':' || career_min END ||
		CASE WHEN career_max IS NULL THEN '~' ELSE octet_length(career_max) || ':' || career_max END ||
		CASE WHEN career_newbie IS NULL THEN '~' ELSE octet_length(career_newbie) || ':' || career_newbie END ||
		CASE WHEN min_years IS NULL THEN '~' ELSE octet_length(min_years) || ':' || min_years END ||
		CASE WHEN max_years IS NULL THEN '~' ELSE octet_length(max_years) || ':' || max_years END ||
		CASE WHEN degree IS NULL THEN '~' ELSE octet_length(degree) || ':' || degree END ||
		CASE WHEN major IS NULL THEN '~' ELSE octet_length(major) || ':' || major END ||
		CASE WHEN newcomer IS NULL THEN '~' ELSE octet_length(newcomer) || ':' || newcomer END ||
		CASE WHEN first_seen IS NULL THEN '~' ELSE octet_length(first_seen) || ':' || first_seen END ||
		CASE WHEN last_seen IS NULL THEN '~' ELSE octet_length(last_seen) || ':' || last_seen END ||
		CASE WHEN closed_at IS NULL THEN '~' ELSE octet_length(closed_at) || ':' || closed_at END ||
		CASE WHEN group_id IS NULL THEN '~' ELSE octet_length(group_id) || ':' || group_id END ||
		CASE WHEN updated_at IS NULL THEN '~' ELSE octet_length(updated_at) || ':' || updated_at END ||
		CASE WHEN skills IS NULL THEN '~' ELSE octet_length(skills) || ':' || skills END
		AS row
	FROM postings;

-- Plain statements: a conflict clause here would give way to the outer statement's.
CREATE TRIGGER posting_rows_insert AFTER INSERT ON postings BEGIN
	INSERT INTO posting_rows (posting_id, row)
		SELECT id, row FROM posting_row_source WHERE id = NEW.id;
END;

CREATE TRIGGER posting_rows_update AFTER UPDATE ON postings BEGIN
	UPDATE posting_rows SET row = (SELECT row FROM posting_row_source WHERE id = NEW.id)
		WHERE posting_id = NEW.id;
END;

INSERT INTO posting_rows (posting_id, row) SELECT id, row FROM posting_row_source;
