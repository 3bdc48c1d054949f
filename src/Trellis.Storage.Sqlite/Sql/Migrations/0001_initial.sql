-- Trellis storage schema, SQLite, version 1.
-- Instants are INTEGER microseconds since the Unix epoch (UTC). Every table leads with workspace_id and
-- every statement filters by it. There are no foreign keys: ingest speed matters more than a check the
-- code already guarantees (rows are only written for ids the server resolved).

CREATE TABLE workspaces (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    write_key_hash   TEXT    NOT NULL UNIQUE,
    secret_key_hash  TEXT    NOT NULL UNIQUE,
    created_at       INTEGER NOT NULL,
    keys_updated_at  INTEGER NOT NULL
);

-- One row per canonical person: the engine's state, its timer, and the profile.
-- has_unprocessed is set by every append for the person and recomputed by the engine's commit;
-- processed_seq is the engine's watermark: events with a higher seq are the ones still to process.
CREATE TABLE persons (
    workspace_id     TEXT    NOT NULL,
    person_id        TEXT    NOT NULL,
    state            BLOB,
    version          INTEGER NOT NULL DEFAULT 0,
    next_wake_at     INTEGER,
    has_unprocessed  INTEGER NOT NULL DEFAULT 0,
    processed_seq    INTEGER NOT NULL DEFAULT 0,
    traits           TEXT    NOT NULL DEFAULT '{}' CONSTRAINT traits_is_json CHECK (json_valid(traits)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, person_id)
);
-- Partial indexes keep the claim query cheap however many idle persons there are.
CREATE INDEX persons_unprocessed ON persons (has_unprocessed) WHERE has_unprocessed = 1;
CREATE INDEX persons_next_wake ON persons (next_wake_at) WHERE next_wake_at IS NOT NULL;

-- The event log. seq is the rowid with AUTOINCREMENT so it never goes back, not even after the newest
-- events are erased. The payload is not checked as JSON here: the server parsed it, and json_valid on
-- every ingested event would cost ingest throughput.
CREATE TABLE events (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id  TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    message_id    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    event_name    TEXT,
    payload       TEXT    NOT NULL,
    occurred_at   INTEGER NOT NULL,
    received_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX events_message_id ON events (workspace_id, message_id);
CREATE INDEX events_person ON events (workspace_id, person_id, seq);

-- alias id -> canonical person id (anonymousId -> userId, alias previousId -> userId).
CREATE TABLE aliases (
    workspace_id  TEXT    NOT NULL,
    alias_id      TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, alias_id)
);
CREATE INDEX aliases_person ON aliases (workspace_id, person_id);

-- Tombstones of erased person ids: SHA-256 of the id, never the id itself.
CREATE TABLE erased_persons (
    workspace_id  TEXT    NOT NULL,
    id_hash       TEXT    NOT NULL,
    erased_at     INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id_hash)
);

CREATE TABLE trace (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id  TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    type          TEXT    NOT NULL,
    journey_id    TEXT,
    step_id       TEXT,
    details       TEXT    NOT NULL CONSTRAINT details_is_json CHECK (json_valid(details))
);
CREATE INDEX trace_person ON trace (workspace_id, person_id, seq);

-- The transactional outbox. available_at means "may be sent from" while pending and "lease expires at"
-- while claimed, so one index finds everything a dispatcher may take.
CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id      TEXT    NOT NULL,
    person_id         TEXT    NOT NULL,
    journey_instance  TEXT    NOT NULL,
    step_id           TEXT    NOT NULL,
    decision_seq      INTEGER NOT NULL,
    channel           TEXT    NOT NULL,
    payload           TEXT    NOT NULL CONSTRAINT payload_is_json CHECK (json_valid(payload)),
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'claimed', 'sent', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    available_at      INTEGER NOT NULL,
    lease_token       TEXT,
    last_error        TEXT,
    created_at        INTEGER NOT NULL,
    completed_at      INTEGER
);
CREATE UNIQUE INDEX outbox_send_key ON outbox (workspace_id, person_id, journey_instance, step_id, decision_seq);
CREATE INDEX outbox_claimable ON outbox (available_at) WHERE status IN ('pending', 'claimed');

-- Latest consent statement per person and topic (or channel).
CREATE TABLE consents (
    workspace_id  TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    topic         TEXT    NOT NULL,
    granted       INTEGER NOT NULL,
    source        TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, person_id, topic)
);

-- Addresses are stored normalized (Suppression.NormalizeAddress).
CREATE TABLE suppressions (
    workspace_id  TEXT    NOT NULL,
    channel       TEXT    NOT NULL,
    address       TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, channel, address)
);

CREATE TABLE idempotency_keys (
    workspace_id  TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

CREATE TABLE journeys (
    workspace_id   TEXT    NOT NULL,
    journey_id     TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('draft', 'live', 'paused', 'paused_by_guardrail')),
    status_reason  TEXT,
    version        INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, journey_id)
);
