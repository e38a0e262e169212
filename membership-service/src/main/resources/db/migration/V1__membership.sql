-- Membership: applications, qualification decisions, members (directive Art. 4, Art. 7).

-- Trigram index support for the Persian-folded member search (GET /members?q=).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A person's details as submitted and, after admission, as held by the member. Columns are shared
-- by application and member (same names) so the one-person rule and the search read alike.
CREATE TABLE application (
    id                      uuid PRIMARY KEY,
    version                 bigint       NOT NULL,
    province                varchar(5)   NOT NULL,
    status                  varchar(16)  NOT NULL,
    applicant_subject       varchar(255) NOT NULL,
    category                varchar(32)  NOT NULL,
    sector                  varchar(16),
    first_name              varchar(100) NOT NULL,
    last_name               varchar(100) NOT NULL,
    first_name_latin        varchar(100),
    last_name_latin         varchar(100),
    national_id             char(10)     NOT NULL,
    birth_date              date         NOT NULL,
    mobile                  char(11)     NOT NULL,
    email                   varchar(254),
    city                    varchar(100) NOT NULL,
    expertise               text[]       NOT NULL DEFAULT '{}',
    achievements            text,
    business_licence_number varchar(64),
    employees               integer,
    founding_year           integer,
    patents                 text[]       NOT NULL DEFAULT '{}',
    awards                  text[]       NOT NULL DEFAULT '{}',
    university              varchar(200),
    academic_rank           varchar(32),
    organisation            varchar(200),
    registration_number     varchar(64),
    government_body         varchar(200),
    position                varchar(200),
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    -- Art. 7 (R8): the qualification decision, taken under the Board's supervision.
    decision                varchar(16),
    decided_by              varchar(255),
    decided_at              timestamptz,
    resolution_ref          varchar(100),
    decision_reason         text,
    member_id               uuid,
    CONSTRAINT application_status_ck CHECK (status IN ('SUBMITTED','UNDER_REVIEW','APPROVED','REJECTED','NEEDS_INFO','WITHDRAWN')),
    CONSTRAINT application_category_ck CHECK (category IN ('ENTREPRENEUR','FACULTY','NGO_REPRESENTATIVE','GOVERNMENT_REPRESENTATIVE'))
);

-- One person, one open application, nationwide. The service checks first (advisory lock per person)
-- and answers with a helpful 409; this index is the backstop.
CREATE UNIQUE INDEX application_one_open_per_person ON application (national_id)
    WHERE status IN ('SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO');
CREATE INDEX application_province_id ON application (province, id);
CREATE INDEX application_province_status_id ON application (province, status, id);
CREATE INDEX application_applicant ON application (applicant_subject, id);

CREATE TABLE member (
    id                      uuid PRIMARY KEY,
    version                 bigint       NOT NULL,
    membership_number       varchar(20)  NOT NULL UNIQUE,
    province                varchar(5)   NOT NULL,
    status                  varchar(16)  NOT NULL,
    user_subject            varchar(255) NOT NULL,
    application_id          uuid         NOT NULL REFERENCES application (id),
    category                varchar(32)  NOT NULL,
    sector                  varchar(16),
    first_name              varchar(100) NOT NULL,
    last_name               varchar(100) NOT NULL,
    first_name_latin        varchar(100),
    last_name_latin         varchar(100),
    national_id             char(10)     NOT NULL,
    birth_date              date         NOT NULL,
    mobile                  char(11)     NOT NULL,
    email                   varchar(254),
    city                    varchar(100) NOT NULL,
    expertise               text[]       NOT NULL DEFAULT '{}',
    achievements            text,
    business_licence_number varchar(64),
    employees               integer,
    founding_year           integer,
    patents                 text[]       NOT NULL DEFAULT '{}',
    awards                  text[]       NOT NULL DEFAULT '{}',
    university              varchar(200),
    academic_rank           varchar(32),
    organisation            varchar(200),
    registration_number     varchar(64),
    government_body         varchar(200),
    position                varchar(200),
    -- Search support, derived from the fields above on every write (PersianText.fold):
    -- names, organisation and expertise folded, '|'-separated; expertise tags folded one by one.
    search_text             text         NOT NULL,
    expertise_keys          text[]       NOT NULL DEFAULT '{}',
    admitted_on             date         NOT NULL,
    term_end                date         NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    CONSTRAINT member_status_ck CHECK (status IN ('ACTIVE','SUSPENDED','EXPIRED','TERMINATED')),
    CONSTRAINT member_category_ck CHECK (category IN ('ENTREPRENEUR','FACULTY','NGO_REPRESENTATIVE','GOVERNMENT_REPRESENTATIVE'))
);

-- One person, one membership that is not terminated, nationwide (backstop of the service check).
CREATE UNIQUE INDEX member_one_per_person ON member (national_id) WHERE status <> 'TERMINATED';
-- Keyset listings are ordered by id (UUIDv7: creation order); one composite index per common filter.
CREATE INDEX member_province_id ON member (province, id);
CREATE INDEX member_province_status_id ON member (province, status, id);
CREATE INDEX member_province_category_id ON member (province, category, id);
CREATE INDEX member_province_sector_id ON member (province, sector, id);
CREATE INDEX member_user ON member (user_subject);
CREATE INDEX member_search_trgm ON member USING gin (search_text gin_trgm_ops);
CREATE INDEX member_expertise_keys ON member USING gin (expertise_keys);
-- The expiry job looks for terms that ended.
CREATE INDEX member_term_end_open ON member (term_end) WHERE status IN ('ACTIVE', 'SUSPENDED');

-- Membership numbers IR-07-1405-00042: one counter per province and Jalali year.
CREATE TABLE membership_number_counter (
    province    varchar(5) NOT NULL,
    jalali_year integer    NOT NULL,
    last_value  integer    NOT NULL,
    PRIMARY KEY (province, jalali_year)
);

-- Audit history of applications and members: who, when, what, why (conventions: state changes).
CREATE TABLE history_entry (
    id              uuid PRIMARY KEY,
    aggregate_type  varchar(16)  NOT NULL,
    aggregate_id    uuid         NOT NULL,
    at              timestamptz  NOT NULL,
    actor           varchar(255) NOT NULL,
    actor_name      varchar(255),
    action          varchar(32)  NOT NULL,
    from_status     varchar(16),
    to_status       varchar(16),
    resolution_ref  varchar(100),
    reason          text
);
CREATE INDEX history_entry_aggregate ON history_entry (aggregate_id, at, id);

-- Keycloak role sync (desired state per user): written by the event handler, applied by a job that
-- retries until Keycloak accepts it, so an outage loses nothing.
CREATE TABLE keycloak_sync (
    user_subject    varchar(255) PRIMARY KEY,
    province        varchar(5),
    member          boolean      NOT NULL,
    event_time      timestamptz  NOT NULL,
    synced          boolean      NOT NULL DEFAULT false,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text
);
CREATE INDEX keycloak_sync_pending ON keycloak_sync (next_attempt_at) WHERE NOT synced;
