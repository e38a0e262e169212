-- Tables of the platform's test application only.
CREATE TABLE test_note (
    id      UUID PRIMARY KEY,
    text    TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE test_applied_event (
    event_id TEXT NOT NULL,
    payload  TEXT NOT NULL
);
