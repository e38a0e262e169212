-- A provincial search (?q=…&province=IR-07, what every provincial caller sends: their scope is forced) combined two
-- bitmaps: every member nationally matching the words (pg_trgm on search_text) AND every member of the province —
-- 20,000 + 32,000 index entries for 645 rows at 1,000,000 members (83 ms; bench figure 5: p95 705 ms at 16 clients).
-- One GIN index over (province, search_text) finds the province's matches directly (~20 ms, 645 entries).
-- btree_gin lets a GIN index hold the plain province column; like pg_trgm it is a trusted extension (PostgreSQL 13+),
-- so the database owner may create it. member_search_trgm stays for national searches (no province).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX IF NOT EXISTS member_province_search ON member USING gin (province, search_text gin_trgm_ops);
