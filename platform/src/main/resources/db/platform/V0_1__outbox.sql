-- Transactional outbox (platform). Versions 0.x belong to the platform; services start at V1.
-- A row is written in the same transaction as the business change and deleted once Kafka has it.
CREATE TABLE outbox_event (
    seq          BIGSERIAL   PRIMARY KEY,           -- publication order
    id           UUID        NOT NULL UNIQUE,       -- the CloudEvent id
    topic        TEXT        NOT NULL,
    aggregate_id TEXT        NOT NULL,              -- Kafka record key: per-aggregate order
    event_type   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,              -- CloudEvent, JSON structured mode
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Wake the relay on commit: NOTIFY is delivered only when (and if) the inserting transaction commits,
-- and several NOTIFYs with the same payload in one transaction are folded into one.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kanoon_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
