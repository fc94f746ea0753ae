-- Loads ONE kiosk export (JSON Lines, format version 1 or 2) into the roll-up, with the rules of `kiosk import`.
-- DuckDB 1.1 or later (SET VARIABLE). The file is given in the variable `file`:
--
--   { echo "SET VARIABLE file = '/path/to/99001-2026-11.jsonl';"; cat load-jsonl.sql; } | duckdb -bail kiosk.duckdb
--
-- (or, at the duckdb prompt: SET VARIABLE file = '…'; then .read load-jsonl.sql). The whole file goes in one
-- transaction: a bad line, a file of a newer major version (3.0 and on) or a purge marker the file does not account
-- for stops the load with an error and nothing of the file is kept (-bail stops at once; without it the statements
-- after the error fail too and the transaction is rolled back). Loading the same file again changes no figure.

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('load-jsonl.sql: give the export first: SET VARIABLE file = ''/path/to/export.jsonl'';')
WHERE getvariable('file') IS NULL;

BEGIN TRANSACTION;

-- Each check below is a query that raises an error on the first row it finds; it is kept in a table (empty, dropped
-- at the end) only so that the CLI prints nothing for it.

-- One row per line, read as it is, numbered in file order (n: the line number; one thread, so the numbering is the
-- file's order). The file is read as CSV with a quote and a delimiter that JSON never holds raw (control characters
-- must be escaped in JSON strings), so every line comes through byte for byte, backslashes included. A session
-- line may be long (up to 16 MB in the kiosk).
SET threads = 1;
CREATE OR REPLACE TEMP TABLE kiosk_line AS
    SELECT row_number() OVER () AS n, line
    FROM read_csv(getvariable('file'), columns = {'line': 'VARCHAR'}, delim = E'\x02', quote = E'\x01', escape = E'\x01',
        header = false, auto_detect = false, max_line_size = 20000000);
RESET threads;

-- Blank lines are skipped, spaces, tabs and a CR around a line trimmed, and a byte-order mark before the first line
-- dropped, as the kiosk does. A line that is not JSON stops here.
CREATE OR REPLACE TEMP TABLE kiosk_json AS
    SELECT n, CAST(t AS JSON) AS j
    FROM (SELECT n, trim(CASE WHEN n = 1 THEN ltrim(line, chr(65279)) ELSE line END, E' \t\r') AS t FROM kiosk_line)
    WHERE t IS NOT NULL AND t <> '';

