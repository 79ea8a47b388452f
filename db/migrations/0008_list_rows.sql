-- 0008: each posting's list row, the columns a list reads packed into one value, in a narrow
-- table of its own. A list of 50,000 postings then decodes one value per posting instead of
-- 26, which in this SQLite build is most of its cost. Triggers keep each row in step with
-- every insert and update of postings, whatever statement makes it; the columns stay the
-- source of truth and of every SQL filter.
--
-- A row is the values of listColumns after id (db/postings.go), then skills, each written
-- as "<byte length>:<text>", or "~" for NULL. (length of a BLOB counts bytes; octet_length
-- would too, but SQLite before 3.43, as Debian 12's sqlite3 shell, could then no longer
-- write the file.)
CREATE TABLE posting_rows (
	posting_id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
	row        TEXT NOT NULL
);

CREATE VIEW posting_row_source AS
	SELECT id,
		CASE WHEN source IS NULL THEN '~' ELSE length(CAST(source AS BLOB)) || ':' || source END ||
		CASE WHEN source_id IS NULL THEN '~' ELSE length(CAST(source_id AS BLOB)) || ':' || source_id END ||
		CASE WHEN url IS NULL THEN '~' ELSE length(CAST(url AS BLOB)) || ':' || url END ||
		CASE WHEN company IS NULL THEN '~' ELSE length(CAST(company AS BLOB)) || ':' || company END ||
		CASE WHEN title IS NULL THEN '~' ELSE length(CAST(title AS BLOB)) || ':' || title END ||
		CASE WHEN status IS NULL THEN '~' ELSE length(CAST(status AS BLOB)) || ':' || status END ||
		CASE WHEN categories IS NULL THEN '~' ELSE length(CAST(categories AS BLOB)) || ':' || categories END ||
		CASE WHEN employment_type IS NULL THEN '~' ELSE length(CAST(employment_type AS BLOB)) || ':' || employment_type END ||
		CASE WHEN location IS NULL THEN '~' ELSE length(CAST(location AS BLOB)) || ':' || location END ||
		CASE WHEN remote IS NULL THEN '~' ELSE length(CAST(remote AS BLOB)) || ':' || remote END ||
		CASE WHEN due IS NULL THEN '~' ELSE length(CAST(due AS BLOB)) || ':' || due END ||
		CASE WHEN career_min IS NULL THEN '~' ELSE length(CAST(career_min AS BLOB)) || ':' || career_min END ||
		CASE WHEN career_max IS NULL THEN '~' ELSE length(CAST(career_max AS BLOB)) || ':' || career_max END ||
		CASE WHEN career_newbie IS NULL THEN '~' ELSE length(CAST(career_newbie AS BLOB)) || ':' || career_newbie END ||
		CASE WHEN min_years IS NULL THEN '~' ELSE length(CAST(min_years AS BLOB)) || ':' || min_years END ||
		CASE WHEN max_years IS NULL THEN '~' ELSE length(CAST(max_years AS BLOB)) || ':' || max_years END ||
		CASE WHEN degree IS NULL THEN '~' ELSE length(CAST(degree AS BLOB)) || ':' || degree END ||
		CASE WHEN major IS NULL THEN '~' ELSE length(CAST(major AS BLOB)) || ':' || major END ||
		CASE WHEN newcomer IS NULL THEN '~' ELSE length(CAST(newcomer AS BLOB)) || ':' || newcomer END ||
		CASE WHEN first_seen IS NULL THEN '~' ELSE length(CAST(first_seen AS BLOB)) || ':' || first_seen END ||
		CASE WHEN last_seen IS NULL THEN '~' ELSE length(CAST(last_seen AS BLOB)) || ':' || last_seen END ||
		CASE WHEN closed_at IS NULL THEN '~' ELSE length(CAST(closed_at AS BLOB)) || ':' || closed_at END ||
		CASE WHEN group_id IS NULL THEN '~' ELSE length(CAST(group_id AS BLOB)) || ':' || group_id END ||
		CASE WHEN updated_at IS NULL THEN '~' ELSE length(CAST(updated_at AS BLOB)) || ':' || updated_at END ||
		CASE WHEN skills IS NULL THEN '~' ELSE length(CAST(skills AS BLOB)) || ':' || skills END
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
