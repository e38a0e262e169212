-- networking-service schema. Platform tables (outbox, processed events, idempotency keys, history) are the platform's.

-- Directory (Art. 3-7): a projection of membership's member.* events. Public profile fields only: membership's
-- events carry no national ID, mobile, e-mail or birth date, and neither does this table.
CREATE TABLE directory_entry (
    member_id          UUID PRIMARY KEY,
    user_id            VARCHAR(100),
    membership_number  VARCHAR(40),
    province           VARCHAR(8)   NOT NULL,
    category           VARCHAR(40)  NOT NULL,
    sector             VARCHAR(40),
    display_name       VARCHAR(300) NOT NULL,
    expertise          TEXT[]       NOT NULL DEFAULT '{}',
    status             VARCHAR(20)  NOT NULL,
    search_key         TEXT         NOT NULL,
    -- time of the newest member event applied: an older event delivered late never undoes a newer one
    as_of              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX directory_entry_user ON directory_entry (user_id);
CREATE INDEX directory_entry_active ON directory_entry (province, member_id) WHERE status = 'ACTIVE';

-- What a person chooses in networking: hidden from the directory, and the contact details they share with
-- the people whose introduction requests they accepted (never shown to anyone else).
CREATE TABLE networking_profile (
    user_id        VARCHAR(100) PRIMARY KEY,
    hidden         BOOLEAN      NOT NULL DEFAULT FALSE,
    contact_email  VARCHAR(200),
    contact_phone  VARCHAR(20),
    contact_note   VARCHAR(500),
    version        BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE connection_request (
    id                  UUID PRIMARY KEY,
    requester_member_id UUID         NOT NULL,
    requester_user_id   VARCHAR(100) NOT NULL,
    target_member_id    UUID         NOT NULL,
    target_user_id      VARCHAR(100) NOT NULL,
    province            VARCHAR(8)   NOT NULL,
    purpose             VARCHAR(40)  NOT NULL,
    message             VARCHAR(2000),
    status              VARCHAR(20)  NOT NULL,
    requested_on        DATE         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    decided_at          TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT connection_not_self_ck CHECK (requester_member_id <> target_member_id)
);
-- one open request between two members at a time
CREATE UNIQUE INDEX connection_one_pending ON connection_request (requester_member_id, target_member_id)
    WHERE status = 'PENDING';
CREATE INDEX connection_requester_day ON connection_request (requester_user_id, requested_on);
CREATE INDEX connection_target ON connection_request (target_user_id, id);

-- Voice of the Advisor (Art. 3-11)
CREATE TABLE advisor (
    id               UUID PRIMARY KEY,
    member_id        UUID         NOT NULL,
    user_id          VARCHAR(100) NOT NULL,
    province         VARCHAR(8)   NOT NULL,
    display_name     VARCHAR(300) NOT NULL,
    expertise        TEXT[]       NOT NULL,
    weekly_capacity  INT          NOT NULL CHECK (weekly_capacity BETWEEN 1 AND 100),
    channels         TEXT[]       NOT NULL,
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT advisor_one_per_member UNIQUE (member_id)
);

CREATE TABLE advice_request (
    id            UUID PRIMARY KEY,
    asker_user_id VARCHAR(100)  NOT NULL,
    province      VARCHAR(8)    NOT NULL,
    topic         VARCHAR(300)  NOT NULL,
    question      VARCHAR(4000) NOT NULL,
    expertise     TEXT[]        NOT NULL,
    channel       VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    advisor_id    UUID REFERENCES advisor (id),
    match_reason  VARCHAR(500),
    created_at    TIMESTAMPTZ   NOT NULL,
    assigned_at   TIMESTAMPTZ,
    due_at        TIMESTAMPTZ,
    answered_at   TIMESTAMPTZ,
    answer        VARCHAR(4000),
    rating        INT CHECK (rating BETWEEN 1 AND 5),
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX advice_request_advisor ON advice_request (advisor_id, assigned_at);
CREATE INDEX advice_request_province ON advice_request (province, id);

-- Tours (Art. 3-9)
CREATE TABLE tour (
    id                UUID PRIMARY KEY,
    host_province     VARCHAR(8)    NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    description       VARCHAR(4000),
    itinerary         TEXT          NOT NULL, -- JSON array of stops (day, city, site, enterprise)
    starts_on         DATE          NOT NULL,
    ends_on           DATE          NOT NULL,
    capacity          INT           NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    registration_opens  TIMESTAMPTZ NOT NULL,
    registration_closes TIMESTAMPTZ NOT NULL,
    eligibility       VARCHAR(20)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    confirmed         INT           NOT NULL DEFAULT 0,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT tour_dates_ck CHECK (ends_on >= starts_on),
    CONSTRAINT tour_window_ck CHECK (registration_closes > registration_opens),
    -- the backstop of "never more confirmed than capacity" (Art. 3-9)
    CONSTRAINT tour_capacity_ck CHECK (confirmed <= capacity)
);
CREATE INDEX tour_province ON tour (host_province, id);

CREATE TABLE tour_registration (
    id          UUID PRIMARY KEY,
    tour_id     UUID         NOT NULL REFERENCES tour (id),
    member_id   UUID         NOT NULL,
    user_id     VARCHAR(100) NOT NULL,
    province    VARCHAR(8)   NOT NULL,
    display_name VARCHAR(300) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    -- order of arrival: the waitlist is served in this order
    seq         BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    attended    BOOLEAN,
    version     BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tour_registration_one_live ON tour_registration (tour_id, member_id) WHERE status <> 'CANCELLED';
CREATE INDEX tour_registration_tour ON tour_registration (tour_id, status, seq);
CREATE SEQUENCE tour_registration_seq;

-- Support packages (Art. 3-4)
CREATE TABLE support_package (
    id           UUID PRIMARY KEY,
    title        VARCHAR(300)  NOT NULL,
    description  VARCHAR(4000),
    kind         VARCHAR(30)   NOT NULL,
    provider     VARCHAR(300)  NOT NULL,
    owner_province VARCHAR(8),
    categories   TEXT[]        NOT NULL DEFAULT '{}',
    sectors      TEXT[]        NOT NULL DEFAULT '{}',
    provinces    TEXT[]        NOT NULL DEFAULT '{}',
    valid_from   DATE          NOT NULL,
    valid_until  DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT support_package_period_ck CHECK (valid_until >= valid_from)
);
