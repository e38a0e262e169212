-- Idempotency-Key for creating POSTs (platform): key -> first response, replayed on retries.
CREATE TABLE idempotency_key (
    principal    TEXT        NOT NULL,
    idem_key     TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INT,
    content_type TEXT,
    body         TEXT,
    location     TEXT,
    etag         TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
