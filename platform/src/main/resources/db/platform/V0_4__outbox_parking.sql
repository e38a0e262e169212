-- Outbox parking (platform): a row Kafka always refuses (too large, not authorised, invalid topic) is
-- PARKED with its reason instead of blocking every later event; later rows of the same aggregate stay
-- PENDING but are held behind it ("blocked") so per-aggregate order is never broken.
-- An operator re-queues a parked row with:
--   UPDATE outbox_event SET status = 'PENDING', parked_reason = NULL, parked_at = NULL WHERE id = '<event id>';
ALTER TABLE outbox_event
    ADD COLUMN status        TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PARKED')),
    ADD COLUMN parked_reason TEXT,
    ADD COLUMN parked_at     TIMESTAMPTZ;

CREATE INDEX outbox_event_parked ON outbox_event (topic, aggregate_id, seq) WHERE status = 'PARKED';
