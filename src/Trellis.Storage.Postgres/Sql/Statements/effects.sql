-- Effect rows (trace, outbox, consent, suppressions) as set-based statements over parallel arrays, used by
-- the engine's commit (many rows) and the direct APIs (one row) alike, so both follow the same rules.

-- One row per person per commit (TraceBatch), in the order given, so a person's rows keep their order.
-- name: InsertTraceRows
INSERT INTO trace (workspace_id, person_id, lines)
SELECT t.workspace_id, t.person_id, t.lines
FROM unnest(@ws_ids::text[], @person_ids::text[], @lines::text[]) WITH ORDINALITY AS t(workspace_id, person_id, lines, n)
ORDER BY t.n;

-- name: InsertOutboxRows
INSERT INTO outbox (workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload,
                    status, attempts, available_at, created_at)
SELECT o.workspace_id, o.person_id, o.journey_instance, o.step_id, o.decision_seq, o.channel, o.payload,
       'pending', 0, o.available_at, @now
FROM unnest(@ws_ids::text[], @person_ids::text[], @journey_instances::text[], @step_ids::text[],
            @decision_seqs::bigint[], @channels::text[], @payloads::text[], @available_ats::timestamptz[])
     WITH ORDINALITY AS o(workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, available_at, n)
ORDER BY o.n
ON CONFLICT (workspace_id, person_id, journey_instance, step_id, decision_seq) DO NOTHING;

-- The newest statement per topic wins, by its time, not by arrival.
-- name: UpsertConsentRows
INSERT INTO consents (workspace_id, person_id, topic, granted, source, at)
SELECT * FROM unnest(@ws_ids::text[], @person_ids::text[], @topics::text[], @granteds::boolean[],
                     @sources::text[], @ats::timestamptz[])
ON CONFLICT (workspace_id, person_id, topic) DO UPDATE
SET granted = excluded.granted, source = excluded.source, at = excluded.at
WHERE excluded.at >= consents.at;

-- Rows arrive sorted by key, so concurrent writers lock them in the same order (no deadlock).
-- name: UpsertSuppressionRows
INSERT INTO suppressions (workspace_id, channel, address, reason, at)
SELECT * FROM unnest(@ws_ids::text[], @channels::text[], @addresses::text[], @reasons::text[], @ats::timestamptz[])
ON CONFLICT (workspace_id, channel, address) DO UPDATE SET reason = excluded.reason, at = excluded.at;
