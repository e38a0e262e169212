-- A provincial search for a common word (?q=کارآفرینی&province=IR-07: 2 % of members, ~640 in the province at
-- 1,000,000 members) collected every trigram match of the province from member_province_search and sorted them for a
-- page of 20 (645 table rows, ~8 ms of PostgreSQL CPU; bench figure 5: p95 195 ms at 16 clients). MemberRepository
-- now first walks the province in id order and stops after a page of matches; with search_text in the index that walk
-- is an index-only scan of ~1,000 narrow entries (0.3 ms) that reads only the page's rows from the table. Rare words
-- still go to member_province_search (MemberRepository falls back when the walk finds less than a page).
-- A btree entry holds at most 2,704 bytes and search_text may reach ~5 kB (names, affiliation, 20 expertise tags of
-- 100 letters, 2 bytes each), so the covering index holds the texts up to 2,000 bytes (nearly all) and the longer
-- ones are walked through a small partial index of their own; the predicates must match MemberRepository.WALK_TEXT_BYTES.
CREATE INDEX member_province_id_search ON member (province, id) INCLUDE (search_text)
    WHERE octet_length(search_text) <= 2000;
CREATE INDEX member_province_id_long ON member (province, id) WHERE octet_length(search_text) > 2000;
