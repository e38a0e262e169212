-- The Association's activity plan (Art. 3): programmes tagged with the clauses 3-1 … 3-17 they serve.
CREATE TABLE programme (
    id               uuid         PRIMARY KEY,
    version          bigint       NOT NULL DEFAULT 0,
    province         varchar(5)   NOT NULL,
    title            varchar(300) NOT NULL,
    clauses          varchar(200) NOT NULL,
    owner            varchar(200) NOT NULL,
    working_group_id uuid,
    planned_start    date         NOT NULL,
    planned_end      date         NOT NULL,
    actual_start     date,
    actual_end       date,
    status           varchar(16)  NOT NULL,
    progress         int          NOT NULL DEFAULT 0,
    outputs          text,
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT programme_progress_ck CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT programme_planned_ck CHECK (planned_end >= planned_start)
);
CREATE INDEX programme_province ON programme (province, id);
