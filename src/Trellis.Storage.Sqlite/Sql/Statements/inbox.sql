-- The in-app inbox and the guardrail's counts.

-- name: InsertInboxMessage
INSERT INTO inbox (workspace_id, id, person_id, send_id, title, body, metadata, created_at, read_at)
VALUES ($ws, $id, $person, $send, $title, $body, $metadata, $created, NULL)
ON CONFLICT DO NOTHING;

-- name: InboxMessageBySend
SELECT id, person_id, send_id, title, body, metadata, created_at, read_at
FROM inbox WHERE workspace_id = $ws AND send_id = $send;

-- name: ListInbox
SELECT id, person_id, send_id, title, body, metadata, created_at, read_at
FROM inbox
WHERE workspace_id = $ws AND person_id = $person AND ($unread_only = 0 OR read_at IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT $limit;

-- name: MarkInboxRead
UPDATE inbox SET read_at = coalesce(read_at, $at)
WHERE workspace_id = $ws AND person_id = $person AND id = $id;

-- name: AddGuardrailCounts
INSERT INTO guardrail_counts (workspace_id, journey_id, bucket_start, sends, complaints, unsubscribes)
VALUES ($ws, $journey, $bucket, $sends, $complaints, $unsubscribes)
ON CONFLICT (workspace_id, journey_id, bucket_start) DO UPDATE SET
    sends = sends + excluded.sends,
    complaints = complaints + excluded.complaints,
    unsubscribes = unsubscribes + excluded.unsubscribes;

-- name: SumGuardrailCounts
SELECT coalesce(sum(sends), 0), coalesce(sum(complaints), 0), coalesce(sum(unsubscribes), 0)
FROM guardrail_counts
WHERE workspace_id = $ws AND journey_id = $journey AND bucket_start > $after AND bucket_start <= $until;

-- name: PruneGuardrailCounts
DELETE FROM guardrail_counts WHERE bucket_start < $before;
