-- governance-service: Board of Trustees (Art. 6), officers (Art. 8), projections of other services' events.

-- R1: one Board per province, created on first access. Its row is the lock that serialises seat changes.
CREATE TABLE board (
    province   varchar(5)  PRIMARY KEY,
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);

-- A nomination that becomes an appointment with its decree (R3-R5), then ends.
CREATE TABLE appointment (
    id                    uuid         PRIMARY KEY,
    version               bigint       NOT NULL DEFAULT 0,
    province              varchar(5)   NOT NULL REFERENCES board (province),
    seat                  varchar(32)  NOT NULL,
    status                varchar(16)  NOT NULL,
    full_name             varchar(200) NOT NULL,
    national_id           char(10)     NOT NULL,
    organisation          varchar(200),
    member_id             uuid,
    user_subject          varchar(100),
    nominated_by          varchar(32)  NOT NULL,
    nomination_document   varchar(200),
    recorded_by           varchar(100) NOT NULL,
    recorded_at           timestamptz  NOT NULL,
    approved_by           varchar(100),
    approved_at           timestamptz,
    introduced_by         varchar(100),
    introduced_at         timestamptz,
    introduction_document varchar(200),
    decree_number         varchar(64),
    decree_issued_on      date,
    decreed_by            varchar(100),
    term_end              date,
    slot                  smallint,
    ended_on              date,
    end_reason            varchar(16),
    end_document          varchar(200),
    term_alerted          boolean      NOT NULL DEFAULT false,
    updated_at            timestamptz  NOT NULL,
    -- Art. 6 (R2): a seat type never holds more active trustees than its count; each active trustee takes a slot.
    CONSTRAINT appointment_slot_within_seat_count CHECK (slot IS NULL OR (slot >= 1 AND slot <=
        CASE seat WHEN 'FACULTY' THEN 2 WHEN 'ENTREPRENEUR_EXPERT' THEN 4 ELSE 1 END)),
    CONSTRAINT appointment_active_has_decree CHECK (status <> 'ACTIVE' OR (decree_number IS NOT NULL AND slot IS NOT NULL))
);
CREATE UNIQUE INDEX appointment_seat_slot_active ON appointment (province, seat, slot) WHERE status = 'ACTIVE';
-- One person holds one seat of a Board at a time.
CREATE UNIQUE INDEX appointment_one_seat_per_person ON appointment (province, national_id) WHERE status = 'ACTIVE';
CREATE INDEX appointment_province ON appointment (province, id);

CREATE TABLE officer (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL DEFAULT 0,
    province       varchar(5)  NOT NULL,
    office         varchar(16) NOT NULL,
    appointment_id uuid        NOT NULL REFERENCES appointment (id),
    status         varchar(16) NOT NULL,
    proposed_by    varchar(100) NOT NULL,
    proposed_at    timestamptz NOT NULL,
    appointed_by   varchar(100),
    appointed_on   date,
    ended_on       date,
    updated_at     timestamptz NOT NULL
);
-- Art. 8 (R6): one holder per office, one person not both.
CREATE UNIQUE INDEX officer_one_holder_per_office ON officer (province, office) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX officer_one_office_per_person ON officer (appointment_id) WHERE status = 'ACTIVE';
CREATE INDEX officer_province ON officer (province, id);

-- Projection of workgroup-service's meeting.held events (R9).
CREATE TABLE meeting_fact (
    meeting_id         uuid        PRIMARY KEY,
    province           varchar(5)  NOT NULL,
    body               varchar(32) NOT NULL,
    working_group_id   uuid,
    working_group_type varchar(64),
    held_on            date        NOT NULL,
    present            int         NOT NULL DEFAULT 0,
    absent             int         NOT NULL DEFAULT 0,
    excused            int         NOT NULL DEFAULT 0,
    guests             int         NOT NULL DEFAULT 0,
    quorum_met         boolean,
    resolutions        int         NOT NULL DEFAULT 0
);
CREATE INDEX meeting_fact_province ON meeting_fact (province, body, held_on);

-- Projection of workgroup-service's working-group.formed/dissolved events (Art. 9).
CREATE TABLE working_group_fact (
    working_group_id uuid        PRIMARY KEY,
    province         varchar(5)  NOT NULL,
    type             varchar(64) NOT NULL,
    formed_on        date,
    dissolved_on     date
);

-- Last evaluated status of each compliance check, to emit compliance.changed only on change.
CREATE TABLE compliance_state (
    province   varchar(5)  NOT NULL,
    check_code varchar(32) NOT NULL,
    status     varchar(16) NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (province, check_code)
);
