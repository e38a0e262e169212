-- ideabank-service schema (issue 10). Platform tables (outbox, processed events, idempotency, history) come from platform.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Projection of workgroup-service's events: who sits in which province's working group (Art. 9).
CREATE TABLE wg_member (
    working_group_id uuid        NOT NULL,
    member_key       text        NOT NULL,   -- userId, else memberId: one row per person per group
    province         varchar(5)  NOT NULL,
    wg_type          varchar(40) NOT NULL,
    user_id          text,
    member_id        uuid,
    display_name     text,
    role             varchar(20),
    active           boolean     NOT NULL DEFAULT true,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT wg_member_pk PRIMARY KEY (working_group_id, member_key)
);
CREATE INDEX wg_member_reviewers ON wg_member (province, wg_type, user_id) WHERE active;

CREATE TABLE idea (
    id                  uuid PRIMARY KEY,
    version             bigint       NOT NULL DEFAULT 0,
    province            varchar(5)   NOT NULL,
    kind                varchar(20)  NOT NULL,
    title               text         NOT NULL,
    summary             text         NOT NULL,
    description         text,
    sector              varchar(40)  NOT NULL,
    tags                text[]       NOT NULL DEFAULT '{}',
    stage               varchar(20)  NOT NULL,
    support_sought      text[]       NOT NULL DEFAULT '{}',
    confidentiality     varchar(20)  NOT NULL,
    status              varchar(20)  NOT NULL,
    submitter           text         NOT NULL,   -- subject (Keycloak user id) of the submitter
    submitter_name      text,
    team                jsonb        NOT NULL DEFAULT '[]',
    team_users          text[]       NOT NULL DEFAULT '{}', -- userIds of the team (conflict-of-interest check)
    patent_number       text,
    patent_office       text,
    patent_date         date,
    weighted_score      numeric(5, 2),
    reviews_assigned    int          NOT NULL DEFAULT 0,
    reviews_completed   int          NOT NULL DEFAULT 0,
    decided_by          text,
    decided_by_name     text,
    decision_reason     text,
    decided_at          timestamptz,
    referred_to         varchar(40),
    referred_organisation text,
    merged_into         uuid REFERENCES idea (id),
    search_text         text         NOT NULL,   -- PersianText.fold of title, summary, description, tags
    similarity_text     text         NOT NULL,   -- PersianText.fold of title and summary (duplicate detection)
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT idea_not_merged_into_itself CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX idea_province_id ON idea (province, id DESC);
CREATE INDEX idea_search_trgm ON idea USING gin (search_text gin_trgm_ops);
-- GET /ideas/{id}/similar: "similarity_text % :key" (pg_trgm.similarity_threshold = kanoon.ideabank.similar.min-score)
-- through this GIN index. A GiST KNN order ("<->") was measured first and was 3-6x too slow at 100,000 ideas:
-- ~100 trigrams per text saturate GiST signatures (bench/ideabank/RESULTS.md).
CREATE INDEX idea_similarity_trgm ON idea USING gin (similarity_text gin_trgm_ops);

CREATE TABLE review (
    id               uuid PRIMARY KEY,
    idea_id          uuid        NOT NULL REFERENCES idea (id),
    reviewer         text        NOT NULL,    -- subject of the reviewer
    reviewer_name    text,
    member_id        uuid,
    outside_expert   boolean     NOT NULL,
    expertise        text,
    assigned_by      text        NOT NULL,
    assigned_at      timestamptz NOT NULL,
    scores           jsonb,
    score            numeric(5, 2),
    comment          text,
    completed_at     timestamptz,
    CONSTRAINT review_one_per_reviewer UNIQUE (idea_id, reviewer)
);
