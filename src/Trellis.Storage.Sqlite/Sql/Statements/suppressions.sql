-- Suppressions per channel and normalized address.

-- name: UpsertSuppression
INSERT INTO suppressions (workspace_id, channel, address, reason, at)
VALUES ($ws, $channel, $address, $reason, $at)
ON CONFLICT (workspace_id, channel, address) DO UPDATE SET reason = excluded.reason, at = excluded.at;

-- name: IsSuppressed
SELECT 1 FROM suppressions WHERE workspace_id = $ws AND channel = $channel AND address = $address;

-- $addresses: a JSON array of normalized addresses.
-- name: SuppressedAmong
SELECT address FROM suppressions
WHERE workspace_id = $ws AND channel = $channel AND address IN (SELECT value FROM json_each($addresses));

-- name: ListSuppressions
SELECT channel, address, reason, at
FROM suppressions
WHERE workspace_id = $ws AND ($channel IS NULL OR channel = $channel)
ORDER BY channel, address
LIMIT $limit;

-- name: DeleteSuppression
DELETE FROM suppressions WHERE workspace_id = $ws AND channel = $channel AND address = $address;
