-- The event log and what an append needs. Rows travel as parallel arrays expanded with unnest, so a
-- whole batch is one statement (one round trip) however many events it holds.

-- name: SelectAliases
SELECT alias_id, person_id
FROM aliases
WHERE workspace_id = @ws AND alias_id = ANY(@ids);

-- name: SelectErasedHashes
SELECT id_hash
FROM erased_persons
WHERE workspace_id = @ws AND id_hash = ANY(@hashes);

-- Creates the persons or raises their pending flag, in the given (sorted) order. DO UPDATE locks each
-- row even when the WHERE skips the write: an append waits here for a worker that holds the person, so
-- its events cannot slip in between the worker's read and its commit.
-- name: MarkPersonsPending
INSERT INTO persons (workspace_id, person_id, has_unprocessed, created_at, updated_at)
SELECT @ws, p.person_id, true, @now, @now
FROM unnest(@persons::text[]) WITH ORDINALITY AS p(person_id, n)
ORDER BY p.n
ON CONFLICT (workspace_id, person_id) DO UPDATE SET has_unprocessed = true
WHERE NOT persons.has_unprocessed;

-- Inserts in batch order (sequences follow it). Skips duplicates (by messageId) and, as a guard for an
-- erasure that committed while this append waited for a row lock, persons with a tombstone.
-- name: InsertEvents
INSERT INTO events (workspace_id, person_id, message_id, kind, event_name, payload, occurred_at, received_at)
SELECT @ws, e.person_id, e.message_id, e.kind, e.event_name, e.payload::json, e.occurred_at, e.received_at
FROM unnest(@person_ids::text[], @message_ids::text[], @kinds::text[], @event_names::text[], @payloads::text[],
            @occurred_ats::timestamptz[], @received_ats::timestamptz[])
     WITH ORDINALITY AS e(person_id, message_id, kind, event_name, payload, occurred_at, received_at, n)
WHERE NOT EXISTS (
    SELECT 1 FROM erased_persons t
    WHERE t.workspace_id = @ws AND t.id_hash = encode(sha256(convert_to(e.person_id, 'UTF8')), 'hex'))
ORDER BY e.n
ON CONFLICT (workspace_id, message_id) DO NOTHING
RETURNING message_id, seq;

-- Only run when some events were not inserted: tells a tombstoned person (erased meanwhile) from a duplicate.
-- name: ErasedAmong
SELECT p.person_id
FROM unnest(@persons::text[]) AS p(person_id)
WHERE EXISTS (
    SELECT 1 FROM erased_persons t
    WHERE t.workspace_id = @ws AND t.id_hash = encode(sha256(convert_to(p.person_id, 'UTF8')), 'hex'));

-- name: DeletePersons
DELETE FROM persons WHERE workspace_id = @ws AND person_id = ANY(@persons);

-- name: ReadEvents
SELECT seq, person_id, message_id, kind, event_name, payload::text, occurred_at, received_at
FROM events
WHERE workspace_id = @ws AND person_id = @person AND seq > @after
ORDER BY seq
LIMIT @limit;
