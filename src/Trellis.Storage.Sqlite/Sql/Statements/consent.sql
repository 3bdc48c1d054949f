-- Consent: the latest statement per person and topic wins, by its time, not by arrival.

-- name: UpsertConsent
INSERT INTO consents (workspace_id, person_id, topic, granted, source, at)
VALUES ($ws, $person, $topic, $granted, $source, $at)
ON CONFLICT (workspace_id, person_id, topic) DO UPDATE
SET granted = excluded.granted, source = excluded.source, at = excluded.at
WHERE excluded.at >= consents.at;

-- name: ListConsents
SELECT topic, granted, source, at
FROM consents
WHERE workspace_id = $ws AND person_id = $person
ORDER BY topic;

-- $persons: a JSON array of person ids.
-- name: ListConsentsForPersons
SELECT person_id, topic, granted, source, at
FROM consents
WHERE workspace_id = $ws AND person_id IN (SELECT value FROM json_each($persons))
ORDER BY person_id, topic;
