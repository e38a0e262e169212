-- Keycloak role sync (platform rolesync): the role each user should hold and the province it is scoped to,
-- recorded in the service's own transaction and pushed by RoleSyncJob outside any transaction, retried
-- until Keycloak accepts. seq versions the desired state: a push marks the row synced only if seq is
-- unchanged, so a newer state recorded during a push is pushed too.
CREATE TABLE role_sync (
    user_subject    varchar(255) NOT NULL,
    role            varchar(64)  NOT NULL,
    granted         boolean      NOT NULL,
    -- Written to scope_attribute (member_province by default); never the staff scope 'province'.
    scope_province  varchar(5),
    scope_attribute varchar(64)  NOT NULL,
    desired_at      timestamptz  NOT NULL,
    seq             bigint       NOT NULL,
    synced          boolean      NOT NULL DEFAULT false,
    synced_at       timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    PRIMARY KEY (user_subject, role),
    CONSTRAINT role_sync_not_staff_scope CHECK (lower(scope_attribute) <> 'province')
);
CREATE INDEX role_sync_due ON role_sync (next_attempt_at) WHERE NOT synced;
