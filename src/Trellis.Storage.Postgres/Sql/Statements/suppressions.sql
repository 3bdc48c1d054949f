-- Suppressions per channel and normalized address (writes: UpsertSuppressionRows in effects.sql).

-- name: IsSuppressed
SELECT 1 FROM suppressions WHERE workspace_id = @ws AND channel = @channel AND address = @address;

-- name: SuppressedAmong
SELECT address FROM suppressions WHERE workspace_id = @ws AND channel = @channel AND address = ANY(@addresses);

-- name: ListSuppressions
SELECT channel, address, reason, at
FROM suppressions
WHERE workspace_id = @ws AND (@channel::text IS NULL OR channel = @channel)
ORDER BY channel COLLATE "C", address COLLATE "C"
LIMIT @limit;

-- name: DeleteSuppression
DELETE FROM suppressions WHERE workspace_id = @ws AND channel = @channel AND address = @address;
