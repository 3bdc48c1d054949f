-- Claiming persons for the engine and writing back what it decided. A unit of work is one transaction:
-- the claim locks the persons' rows (FOR UPDATE), the commit writes everything and releases them. Rows
-- locked by another process are skipped (SKIP LOCKED), so processes share the work without waiting;
-- if a process dies, its transaction aborts and the rows are free again.

-- Two LIMITed index lookups instead of one `has_unprocessed OR next_wake_at <= @now` filter: that OR gets a
-- sequential scan of the whole table whenever the statistics are stale (a fresh or fast-growing table: the
-- backlog's rows sit at the end of the heap), so each claim cost O(persons). The ORDER BYs match the partial
-- indexes (persons_unprocessed, persons_next_wake), so the plan is an index walk whatever the statistics say.
-- Each branch locks only the rows it returns (SKIP LOCKED), the due branch takes what the pending one left of
-- @max, and a person with pending events is claimed through the pending branch only.
-- name: ClaimPersons
WITH pending AS (
    SELECT workspace_id, person_id FROM persons
    WHERE has_unprocessed
    ORDER BY workspace_id, person_id
    LIMIT @max
    FOR UPDATE SKIP LOCKED),
due AS (
    SELECT workspace_id, person_id FROM persons
    WHERE next_wake_at <= @now AND NOT has_unprocessed
    ORDER BY next_wake_at
    LIMIT (SELECT @max - count(*) FROM pending)
    FOR UPDATE SKIP LOCKED)
SELECT p.workspace_id, p.person_id, p.state, p.version, p.next_wake_at, p.processed_seq, p.traits::text,
       p.created_at, p.updated_at
FROM persons p
JOIN (SELECT workspace_id, person_id FROM pending UNION ALL SELECT workspace_id, person_id FROM due) AS c
  ON p.workspace_id = c.workspace_id AND p.person_id = c.person_id;

-- name: PendingEventsOf
SELECT e.workspace_id, e.seq, e.person_id, e.message_id, e.kind, e.event_name, e.payload::text, e.occurred_at, e.received_at
FROM unnest(@ws_ids::text[], @person_ids::text[], @after_seqs::bigint[]) AS c(workspace_id, person_id, after_seq)
JOIN events e ON e.workspace_id = c.workspace_id AND e.person_id = c.person_id AND e.seq > c.after_seq
ORDER BY e.seq;

-- name: ConsentsOf
SELECT c.workspace_id, c.person_id, c.topic, c.granted, c.source, c.at
FROM unnest(@ws_ids::text[], @person_ids::text[]) AS p(workspace_id, person_id)
JOIN consents c ON c.workspace_id = p.workspace_id AND c.person_id = p.person_id
ORDER BY c.topic COLLATE "C";

-- name: SuppressionsOf
SELECT s.workspace_id, s.channel, s.address, s.reason, s.at
FROM unnest(@ws_ids::text[], @channels::text[], @addresses::text[]) AS a(workspace_id, channel, address)
JOIN suppressions s ON s.workspace_id = a.workspace_id AND s.channel = a.channel AND s.address = a.address;

-- In SET, p.* is the row before the update: greatest(...) keeps the watermark from moving backwards
-- and the pending flag looks past the new watermark.
-- name: SavePersons
UPDATE persons p SET
    state = u.state,
    version = p.version + 1,
    next_wake_at = u.next_wake_at,
    processed_seq = greatest(p.processed_seq, u.processed_through),
    has_unprocessed = EXISTS (
        SELECT 1 FROM events e
        WHERE e.workspace_id = p.workspace_id AND e.person_id = p.person_id
          AND e.seq > greatest(p.processed_seq, u.processed_through)),
    traits = coalesce(u.traits::jsonb, p.traits),
    updated_at = @now
FROM unnest(@ws_ids::text[], @person_ids::text[], @states::bytea[], @next_wake_ats::timestamptz[],
            @processed_throughs::bigint[], @traits::text[])
     AS u(workspace_id, person_id, state, next_wake_at, processed_through, traits)
WHERE p.workspace_id = u.workspace_id AND p.person_id = u.person_id;

-- name: EarliestWake
SELECT min(next_wake_at) FROM persons WHERE next_wake_at IS NOT NULL;
