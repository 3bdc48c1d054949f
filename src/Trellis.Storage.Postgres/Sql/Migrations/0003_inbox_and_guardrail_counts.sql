-- The in-app inbox: one row per message, one message per send (a retried delivery finds the existing row).
CREATE TABLE inbox (
    workspace_id  text COLLATE "C" NOT NULL,
    id            text COLLATE "C" NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    send_id       text COLLATE "C" NOT NULL,
    title         text             NOT NULL,
    body          text             NOT NULL,
    metadata      text             NOT NULL,
    created_at    timestamptz      NOT NULL,
    read_at       timestamptz,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX inbox_send ON inbox (workspace_id, send_id);
CREATE INDEX inbox_person ON inbox (workspace_id, person_id, created_at DESC, id DESC);

-- The guardrail's counts: one row per journey and time bucket, incremented in place.
CREATE TABLE guardrail_counts (
    workspace_id  text COLLATE "C" NOT NULL,
    journey_id    text COLLATE "C" NOT NULL,
    bucket_start  timestamptz      NOT NULL,
    sends         bigint           NOT NULL,
    complaints    bigint           NOT NULL,
    unsubscribes  bigint           NOT NULL,
    PRIMARY KEY (workspace_id, journey_id, bucket_start)
);
CREATE INDEX guardrail_counts_age ON guardrail_counts (bucket_start);