-- What the kiosk's reader refuses before anything is written: a line that is no object with a type; a header of
-- another format, or of a major version this roll-up does not know (a newer major changes a meaning); a line type
-- it does not know, unless the header before it is of a newer minor version (which may add types: skipped);
-- a field of the wrong kind (a count given as text or 9.5, a text given as a number).
CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || n || ': not a line of a kiosk export') FROM (
    SELECT n FROM kiosk_json WHERE json_type(j) <> 'OBJECT' OR json_type(j, '$.type') IS DISTINCT FROM 'VARCHAR'
    ORDER BY n LIMIT 1);

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || n || ': format "' || coalesce(format, '') || '" version "' || coalesce(version, '')
    || '": this roll-up reads kiosk-statistics versions up to 2.x; nothing of this file was loaded') FROM (
    SELECT n, j ->> '$.format' AS format, j ->> '$.version' AS version FROM kiosk_json
    WHERE j ->> '$.type' = 'header' AND (j ->> '$.format' IS DISTINCT FROM 'kiosk-statistics'
        OR NOT regexp_full_match(coalesce(j ->> '$.version', ''), '[0-9]{1,4}\.[0-9]{1,4}')
        OR CAST(split_part(j ->> '$.version', '.', 1) AS INTEGER) > 2)
    ORDER BY n LIMIT 1);

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || n || ': unknown line type "' || left(type, 20) || '"') FROM (
    SELECT l.n, l.j ->> '$.type' AS type FROM kiosk_json l
    WHERE l.j ->> '$.type' NOT IN ('header', 'commune', 'terminal', 'session', 'daily', 'purged', 'daily_step')
      AND NOT coalesce((SELECT [CAST(split_part(h.j ->> '$.version', '.', 1) AS INTEGER),
                                CAST(split_part(h.j ->> '$.version', '.', 2) AS INTEGER)] > [2, 0]
            FROM kiosk_json h WHERE h.j ->> '$.type' = 'header' AND h.n < l.n ORDER BY h.n DESC LIMIT 1), false)
    ORDER BY l.n LIMIT 1);

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || n || ': "' || k || '" is not of the right kind (a whole number, a text, or null where allowed)') FROM (
    SELECT n, k, t FROM (
        SELECT n, k, CASE WHEN k IN ('hour', 'steps_seen', 'furthest_step', 'backs', 'helps', 'sessions', 'reached', 'left_done',
                'left_staff', 'left_later', 'left_lost', 'duration', 'id', 'terminal', 'day', 'guide', 'lang', 'launched_by',
                'outcome', 'commune_code', 'session_guide', 'step', 'code', 'name', 'centre', 'machine', 'last_guide', 'last_step')
            THEN json_type(j, '$.' || k) END AS t
        FROM (SELECT n, j, unnest(json_keys(j)) AS k FROM kiosk_json WHERE j ->> '$.type' <> 'header')
        UNION ALL
        SELECT n, k, CASE WHEN k IN ('seq', 'guide', 'step', 'kind') THEN json_type(e, '$.' || k) END
        FROM (SELECT n, e, unnest(json_keys(e)) AS k
              FROM (SELECT n, unnest(CAST(j -> '$.events' AS JSON[])) AS e FROM kiosk_json
                    WHERE j ->> '$.type' = 'session' AND json_type(j, '$.events') = 'ARRAY')
              WHERE json_type(e) = 'OBJECT')
    )
    WHERE (k IN ('hour', 'steps_seen', 'furthest_step', 'backs', 'helps', 'sessions', 'reached', 'left_done', 'left_staff',
                 'left_later', 'left_lost', 'seq', 'duration')
           AND t NOT IN ('UBIGINT', 'BIGINT') AND NOT (k = 'duration' AND t = 'NULL'))
       OR (k IN ('id', 'terminal', 'day', 'guide', 'lang', 'launched_by', 'outcome', 'commune_code', 'session_guide', 'step',
                 'code', 'name', 'centre', 'machine', 'kind', 'last_guide', 'last_step')
           AND t <> 'VARCHAR' AND NOT (k IN ('last_guide', 'last_step') AND t = 'NULL'))
    ORDER BY n LIMIT 1);

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || n || ': "events" is not a list of step events') FROM (
    SELECT n FROM kiosk_json WHERE j ->> '$.type' = 'session' AND json_type(j, '$.events') IS NOT NULL
        AND json_type(j, '$.events') <> 'ARRAY'
    ORDER BY n LIMIT 1);

-- The lines by type, in the staging tables the merge reads (n: the line, for the order the kiosk applies them in).
-- A missing field is NULL here and stops the load at the table's NOT NULL, as the kiosk refuses the line.
CREATE OR REPLACE TEMP TABLE stage_commune AS
    SELECT n, j ->> '$.code' AS code, j ->> '$.name' AS name, j ->> '$.centre' AS centre FROM kiosk_json WHERE j ->> '$.type' = 'commune';
CREATE OR REPLACE TEMP TABLE stage_terminal AS
    SELECT n, j ->> '$.terminal' AS terminal, j ->> '$.machine' AS machine FROM kiosk_json WHERE j ->> '$.type' = 'terminal';
