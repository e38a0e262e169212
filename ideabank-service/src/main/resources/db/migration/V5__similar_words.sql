-- Similar ideas in two stages (issue 10: p95 < 100 ms at 100,000 ideas, bench/ideabank/RESULTS.md).
-- The GIN trigram "%" search over the folded title + summary had to merge the posting lists of ~100 trigrams
-- (hundreds of thousands of entries at 100,000 ideas, p95 ≈ 310 ms). Candidates now come from the ideas' words:
-- idea_word holds every distinct folded word of an idea's title and summary (SimilarityKey.words), ~600 ideas per
-- word at that size; the few best candidates are then scored by pg_trgm similarity of similarity_text as before.

ALTER TABLE idea ADD COLUMN similarity_words text[] NOT NULL DEFAULT '{}';

-- (word, idea_id): one index-only range per word of the query; the primary key also serves the delete below.
CREATE TABLE idea_word (
    word    text NOT NULL,
    idea_id uuid NOT NULL REFERENCES idea (id),
    CONSTRAINT idea_word_pk PRIMARY KEY (word, idea_id)
);

-- A trigger keeps idea_word equal to idea.similarity_words, so every way a row is written (the service, a bulk
-- load, this migration's backfill) keeps the candidates right; an update that leaves the words alone costs nothing.
CREATE FUNCTION idea_word_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.similarity_words IS NOT DISTINCT FROM OLD.similarity_words THEN
            RETURN NULL;
        END IF;
        DELETE FROM idea_word WHERE word = ANY (OLD.similarity_words) AND idea_id = OLD.id;
    END IF;
    INSERT INTO idea_word (word, idea_id)
    SELECT DISTINCT w, NEW.id FROM unnest(NEW.similarity_words) w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER idea_word_sync AFTER INSERT OR UPDATE OF similarity_words ON idea
    FOR EACH ROW EXECUTE FUNCTION idea_word_sync();

-- Backfill of ideas written before this migration: an SQL approximation of SimilarityKey.words (Arabic yeh/kaf,
-- hamza and heh forms, diacritics, tatweel, digits, lower case; split on anything but letters and digits). The
-- service recomputes the exact words whenever an idea is revised; the score itself is unchanged (similarity_text).
UPDATE idea SET similarity_words = ARRAY(
    SELECT DISTINCT f FROM (
        SELECT lower(translate(regexp_replace(part, '[\u064B-\u065F\u0670\u0640\u0621]', '', 'g'),
                               'يىكأإآٱؤئةۀە۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', 'ییکااااویههه01234567890123456789')) AS f
        FROM regexp_split_to_table(title || ' ' || summary, '[^[:alnum:]\u064B-\u065F\u0670\u0640\u0621]+') part
    ) x
    WHERE char_length(f) >= 2
    ORDER BY f);

-- The trigram index of similarity_text served only the old "%" search; the score needs no index.
DROP INDEX idea_similarity_trgm;
