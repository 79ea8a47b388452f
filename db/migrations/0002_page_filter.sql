-- 0002: the filter a page was skipped under, so that changing the filter (sources.wanted.
-- categories) fetches skipped pages again instead of trusting an unchanged lastmod.
ALTER TABLE pages ADD COLUMN filter TEXT NOT NULL DEFAULT '';
