-- Person merges (an id linked to a known user): see PostgresPersonMerger.

-- Locks both persons (in id order, like every writer) and reads their traits.
-- name: LockMergePair
SELECT person_id, traits::text
FROM persons
WHERE workspace_id = @ws AND person_id IN (@from, @into)
ORDER BY person_id COLLATE "C"
FOR UPDATE;

-- Runs after the locks are held, so it sees an erasure that committed while we waited.
-- name: CountErasedOfPair
SELECT count(*)
FROM erased_persons
WHERE workspace_id = @ws AND id_hash IN (@from_hash, @into_hash);

-- name: InsertAlias
INSERT INTO aliases (workspace_id, alias_id, person_id, created_at)
VALUES (@ws, @from, @into, @now)
ON CONFLICT (workspace_id, alias_id) DO NOTHING;

-- name: RepointAliases
UPDATE aliases SET person_id = @into WHERE workspace_id = @ws AND person_id = @from;

-- name: RenamePerson
UPDATE persons SET person_id = @into WHERE workspace_id = @ws AND person_id = @from;

-- name: MoveEvents
UPDATE events SET person_id = @into WHERE workspace_id = @ws AND person_id = @from;

-- Gives the events fresh sequences (past every sequence handed out so far, order kept), so the known
-- person's engine sees them as unprocessed: its state never saw them.
-- name: MoveEventsAsUnprocessed
UPDATE events e SET person_id = @into, seq = renumbered.new_seq
FROM (
    SELECT old.seq AS old_seq, fresh.seq AS new_seq
    FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n
          FROM events WHERE workspace_id = @ws AND person_id = @from) AS old
    JOIN (SELECT seq, row_number() OVER (ORDER BY seq) AS n
          FROM (SELECT nextval('event_seq') AS seq
                FROM generate_series(1, (SELECT count(*) FROM events WHERE workspace_id = @ws AND person_id = @from))) AS taken
         ) AS fresh ON fresh.n = old.n
) AS renumbered
WHERE e.workspace_id = @ws AND e.person_id = @from AND e.seq = renumbered.old_seq;

-- name: MoveTrace
UPDATE trace SET person_id = @into WHERE workspace_id = @ws AND person_id = @from;

-- An entry whose send key the known person already has stays with the old id (erasure finds it through the alias).
-- name: MoveOutbox
UPDATE outbox o SET person_id = @into
WHERE o.workspace_id = @ws AND o.person_id = @from
  AND NOT EXISTS (
      SELECT 1 FROM outbox k
      WHERE k.workspace_id = @ws AND k.person_id = @into AND k.journey_instance = o.journey_instance
        AND k.step_id = o.step_id AND k.decision_seq = o.decision_seq);

-- name: MergeConsents
INSERT INTO consents (workspace_id, person_id, topic, granted, source, at)
SELECT workspace_id, @into, topic, granted, source, at
FROM consents
WHERE workspace_id = @ws AND person_id = @from
ON CONFLICT (workspace_id, person_id, topic) DO UPDATE
SET granted = excluded.granted, source = excluded.source, at = excluded.at
WHERE excluded.at > consents.at;

-- name: DeleteConsentsOf
DELETE FROM consents WHERE workspace_id = @ws AND person_id = @from;

-- name: SetMergedProfile
UPDATE persons SET traits = @traits::jsonb, has_unprocessed = true, updated_at = @now
WHERE workspace_id = @ws AND person_id = @into;

-- name: DeletePersonRow
DELETE FROM persons WHERE workspace_id = @ws AND person_id = @from;
