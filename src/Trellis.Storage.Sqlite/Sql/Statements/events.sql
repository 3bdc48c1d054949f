-- The event log and what an append needs: aliases, tombstones, the person's pending flag.
-- Lists of ids are passed as one JSON array parameter and expanded with json_each.

-- name: SelectAliases
SELECT alias_id, person_id
FROM aliases
WHERE workspace_id = $ws AND alias_id IN (SELECT value FROM json_each($ids));

-- Whether the workspace has any tombstone at all: one probe of the primary key's first column.
-- name: AnyErased
SELECT EXISTS (SELECT 1 FROM erased_persons WHERE workspace_id = $ws);

-- name: SelectErasedHashes
SELECT id_hash
FROM erased_persons
WHERE workspace_id = $ws AND id_hash IN (SELECT value FROM json_each($hashes));

-- Creates the person or raises their pending flag. The WHERE skips the write when the flag is already up.
-- name: MarkPersonPending
INSERT INTO persons (workspace_id, person_id, has_unprocessed, created_at, updated_at)
VALUES ($ws, $person, 1, $now, $now)
ON CONFLICT (workspace_id, person_id) DO UPDATE SET has_unprocessed = 1
WHERE persons.has_unprocessed = 0;

-- Returns no row when the messageId is already stored (a duplicate).
-- name: InsertEvent
INSERT INTO events (workspace_id, person_id, message_id, kind, event_name, payload, occurred_at, received_at)
VALUES ($ws, $person, $message_id, $kind, $event_name, $payload, $occurred_at, $received_at)
ON CONFLICT (workspace_id, message_id) DO NOTHING
RETURNING seq;

-- name: ReadEvents
SELECT seq, person_id, message_id, kind, event_name, payload, occurred_at, received_at
FROM events
WHERE workspace_id = $ws AND person_id = $person AND seq > $after
ORDER BY seq
LIMIT $limit;
