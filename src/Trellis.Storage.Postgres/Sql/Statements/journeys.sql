-- Journey sources and their publication status.

-- name: GetJourney
SELECT journey_id, source, status, status_reason, version, updated_at
FROM journeys
WHERE workspace_id = @ws AND journey_id = @journey_id;

-- Locks the row (when it exists) so a concurrent upload waits and then sees the new version.
-- name: GetJourneyForUpdate
SELECT journey_id, source, status, status_reason, version, updated_at
FROM journeys
WHERE workspace_id = @ws AND journey_id = @journey_id
FOR UPDATE;

-- name: ListJourneys
SELECT journey_id, source, status, status_reason, version, updated_at
FROM journeys
WHERE workspace_id = @ws
ORDER BY journey_id COLLATE "C";

-- name: InsertJourney
INSERT INTO journeys (workspace_id, journey_id, source, status, status_reason, version, updated_at)
VALUES (@ws, @journey_id, @source, 'draft', NULL, 1, @at);

-- name: UpdateJourneySource
UPDATE journeys SET source = @source, version = version + 1, updated_at = @at
WHERE workspace_id = @ws AND journey_id = @journey_id;

-- name: SetJourneyStatus
UPDATE journeys SET status = @status, status_reason = @reason, updated_at = @at
WHERE workspace_id = @ws AND journey_id = @journey_id;

-- name: DeleteJourney
DELETE FROM journeys WHERE workspace_id = @ws AND journey_id = @journey_id;
