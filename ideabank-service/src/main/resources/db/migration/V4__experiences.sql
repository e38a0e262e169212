-- Documented experiences of top entrepreneurs (Art. 3-8).
CREATE TABLE experience (
    id            uuid PRIMARY KEY,
    version       bigint      NOT NULL DEFAULT 0,
    province      varchar(5)  NOT NULL,
    member_id     uuid        NOT NULL,   -- the entrepreneur (membership-service's member id)
    author        text        NOT NULL,   -- subject of whoever wrote it (the member, or the secretariat for them)
    author_name   text,
    title         text        NOT NULL,
    story         text        NOT NULL,
    lessons       text        NOT NULL,
    sector        varchar(40) NOT NULL,
    tags          text[]      NOT NULL DEFAULT '{}',
    media_links   text[]      NOT NULL DEFAULT '{}',
    status        varchar(20) NOT NULL,
    reviewed_by   text,
    review_note   text,
    published_at  timestamptz,
    search_text   text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX experience_status_id ON experience (status, id DESC);
CREATE INDEX experience_search_trgm ON experience USING gin (search_text gin_trgm_ops);
