-- The in-app inbox: one row per message, one message per send (a retried delivery finds the existing row).
CREATE TABLE inbox (
    workspace_id  TEXT    NOT NULL,
    id            TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    send_id       TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    metadata      TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    read_at       INTEGER,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX inbox_send ON inbox (workspace_id, send_id);
CREATE INDEX inbox_person ON inbox (workspace_id, person_id, created_at DESC, id DESC);

-- The guardrail's counts: one row per journey and time bucket, incremented in place.
CREATE TABLE guardrail_counts (
    workspace_id  TEXT    NOT NULL,
    journey_id    TEXT    NOT NULL,
    bucket_start  INTEGER NOT NULL,
    sends         INTEGER NOT NULL,
    complaints    INTEGER NOT NULL,
    unsubscribes  INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, journey_id, bucket_start)
);
CREATE INDEX guardrail_counts_age ON guardrail_counts (bucket_start);
