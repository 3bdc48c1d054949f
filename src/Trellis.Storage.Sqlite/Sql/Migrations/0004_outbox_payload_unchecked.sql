-- The outbox without CHECK (json_valid(payload)). The engine worker is the only writer of payloads and always
-- writes JSON (OutboxPayloadJson), and the check parsed every ~1.7 KB payload again inside the engine's write
-- transaction: 3-4 µs per send of the engine's commit (BENCHMARKS.md, render + enqueue). The events table
-- skips the same check for the same reason.
-- SQLite cannot drop a CHECK in place, so the table is rebuilt (create, copy, drop, rename, index) inside the
-- migrator's one transaction. Ids are copied as they are, and the AUTOINCREMENT high-water mark is carried
-- over, so an id is never given out twice, not even one whose row was erased. Columns keep their order.
CREATE TABLE outbox_rebuilt (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id         TEXT    NOT NULL,
    person_id            TEXT    NOT NULL,
    journey_instance     TEXT    NOT NULL,
    step_id              TEXT    NOT NULL,
    decision_seq         INTEGER NOT NULL,
    channel              TEXT    NOT NULL,
    payload              TEXT    NOT NULL,
    status               TEXT    NOT NULL CHECK (status IN ('pending', 'claimed', 'sent', 'failed')),
    attempts             INTEGER NOT NULL DEFAULT 0,
    available_at         INTEGER NOT NULL,
    lease_token          TEXT,
    last_error           TEXT,
    created_at           INTEGER NOT NULL,
    completed_at         INTEGER,
    provider_message_id  TEXT
);
INSERT INTO outbox_rebuilt (id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload,
                            status, attempts, available_at, lease_token, last_error, created_at, completed_at,
                            provider_message_id)
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload,
       status, attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox;
DELETE FROM sqlite_sequence WHERE name = 'outbox_rebuilt';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_rebuilt', seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
CREATE UNIQUE INDEX outbox_send_key ON outbox (workspace_id, person_id, journey_instance, step_id, decision_seq);
CREATE INDEX outbox_claimable ON outbox (available_at) WHERE status IN ('pending', 'claimed');
CREATE INDEX outbox_provider_message ON outbox (provider_message_id) WHERE provider_message_id IS NOT NULL;
