-- Trellis storage schema, PostgreSQL, version 1. Created in the store's schema (search_path).
-- Every table leads with workspace_id and every statement filters by it. There are no foreign keys:
-- ingest speed matters more than a check the code already guarantees. Id and key columns use the "C"
-- collation: byte order (the ordinal order SQLite and C# use, so paging by id agrees everywhere) and
-- the cheapest comparisons, whatever the database's locale.

CREATE TABLE workspaces (
    id               text COLLATE "C" NOT NULL PRIMARY KEY,
    name             text             NOT NULL,
    write_key_hash   text COLLATE "C" NOT NULL UNIQUE,
    secret_key_hash  text COLLATE "C" NOT NULL UNIQUE,
    created_at       timestamptz      NOT NULL,
    keys_updated_at  timestamptz      NOT NULL
);

-- One row per canonical person: the engine's state, its timer, and the profile. The row is also the
-- person's lock: a worker holds it (FOR UPDATE) while it processes the person, and an append takes it
-- before it adds events, so appends and engine commits for one person are serialised.
-- has_unprocessed is raised by every append and recomputed by the engine's commit; processed_seq is the
-- engine's watermark: events with a higher seq are the ones still to process.
CREATE TABLE persons (
    workspace_id     text COLLATE "C" NOT NULL,
    person_id        text COLLATE "C" NOT NULL,
    state            bytea,
    version          bigint           NOT NULL DEFAULT 0,
    next_wake_at     timestamptz,
    has_unprocessed  boolean          NOT NULL DEFAULT false,
    processed_seq    bigint           NOT NULL DEFAULT 0,
    traits           jsonb            NOT NULL DEFAULT '{}',
    created_at       timestamptz      NOT NULL,
    updated_at       timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, person_id)
);
-- Partial indexes keep the claim query cheap however many idle persons there are.
CREATE INDEX persons_unprocessed ON persons (workspace_id, person_id) WHERE has_unprocessed;
CREATE INDEX persons_next_wake ON persons (next_wake_at) WHERE next_wake_at IS NOT NULL;

-- The event log. Sequences come from one sequence so they increase across the store; per person they
-- also follow commit order, because an append holds the person's row lock while it takes them.
CREATE SEQUENCE event_seq;
CREATE TABLE events (
    workspace_id  text COLLATE "C" NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    seq           bigint           NOT NULL DEFAULT nextval('event_seq'),
    message_id    text COLLATE "C" NOT NULL,
    kind          text             NOT NULL,
    event_name    text,
    payload       json             NOT NULL,
    occurred_at   timestamptz      NOT NULL,
    received_at   timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, person_id, seq)
);
ALTER SEQUENCE event_seq OWNED BY events.seq;
CREATE UNIQUE INDEX events_message_id ON events (workspace_id, message_id);

-- alias id -> canonical person id (anonymousId -> userId, alias previousId -> userId).
CREATE TABLE aliases (
    workspace_id  text COLLATE "C" NOT NULL,
    alias_id      text COLLATE "C" NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    created_at    timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, alias_id)
);
CREATE INDEX aliases_person ON aliases (workspace_id, person_id);

-- Tombstones of erased person ids: SHA-256 (hex) of the id, never the id itself.
CREATE TABLE erased_persons (
    workspace_id  text COLLATE "C" NOT NULL,
    id_hash       text COLLATE "C" NOT NULL,
    erased_at     timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, id_hash)
);

CREATE TABLE trace (
    seq           bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  text COLLATE "C" NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    at            timestamptz      NOT NULL,
    type          text             NOT NULL,
    journey_id    text,
    step_id       text,
    details       json             NOT NULL
);
CREATE INDEX trace_person ON trace (workspace_id, person_id, seq);

-- The transactional outbox. available_at means "may be sent from" while pending and "lease expires at"
-- while claimed, so one index finds everything a dispatcher may take.
CREATE TABLE outbox (
    id                bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id      text COLLATE "C" NOT NULL,
    person_id         text COLLATE "C" NOT NULL,
    journey_instance  text COLLATE "C" NOT NULL,
    step_id           text COLLATE "C" NOT NULL,
    decision_seq      bigint           NOT NULL,
    channel           text COLLATE "C" NOT NULL,
    payload           json             NOT NULL,
    status            text             NOT NULL CHECK (status IN ('pending', 'claimed', 'sent', 'failed')),
    attempts          integer          NOT NULL DEFAULT 0,
    available_at      timestamptz      NOT NULL,
    lease_token       uuid,
    last_error        text,
    created_at        timestamptz      NOT NULL,
    completed_at      timestamptz
);
CREATE UNIQUE INDEX outbox_send_key ON outbox (workspace_id, person_id, journey_instance, step_id, decision_seq);
CREATE INDEX outbox_claimable ON outbox (available_at) WHERE status IN ('pending', 'claimed');

-- Latest consent statement per person and topic (or channel).
CREATE TABLE consents (
    workspace_id  text COLLATE "C" NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    topic         text COLLATE "C" NOT NULL,
    granted       boolean          NOT NULL,
    source        text             NOT NULL,
    at            timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, person_id, topic)
);

-- Addresses are stored normalized (Suppression.NormalizeAddress).
CREATE TABLE suppressions (
    workspace_id  text COLLATE "C" NOT NULL,
    channel       text COLLATE "C" NOT NULL,
    address       text COLLATE "C" NOT NULL,
    reason        text             NOT NULL,
    at            timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, channel, address)
);

CREATE TABLE idempotency_keys (
    workspace_id  text COLLATE "C" NOT NULL,
    key           text COLLATE "C" NOT NULL,
    recorded_at   timestamptz      NOT NULL,
    expires_at    timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

CREATE TABLE journeys (
    workspace_id   text COLLATE "C" NOT NULL,
    journey_id     text COLLATE "C" NOT NULL,
    source         text             NOT NULL,
    status         text             NOT NULL CHECK (status IN ('draft', 'live', 'paused', 'paused_by_guardrail')),
    status_reason  text,
    version        bigint           NOT NULL,
    updated_at     timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, journey_id)
);