CREATE OR REPLACE TEMP TABLE stage_session AS
    SELECT n, j ->> '$.id' AS id, j ->> '$.terminal' AS terminal, j ->> '$.day' AS day, CAST(j ->> '$.hour' AS INTEGER) AS hour,
        j ->> '$.guide' AS guide, j ->> '$.lang' AS lang, j ->> '$.launched_by' AS launched_by,
        CAST(j ->> '$.steps_seen' AS INTEGER) AS steps_seen, CAST(j ->> '$.furthest_step' AS INTEGER) AS furthest_step,
        CAST(j ->> '$.backs' AS INTEGER) AS backs, CAST(j ->> '$.helps' AS INTEGER) AS helps, j ->> '$.outcome' AS outcome,
        CAST(j ->> '$.duration' AS INTEGER) AS duration, j ->> '$.last_guide' AS last_guide, j ->> '$.last_step' AS last_step,
        -- Files written before the commune was recorded have no commune_code: "" as in the kiosk.
        coalesce(j ->> '$.commune_code', '') AS commune_code
    FROM kiosk_json WHERE j ->> '$.type' = 'session';
-- Version 2 writes an event as {"seq", "guide", "step", "kind"}, version 1 as [seq, guide, step, kind]; its session's
-- guide and day come from the enclosing line.
CREATE OR REPLACE TEMP TABLE stage_event AS
    SELECT n, session,
        CAST(CASE WHEN json_type(e) = 'OBJECT' THEN e ->> '$.seq' ELSE e ->> '$[0]' END AS INTEGER) AS seq,
        CASE WHEN json_type(e) = 'OBJECT' THEN e ->> '$.guide' ELSE e ->> '$[1]' END AS guide,
        CASE WHEN json_type(e) = 'OBJECT' THEN e ->> '$.step' ELSE e ->> '$[2]' END AS step,
        CASE WHEN json_type(e) = 'OBJECT' THEN e ->> '$.kind' ELSE e ->> '$[3]' END AS kind,
        session_guide, day
    FROM (SELECT n, j ->> '$.id' AS session, j ->> '$.guide' AS session_guide, j ->> '$.day' AS day,
              unnest(CAST(j -> '$.events' AS JSON[])) AS e
          FROM kiosk_json WHERE j ->> '$.type' = 'session' AND json_type(j, '$.events') = 'ARRAY');
CREATE OR REPLACE TEMP TABLE stage_daily AS
    SELECT n, j ->> '$.day' AS day, CAST(j ->> '$.hour' AS INTEGER) AS hour, j ->> '$.terminal' AS terminal,
        j ->> '$.guide' AS guide, j ->> '$.lang' AS lang, j ->> '$.launched_by' AS launched_by, j ->> '$.outcome' AS outcome,
        coalesce(j ->> '$.commune_code', '') AS commune_code, CAST(j ->> '$.sessions' AS INTEGER) AS sessions
    FROM kiosk_json WHERE j ->> '$.type' = 'daily';
CREATE OR REPLACE TEMP TABLE stage_daily_step AS
    SELECT n, j ->> '$.day' AS day, j ->> '$.terminal' AS terminal, j ->> '$.session_guide' AS session_guide,
        j ->> '$.guide' AS guide, j ->> '$.step' AS step, coalesce(j ->> '$.commune_code', '') AS commune_code,
        CAST(j ->> '$.reached' AS INTEGER) AS reached, CAST(j ->> '$.left_done' AS INTEGER) AS left_done,
        CAST(j ->> '$.left_staff' AS INTEGER) AS left_staff, CAST(j ->> '$.left_later' AS INTEGER) AS left_later,
        CAST(j ->> '$.left_lost' AS INTEGER) AS left_lost
    FROM kiosk_json WHERE j ->> '$.type' = 'daily_step';
CREATE OR REPLACE TEMP TABLE stage_purged AS
    SELECT n, j ->> '$.id' AS id, j ->> '$.day' AS day FROM kiosk_json WHERE j ->> '$.type' = 'purged';
DROP TABLE kiosk_json;
DROP TABLE kiosk_line;

-- The merge, with the rules of `kiosk import`: merge.sql beside this file (run from this folder).
.read merge.sql
