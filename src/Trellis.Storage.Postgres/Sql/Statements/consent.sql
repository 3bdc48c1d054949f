-- Consent reads (writes: UpsertConsentRows in effects.sql).

-- name: ListConsents
SELECT topic, granted, source, at
FROM consents
WHERE workspace_id = @ws AND person_id = @person
ORDER BY topic COLLATE "C";

-- name: ListConsentsForPersons
SELECT person_id, topic, granted, source, at
FROM consents
WHERE workspace_id = @ws AND person_id = ANY(@persons)
ORDER BY person_id COLLATE "C", topic COLLATE "C";
