-- Record-once keys: a live record blocks, an expired one is replaced.

-- name: RecordIdempotencyKey
INSERT INTO idempotency_keys (workspace_id, key, recorded_at, expires_at)
VALUES (@ws, @key, @now, @expires_at)
ON CONFLICT (workspace_id, key) DO UPDATE SET recorded_at = excluded.recorded_at, expires_at = excluded.expires_at
WHERE idempotency_keys.expires_at <= @now;

-- name: PurgeIdempotencyKeys
DELETE FROM idempotency_keys WHERE expires_at <= @now;
