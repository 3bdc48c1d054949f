-- Person merges (an anonymous id linked to a known user): see SqlitePersonMerger.

-- name: InsertAlias
INSERT INTO aliases (workspace_id, alias_id, person_id, created_at)
VALUES ($ws, $alias, $person, $now)
ON CONFLICT (workspace_id, alias_id) DO NOTHING;

-- name: RepointAliases
UPDATE aliases SET person_id = $into WHERE workspace_id = $ws AND person_id = $from;

-- name: GetTraits
SELECT traits FROM persons WHERE workspace_id = $ws AND person_id = $person;

-- name: RenamePerson
UPDATE persons SET person_id = $into, version = version + 1 WHERE workspace_id = $ws AND person_id = $from;

-- name: MoveEvents
UPDATE events SET person_id = $into WHERE workspace_id = $ws AND person_id = $from;

-- name: FirstEventSeq
SELECT min(seq) FROM events WHERE workspace_id = $ws AND person_id = $from;

-- name: LastAssignedEventSeq
SELECT seq FROM sqlite_sequence WHERE name = 'events';

-- Shifts the events past every sequence handed out so far (order kept), so the known person's engine
-- sees them as unprocessed: its state never saw them.
-- name: MoveEventsAsUnprocessed
UPDATE events SET person_id = $into, seq = seq + $offset
WHERE workspace_id = $ws AND person_id = $from;

-- AUTOINCREMENT only remembers inserted rowids: record the shifted ones so later events come after them.
-- name: RememberLastEventSeq
UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM events) WHERE name = 'events';

-- name: MoveTrace
UPDATE trace SET person_id = $into WHERE workspace_id = $ws AND person_id = $from;

-- An entry whose send key the known person already has stays with the old id (erasure finds it through the alias).
-- name: MoveOutbox
UPDATE OR IGNORE outbox SET person_id = $into WHERE workspace_id = $ws AND person_id = $from;

-- name: MergeConsents
INSERT INTO consents (workspace_id, person_id, topic, granted, source, at)
SELECT workspace_id, $into, topic, granted, source, at
FROM consents
WHERE workspace_id = $ws AND person_id = $from
ON CONFLICT (workspace_id, person_id, topic) DO UPDATE
SET granted = excluded.granted, source = excluded.source, at = excluded.at
WHERE excluded.at > consents.at;

-- name: DeleteConsentsOf
DELETE FROM consents WHERE workspace_id = $ws AND person_id = $from;

-- name: SetMergedProfile
UPDATE persons SET traits = $traits, has_unprocessed = 1, version = version + 1, updated_at = $now
WHERE workspace_id = $ws AND person_id = $into;

-- name: DeletePersonRow
DELETE FROM persons WHERE workspace_id = $ws AND person_id = $person;
