-- Profiles, trace, identity resolution and erasure.

-- name: GetProfile
SELECT person_id, traits::text, created_at, updated_at
FROM persons
WHERE workspace_id = @ws AND person_id = @person;

-- "C" collation: ordinal order, the same as SQLite's and C#'s, whatever the database's locale.
-- name: ListProfiles
SELECT person_id, traits::text, created_at, updated_at
FROM persons
WHERE workspace_id = @ws AND person_id COLLATE "C" > @after
ORDER BY person_id COLLATE "C"
LIMIT @limit;

-- name: CountPersons
SELECT count(*) FROM persons WHERE workspace_id = @ws;

-- name: ResolveAlias
SELECT person_id FROM aliases WHERE workspace_id = @ws AND alias_id = @id;

-- name: AliasesOf
SELECT alias_id FROM aliases WHERE workspace_id = @ws AND person_id = @person;

-- Rows of trace lines (TraceBatch): from the row holding the line after the cursor, inclusive.
-- name: ReadTrace
SELECT seq, lines
FROM trace
WHERE workspace_id = @ws AND person_id = @person AND seq >= @first_row
ORDER BY seq
LIMIT @rows;

-- Creates an empty profile (no pending work) for writes that come before any event, e.g. consent.
-- Also takes the person's row lock, so it waits for a worker holding the person.
-- name: EnsurePerson
INSERT INTO persons (workspace_id, person_id, created_at, updated_at)
VALUES (@ws, @person, @now, @now)
ON CONFLICT (workspace_id, person_id) DO UPDATE SET updated_at = excluded.updated_at;

-- Erasure of a person and all their ids. The persons row goes first: that takes its lock, so an
-- erasure waits for a worker holding the person instead of deleting under it.
-- name: ErasePersons
DELETE FROM persons WHERE workspace_id = @ws AND person_id = ANY(@ids);

-- name: EraseEvents
DELETE FROM events WHERE workspace_id = @ws AND person_id = ANY(@ids);

-- name: EraseTrace
DELETE FROM trace WHERE workspace_id = @ws AND person_id = ANY(@ids);

-- name: EraseConsents
DELETE FROM consents WHERE workspace_id = @ws AND person_id = ANY(@ids);

-- name: EraseOutbox
DELETE FROM outbox WHERE workspace_id = @ws AND person_id = ANY(@ids);

-- name: EraseInbox
DELETE FROM inbox WHERE workspace_id = @ws AND person_id = ANY(@ids);

-- name: EraseAliases
DELETE FROM aliases WHERE workspace_id = @ws AND (alias_id = ANY(@ids) OR person_id = ANY(@ids));

-- name: InsertTombstones
INSERT INTO erased_persons (workspace_id, id_hash, erased_at)
SELECT @ws, h.id_hash, @at FROM unnest(@hashes::text[]) AS h(id_hash)
ON CONFLICT (workspace_id, id_hash) DO NOTHING;

-- name: IsErased
SELECT 1 FROM erased_persons WHERE workspace_id = @ws AND id_hash = @id_hash;
