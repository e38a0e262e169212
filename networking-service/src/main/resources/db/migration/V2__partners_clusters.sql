-- Partners (Art. 3-3, 3-15, 3-17) and economic clusters (Art. 3-13).
CREATE TABLE partner (
    id          UUID PRIMARY KEY,
    province    VARCHAR(8)    NOT NULL,
    kind        VARCHAR(40)   NOT NULL,
    name        VARCHAR(300)  NOT NULL,
    description VARCHAR(4000),
    contacts    TEXT          NOT NULL DEFAULT '[]', -- JSON array of {name, role, email, phone}: staff and ministry only
    search_key  TEXT          NOT NULL,
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX partner_province ON partner (province, id);

CREATE TABLE partner_engagement (
    id           UUID PRIMARY KEY,
    partner_id   UUID          NOT NULL REFERENCES partner (id),
    kind         VARCHAR(20)   NOT NULL,
    occurred_on  DATE          NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    amount_rials BIGINT,
    reference    VARCHAR(100),
    recorded_by  VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    -- donations and pledges carry a positive amount (Art. 3-17)
    CONSTRAINT engagement_amount_ck CHECK (kind NOT IN ('DONATION', 'PLEDGE') OR amount_rials > 0)
);
CREATE INDEX partner_engagement_partner ON partner_engagement (partner_id, occurred_on, id);

CREATE TABLE cluster (
    id          UUID PRIMARY KEY,
    province    VARCHAR(8)    NOT NULL,
    name        VARCHAR(300)  NOT NULL,
    value_chain VARCHAR(300)  NOT NULL,
    description VARCHAR(4000),
    status      VARCHAR(20)   NOT NULL,
    member_ids  UUID[]        NOT NULL DEFAULT '{}',
    partner_ids UUID[]        NOT NULL DEFAULT '{}',
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX cluster_province ON cluster (province, id);
