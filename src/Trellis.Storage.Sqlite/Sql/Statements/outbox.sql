-- The transactional outbox. available_at is "send from" while pending and "lease ends" while claimed.

-- name: InsertOutbox
INSERT INTO outbox (workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload,
                    status, attempts, available_at, created_at)
VALUES ($ws, $person, $journey_instance, $step_id, $decision_seq, $channel, $payload,
        'pending', 0, $available_at, $now)
ON CONFLICT (workspace_id, person_id, journey_instance, step_id, decision_seq) DO NOTHING;

-- name: ClaimOutbox
UPDATE outbox SET status = 'claimed', attempts = attempts + 1, available_at = $lease_until, lease_token = $token
WHERE id IN (
    SELECT id FROM outbox
    WHERE status IN ('pending', 'claimed') AND available_at <= $now
    ORDER BY available_at
    LIMIT $max)
RETURNING id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, status,
          attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id;

-- name: MarkOutboxSent
UPDATE outbox SET status = 'sent', completed_at = $at, lease_token = NULL, provider_message_id = $provider_id
WHERE workspace_id = $ws AND id = $id AND status = 'claimed' AND lease_token = $token;

-- name: MarkOutboxRetry
UPDATE outbox SET status = 'pending', available_at = $retry_at, last_error = $reason, lease_token = NULL
WHERE workspace_id = $ws AND id = $id AND status = 'claimed' AND lease_token = $token;

-- name: MarkOutboxFailed
UPDATE outbox SET status = 'failed', completed_at = $at, last_error = $reason, lease_token = NULL
WHERE workspace_id = $ws AND id = $id AND status = 'claimed' AND lease_token = $token;

-- name: EarliestOutboxDue
SELECT min(available_at) FROM outbox WHERE status IN ('pending', 'claimed');

-- name: GetOutbox
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, status,
       attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox
WHERE workspace_id = $ws AND id = $id;

-- name: ListOutboxForPerson
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, status,
       attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox
WHERE workspace_id = $ws AND person_id = $person
ORDER BY id;

-- name: FindOutboxByProviderId
SELECT id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, status,
       attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id
FROM outbox
WHERE provider_message_id = $provider_id
ORDER BY id DESC
LIMIT 1;
