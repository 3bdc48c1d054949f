-- Consent reads (writes: UpsertConsentRows in effects.sql).

-- name: ListConsents
SELECT topic, granted, source, at
FROM consents
WHERE workspace_id = @ws AND person_id = @person
ORDER BY topic COLLATE "C";
