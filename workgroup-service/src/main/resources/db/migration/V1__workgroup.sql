-- People who may sit in a working group (Art. 9 Note 1): a local projection of membership's member.* and
-- governance's trustee.* events. person_id = memberId (MEMBER) or appointmentId (TRUSTEE).
CREATE TABLE eligible_person (
    person_id     uuid PRIMARY KEY,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('MEMBER', 'TRUSTEE')),
    province      varchar(8)   NOT NULL,
    user_id       varchar(64),
    member_id     uuid,
    display_name  varchar(300) NOT NULL,
    active        boolean      NOT NULL,
    as_of         timestamptz  NOT NULL
);
CREATE INDEX eligible_person_province ON eligible_person (province, kind, active);

CREATE TABLE working_group (
    id            uuid PRIMARY KEY,
    version       bigint       NOT NULL,
    province      varchar(8)   NOT NULL,
    type          varchar(40)  NOT NULL,
    name          varchar(300) NOT NULL,
    basis         varchar(24)  NOT NULL,
    basis_ref     varchar(100) NOT NULL,
    status        varchar(16)  NOT NULL,
    formed_on     date         NOT NULL,
    dissolved_on  date,
    created_at    timestamptz  NOT NULL
);
-- R10 / Art. 9: at most one active group of a type per province (the service checks first; this is the backstop).
CREATE UNIQUE INDEX working_group_one_active_per_type ON working_group (province, type) WHERE status = 'ACTIVE';

CREATE TABLE group_member (
    id              uuid PRIMARY KEY,
    version         bigint       NOT NULL,
    working_group_id uuid        NOT NULL REFERENCES working_group (id),
    person_id       uuid         NOT NULL,
    user_id         varchar(64),
    member_id       uuid,
    display_name    varchar(300) NOT NULL,
    role            varchar(16)  NOT NULL,
    status          varchar(16)  NOT NULL,
    proposal_ref    varchar(100) NOT NULL,
    proposed_by     varchar(64)  NOT NULL,
    decided_by      varchar(64),
    created_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX group_member_one_seat ON group_member (working_group_id, person_id) WHERE status IN ('PROPOSED', 'APPROVED');
CREATE UNIQUE INDEX group_member_one_secretary ON group_member (working_group_id) WHERE role = 'SECRETARY' AND status = 'APPROVED';

CREATE TABLE meeting (
    id              uuid PRIMARY KEY,
    version         bigint       NOT NULL,
    province        varchar(8)   NOT NULL,
    body            varchar(24)  NOT NULL,
    working_group_id uuid        REFERENCES working_group (id),
    title           varchar(300) NOT NULL,
    mode            varchar(16)  NOT NULL,
    place           varchar(300),
    online_url      varchar(500),
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    status          varchar(16)  NOT NULL,
    short_interval_reason varchar(1000),
    agenda          text,
    held_on         date,
    minutes         text,
    members_count   integer,
    present_count   integer,
    absent_count    integer,
    excused_count   integer,
    guest_count     integer,
    quorum_met      boolean,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT meeting_times_ck CHECK (ends_at > starts_at)
);
CREATE INDEX meeting_province_body ON meeting (province, body, status, starts_at);

CREATE TABLE attendance (
    meeting_id    uuid         NOT NULL REFERENCES meeting (id),
    person_key    varchar(64)  NOT NULL,
    display_name  varchar(300) NOT NULL,
    status        varchar(16)  NOT NULL,
    organisation  varchar(300),
    PRIMARY KEY (meeting_id, person_key)
);

CREATE TABLE invitation (
    id            uuid PRIMARY KEY,
    version       bigint       NOT NULL,
    meeting_id    uuid         NOT NULL REFERENCES meeting (id),
    person_id     uuid,
    user_id       varchar(64),
    display_name  varchar(300) NOT NULL,
    kind          varchar(16)  NOT NULL,
    organisation  varchar(300),
    subject       varchar(500),
    rsvp          varchar(16)  NOT NULL
);
CREATE INDEX invitation_meeting ON invitation (meeting_id);

CREATE TABLE resolution (
    id            uuid PRIMARY KEY,
    version       bigint       NOT NULL,
    meeting_id    uuid         NOT NULL REFERENCES meeting (id),
    province      varchar(8)   NOT NULL,
    body          varchar(24)  NOT NULL,
    working_group_id uuid,
    text          text         NOT NULL,
    decision      varchar(16)  NOT NULL,
    votes_for     integer      NOT NULL,
    votes_against integer      NOT NULL,
    votes_abstain integer      NOT NULL,
    assignee      varchar(300),
    due_date      date,
    status        varchar(16)  NOT NULL,
    created_at    timestamptz  NOT NULL
);
CREATE INDEX resolution_filter ON resolution (province, body, status, id);

CREATE TABLE resolution_vote (
    resolution_id uuid         NOT NULL REFERENCES resolution (id),
    person_key    varchar(64)  NOT NULL,
    vote          varchar(16)  NOT NULL,
    PRIMARY KEY (resolution_id, person_key)
);

CREATE TABLE resolution_note (
    id            uuid PRIMARY KEY,
    resolution_id uuid         NOT NULL REFERENCES resolution (id),
    at            timestamptz  NOT NULL,
    author        varchar(300) NOT NULL,
    text          text         NOT NULL
);
