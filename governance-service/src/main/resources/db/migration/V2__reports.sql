-- Quarterly reports (Art. 6 Note 4, R12) and the projections their numbers come from.

-- Members as membership-service reported them (latest member event per member wins).
CREATE TABLE member_fact (
    member_id   uuid        PRIMARY KEY,
    province    varchar(5)  NOT NULL,
    category    varchar(32) NOT NULL,
    status      varchar(16) NOT NULL,
    admitted_on date,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX member_fact_province ON member_fact (province);

-- One row per counted event of ideabank/networking (idea submitted/evaluated/referred, advice answered, tour
-- completed…): the event id is the key, so a redelivery never counts twice.
CREATE TABLE activity_fact (
    event_id  varchar(64) PRIMARY KEY,
    province  varchar(5)  NOT NULL,
    kind      varchar(48) NOT NULL,
    day       date        NOT NULL,
    amount    int         NOT NULL DEFAULT 1
);
CREATE INDEX activity_fact_province ON activity_fact (province, kind, day);

CREATE TABLE quarterly_report (
    id           uuid        PRIMARY KEY,
    version      bigint      NOT NULL DEFAULT 0,
    province     varchar(5)  NOT NULL,
    jalali_year  int         NOT NULL,
    quarter      smallint    NOT NULL,
    status       varchar(16) NOT NULL,
    narrative    text,
    figures      text,
    submitted_by varchar(100),
    submitted_at timestamptz,
    reviewed_by  varchar(100),
    reviewed_at  timestamptz,
    comments     text,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT quarterly_report_quarter_ck CHECK (quarter BETWEEN 1 AND 4)
);
-- R12: one report per province and Jalali quarter.
CREATE UNIQUE INDEX quarterly_report_one_per_quarter ON quarterly_report (province, jalali_year, quarter);
