-- The trace as one row per person per commit (Trellis.Storage.Internal.TraceBatch): `lines` is a JSON array of
-- [at, type, journey, step, details] lines, kept as text (nothing reads inside it in SQL, and json would parse
-- every row again). One row per line cost a journey entry four rows and eight index entries in the engine's
-- commit. Existing lines become one-line rows with their seq kept, so their order is kept; a line's sequence as
-- the API shows it is now seq << 12 plus its index in the row (a paging cursor taken before this starts over).
CREATE TABLE trace_rows (
    seq           bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  text COLLATE "C" NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    lines         text             NOT NULL
);
INSERT INTO trace_rows (seq, workspace_id, person_id, lines) OVERRIDING SYSTEM VALUE
SELECT seq, workspace_id, person_id,
       json_build_array(json_build_array((extract(epoch FROM at) * 1000000)::bigint, type, journey_id, step_id, details))::text
FROM trace
ORDER BY seq;
SELECT setval(pg_get_serial_sequence('trace_rows', 'seq'), greatest((SELECT max(seq) FROM trace_rows), 1),
              (SELECT max(seq) FROM trace_rows) IS NOT NULL);
DROP TABLE trace;
ALTER TABLE trace_rows RENAME TO trace;
CREATE INDEX trace_person ON trace (workspace_id, person_id, seq);
