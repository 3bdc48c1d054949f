-- The transactional outbox. available_at is "send from" while pending and "lease ends" while claimed.

-- SKIP LOCKED: concurrent dispatchers (in any process) take disjoint entries without waiting.
-- name: ClaimOutbox
UPDATE outbox o SET status = 'claimed', attempts = o.attempts + 1, available_at = @lease_until, lease_token = @token
FROM (
    SELECT id FROM outbox
    WHERE status IN ('pending', 'claimed') AND available_at <= @now
    ORDER BY available_at
    LIMIT @max
    FOR UPDATE SKIP LOCKED
) AS due
WHERE o.id = due.id
RETURNING o.id, o.workspace_id, o.person_id, o.journey_instance, o.step_id, o.decision_seq, o.channel,
          o.payload::text, o.status, o.attempts, o.available_at, o.lease_token, o.last_error, o.created_at,
          o.completed_at, o.provider_message_id;

-- name: MarkOutboxSent
UPDATE outbox SET status = 'sent', completed_at = @at, lease_token = NULL, provider_message_id = @provider_id
WHERE workspace_id = @ws AND id = @id AND status = 'claimed' AND lease_token = @token;

-- name: MarkOutboxRetry
UPDATE outbox SET status = 'pending', available_at = @retry_at, last_error = @reason, lease_token = NULL
WHERE workspace_id = @ws AND id = @id AND status = 'claimed' AND lease_token = @token;

-- name: MarkOutboxFailed
UPDATE outbox SET status = 'failed', completed_at = @at, last_error = @reason, lease_token = NULL
WHERE workspace_id = @ws AND id = @id AND status = 'claimed' AND lease_token = @token;

-- Several outcomes in one statement (and one commit): each row of the arrays is one mark, applied exactly as
-- MarkOutboxSent / MarkOutboxRetry / MarkOutboxFailed would; the result says which leases were still held. The
-- in-app messages of the sends marked sent (@in_*: one element per OutboxMark.SentToInbox, empty arrays when there
-- is none) are inserted by the same statement, only for the marks that were recorded (joined on what the update
-- returned).
-- name: MarkOutboxMany
WITH marked AS (
    UPDATE outbox o SET
        status = m.status,
        completed_at = CASE WHEN m.status = 'pending' THEN o.completed_at ELSE m.at END,
        available_at = CASE WHEN m.status = 'pending' THEN m.retry_at ELSE o.available_at END,
        last_error = CASE WHEN m.status = 'sent' THEN o.last_error ELSE m.reason END,
        provider_message_id = CASE WHEN m.status = 'sent' THEN m.provider_id ELSE o.provider_message_id END,
        lease_token = NULL
    FROM unnest(@ws_list, @ids, @tokens, @statuses, @ats, @provider_ids, @reasons, @retry_ats)
        AS m(ws, id, token, status, at, provider_id, reason, retry_at)
    WHERE o.workspace_id = m.ws AND o.id = m.id AND o.status = 'claimed' AND o.lease_token = m.token
    RETURNING o.workspace_id, o.id
), inboxed AS (
    INSERT INTO inbox (workspace_id, id, person_id, send_id, title, body, metadata, created_at, read_at)
    SELECT n.ws, n.message_id, n.person, n.send, n.title, n.body, n.metadata, n.created, NULL
    FROM unnest(@in_ws, @in_outbox_ids, @in_ids, @in_persons, @in_sends, @in_titles, @in_bodies, @in_metadata, @in_created)
        AS n(ws, outbox_id, message_id, person, send, title, body, metadata, created)
    JOIN marked ON marked.workspace_id = n.ws AND marked.id = n.outbox_id
    ON CONFLICT DO NOTHING
)
SELECT workspace_id, id FROM marked;

-- name: EarliestOutboxDue
SELECT min(available_at) FROM outbox WHERE status IN ('pending', 'claimed');

-- name: GetOutbox
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload::text, status,
       attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox
WHERE workspace_id = @ws AND id = @id;

-- name: ListOutboxForPerson
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload::text, status,
       attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox
WHERE workspace_id = @ws AND person_id = @person
ORDER BY id;

-- name: FindOutboxByProviderId
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload::text, status,
       attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox
WHERE provider_message_id = @provider_id
ORDER BY id DESC
LIMIT 1;
