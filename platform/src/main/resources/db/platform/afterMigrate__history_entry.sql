-- Audit history (platform History): who, when, what, why of every state change (conventions).
--
-- A Flyway afterMigrate callback, not a versioned migration, on purpose: it runs after the service's own
-- migrations on every start and is idempotent. A versioned platform migration (0.x) would run BEFORE a
-- service's V1 on a fresh database, and membership-service's V1 already creates history_entry itself
-- (CREATE TABLE without IF NOT EXISTS, and an applied migration cannot be edited: its checksum is
-- checked). So: create the table where no service did, add what later platform versions need to a table a
-- service created, widen columns a service declared narrower. Never drops or narrows anything.
CREATE TABLE IF NOT EXISTS history_entry (
    id              uuid         PRIMARY KEY,
    aggregate_type  varchar(64)  NOT NULL,
    aggregate_id    uuid         NOT NULL,
    at              timestamptz  NOT NULL,
    actor           varchar(255) NOT NULL,
    actor_name      varchar(255),
    action          varchar(64)  NOT NULL,
    from_status     varchar(32),
    to_status       varchar(32),
    resolution_ref  varchar(255),
    reason          text,
    document_ref    varchar(255)
);

ALTER TABLE history_entry ADD COLUMN IF NOT EXISTS document_ref varchar(255);

DO $$
DECLARE
    wanted CONSTANT text[][] := ARRAY[['aggregate_type', '64'], ['action', '64'], ['from_status', '32'],
                                      ['to_status', '32'], ['resolution_ref', '255']];
    i int;
BEGIN
    FOR i IN 1 .. array_length(wanted, 1) LOOP
        IF (SELECT character_maximum_length FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'history_entry'
              AND column_name = wanted[i][1]) < wanted[i][2]::int THEN
            EXECUTE format('ALTER TABLE history_entry ALTER COLUMN %I TYPE varchar(%s)', wanted[i][1], wanted[i][2]);
        END IF;
    END LOOP;
END
$$;

CREATE INDEX IF NOT EXISTS history_entry_aggregate ON history_entry (aggregate_id, at, id);
