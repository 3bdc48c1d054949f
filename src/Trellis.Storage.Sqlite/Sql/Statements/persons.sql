-- Profiles, trace, identity resolution and erasure.

-- name: GetProfile
SELECT person_id, traits, created_at, updated_at
FROM persons
WHERE workspace_id = $ws AND person_id = $person;

-- name: ListProfiles
SELECT person_id, traits, created_at, updated_at
FROM persons
WHERE workspace_id = $ws AND person_id > $after
ORDER BY person_id
LIMIT $limit;

-- name: CountPersons
SELECT count(*) FROM persons WHERE workspace_id = $ws;

-- name: ResolveAlias
SELECT person_id FROM aliases WHERE workspace_id = $ws AND alias_id = $id;

-- name: AliasesOf
SELECT alias_id FROM aliases WHERE workspace_id = $ws AND person_id = $person;

-- Rows of trace lines (TraceBatch): from the row holding the line after the cursor, inclusive.
-- name: ReadTrace
SELECT seq, lines
FROM trace
WHERE workspace_id = $ws AND person_id = $person AND seq >= $first_row
ORDER BY seq
LIMIT $rows;

-- name: InsertTrace
INSERT INTO trace (workspace_id, person_id, lines)
VALUES ($ws, $person, $lines);

-- Creates an empty profile (no pending work) for writes that come before any event, e.g. consent.
-- A write outside the engine that the engine decides on (consent) bumps the version, so that a work unit
-- that claimed the person before it does not commit a decision made without it (SqliteWorkUnit).
-- name: TouchPerson
UPDATE persons SET version = version + 1 WHERE workspace_id = $ws AND person_id = $person;

-- name: EnsurePerson
INSERT INTO persons (workspace_id, person_id, created_at, updated_at)
VALUES ($ws, $person, $now, $now)
ON CONFLICT (workspace_id, person_id) DO UPDATE SET updated_at = excluded.updated_at;

-- Erasure, one id at a time (the person's own id and each alias).
-- name: ErasePerson
DELETE FROM persons WHERE workspace_id = $ws AND person_id = $id;

-- name: EraseEvents
DELETE FROM events WHERE workspace_id = $ws AND person_id = $id;

-- name: EraseTrace
DELETE FROM trace WHERE workspace_id = $ws AND person_id = $id;

-- name: EraseConsents
DELETE FROM consents WHERE workspace_id = $ws AND person_id = $id;

-- name: EraseOutbox
DELETE FROM outbox WHERE workspace_id = $ws AND person_id = $id;

-- name: EraseInbox
DELETE FROM inbox WHERE workspace_id = $ws AND person_id = $id;

-- name: EraseAliases
DELETE FROM aliases WHERE workspace_id = $ws AND (alias_id = $id OR person_id = $id);

-- name: InsertTombstone
INSERT INTO erased_persons (workspace_id, id_hash, erased_at)
VALUES ($ws, $id_hash, $at)
ON CONFLICT (workspace_id, id_hash) DO NOTHING;

-- name: IsErased
SELECT 1 FROM erased_persons WHERE workspace_id = $ws AND id_hash = $id_hash;
