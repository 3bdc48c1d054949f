-- The trace as one row per person per commit (Trellis.Storage.Internal.TraceBatch): `lines` is a JSON array of
-- [at, type, journey, step, details] lines. One row per line cost a journey entry four rows, eight B-tree inserts
-- and four json_valid checks inside the writer's transaction. No CHECK on `lines`: the engine's commit is its only
-- writer and writes it with a JSON writer that validates every line's details.
-- seq is a plain rowid (no AUTOINCREMENT and its sqlite_sequence write per insert): a new row always gets a
-- higher seq than every row in the table, so a person's rows stay in the order they were written.
-- Existing lines become one-line rows with their seq kept, so their order is kept; a line's sequence as the API
-- shows it is now seq << 12 plus its index in the row (a paging cursor taken before this migration starts over).
CREATE TABLE trace_rows (
    seq           INTEGER PRIMARY KEY,
    workspace_id  TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    lines         TEXT    NOT NULL
);
INSERT INTO trace_rows (seq, workspace_id, person_id, lines)
SELECT seq, workspace_id, person_id, json_array(json_array(at, type, journey_id, step_id, json(details)))
FROM trace;
DROP TABLE trace;
ALTER TABLE trace_rows RENAME TO trace;
CREATE INDEX trace_person ON trace (workspace_id, person_id, seq);
