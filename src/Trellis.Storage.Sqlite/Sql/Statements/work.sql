-- Claiming persons for the engine and writing back what it decided.

-- Persons with pending events first, then those whose timer is due. Each branch is limited on its own
-- index so the query stays cheap with a long backlog. Only ids are read here: persons held by this process's
-- open work units (SqliteClaimRegistry) are among them and are skipped before their rows are read.
-- name: ClaimCandidates
SELECT rowid, workspace_id, person_id
FROM persons
WHERE rowid IN (
    SELECT rowid FROM (SELECT rowid FROM persons WHERE has_unprocessed = 1 LIMIT $max)
    UNION
    SELECT rowid FROM (SELECT rowid FROM persons WHERE next_wake_at <= $now ORDER BY next_wake_at LIMIT $max)
)
LIMIT $max;

-- The rows of the chosen candidates ($rowids: a JSON array of rowids).
-- name: ClaimedRows
SELECT p.workspace_id, p.person_id, p.state, p.version, p.next_wake_at, p.processed_seq, p.traits, p.created_at, p.updated_at
FROM json_each($rowids) AS r
CROSS JOIN persons AS p ON p.rowid = r.value;

-- The unprocessed events of every claimed person in one statement ($claimed: a JSON array of
-- [workspace, person, processed_seq]) instead of one query per person. CROSS JOIN keeps json_each outside,
-- so each claimed person is one range lookup on events_person.
-- name: PendingEventsOf
SELECT e.seq, e.person_id, e.message_id, e.kind, e.event_name, e.payload, e.occurred_at, e.received_at, e.workspace_id
FROM json_each($claimed) AS c
CROSS JOIN events AS e
    ON e.workspace_id = c.value ->> 0 AND e.person_id = c.value ->> 1 AND e.seq > c.value ->> 2
ORDER BY e.seq;

-- The consent of every claimed person ($claimed as above), one statement for the whole claim.
-- name: ConsentsOf
SELECT s.topic, s.granted, s.source, s.at, s.workspace_id, s.person_id
FROM json_each($claimed) AS c
CROSS JOIN consents AS s
    ON s.workspace_id = c.value ->> 0 AND s.person_id = c.value ->> 1;

-- name: SuppressionOfAddress
SELECT channel, address, reason, at
FROM suppressions
WHERE workspace_id = $ws AND channel = $channel AND address = $address;

-- In SET, column names read the row as it was before the update, so max(...) keeps the watermark
-- from moving backwards and the pending flag looks past the new watermark.
-- name: SavePerson
UPDATE persons SET
    state = $state,
    version = version + 1,
    next_wake_at = $next_wake_at,
    processed_seq = max(processed_seq, $processed_through),
    has_unprocessed = EXISTS (
        SELECT 1 FROM events
        WHERE workspace_id = $ws AND person_id = $person AND seq > max(persons.processed_seq, $processed_through)),
    traits = coalesce($traits, traits),
    updated_at = $now
WHERE workspace_id = $ws AND person_id = $person AND version = $claimed_version;

-- name: EarliestWake
SELECT min(next_wake_at) FROM persons WHERE next_wake_at IS NOT NULL;
