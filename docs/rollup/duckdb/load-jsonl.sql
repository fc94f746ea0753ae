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

-- ---------------------------------------------------------------------------------------------------------------
-- The merge, with the rules of `kiosk import` (Sources/Telemetry/Exchange/LineImport.swift); the same text ends
-- load-jsonl.sql and load-csv.sql. The kiosk applies a file line by line; the end result does not depend on that
-- order except where a session line and a purge marker of the same id are both in the file, so `n` is kept for that.
--   * a session id is counted once: a session already here, or whose id is purged (here or in this file), is skipped;
--     the first line of an id in the file wins, with its step events;
--   * a purge marker removes the session row here (or earlier in this file) only if this file counts that session in
--     its daily totals of the same day, hour, terminal, guide, language, launcher, outcome and commune, and the totals
--     here then grow by at least what was removed; else the whole file is refused ("importing never removes a session");
--   * a daily total, and each count of a daily funnel total, keeps the larger of here and the file (totals only grow:
--     the same day exported twice is counted once, an export made later counts more);
--   * a commune already known keeps its name; terminal-machine pairs are only added.
-- ---------------------------------------------------------------------------------------------------------------

-- Dates as the kiosk writes them (YYYY-MM-DD; the cast to DATE then refuses 2026-02-30).
CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || n || ': "day" must be a date written YYYY-MM-DD') FROM (
    SELECT n FROM (
        SELECT n, day FROM stage_session UNION ALL SELECT n, day FROM stage_daily UNION ALL SELECT n, day FROM stage_daily_step
        UNION ALL SELECT n, day FROM stage_purged) d
    WHERE day IS NULL OR NOT regexp_full_match(day, '[0-9]{4}-[0-9]{2}-[0-9]{2}') ORDER BY n LIMIT 1);

-- The sessions this file's purge markers remove: rows here, and session lines of this file before the marker (a
-- session line after its marker is skipped, not removed). The first marker of an id is the one that removes.
CREATE OR REPLACE TEMP TABLE merge_removed AS
    WITH marker AS (SELECT DISTINCT ON (id) n, id, CAST(day AS DATE) AS day FROM stage_purged ORDER BY id, n),
    present AS (
        SELECT id, -1 AS n, day, hour, terminal, guide, lang, launched_by, outcome, commune_code FROM session
        WHERE id IN (SELECT id FROM stage_purged)
        UNION ALL
        SELECT DISTINCT ON (id) id, n, CAST(day AS DATE), hour, terminal, guide, lang, launched_by, outcome, commune_code
        FROM stage_session s
        WHERE id IN (SELECT id FROM stage_purged)
          AND id NOT IN (SELECT id FROM session) AND id NOT IN (SELECT id FROM purged_session)
        ORDER BY id, n
    )
    SELECT m.n AS line, m.day AS marker_day, p.*
    FROM marker m JOIN present p ON p.id = m.id AND p.n < m.n
    WHERE m.id NOT IN (SELECT id FROM purged_session);

-- A marker of another day than the session's, or of a session still open, can never be covered; and after the file a
-- total is the larger of here and the file's, which must count what was here plus the rows removed.
CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || line || ': this purge marker names a session that is here and that the file does not count in its '
    || 'daily totals: importing never removes a session')
FROM (SELECT line FROM merge_removed WHERE day <> marker_day OR outcome IS NULL ORDER BY line LIMIT 1);

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('line ' || line || CASE WHEN removed > file_total
        THEN ': this purge marker names a session that is here and that the file does not count in its daily totals: '
        ELSE ': the purge markers of this file name sessions that its daily totals do not add to the totals here: ' END
    || 'importing never removes a session')
FROM (
    SELECT r.line, r.removed, coalesce(t.sessions, 0) AS file_total
    FROM (SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, count(*) AS removed, max(line) AS line
          FROM merge_removed GROUP BY ALL) r
    LEFT JOIN (SELECT CAST(day AS DATE) AS day, hour, terminal, guide, lang, launched_by, outcome, commune_code, max(sessions) AS sessions
               FROM stage_daily GROUP BY ALL) t USING (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
    LEFT JOIN daily d USING (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
    WHERE r.removed > coalesce(t.sessions, 0)
       OR greatest(coalesce(d.sessions, 0), coalesce(t.sessions, 0)) < coalesce(d.sessions, 0) + r.removed
    ORDER BY r.line LIMIT 1);

INSERT INTO commune (code, name, centre)
    SELECT DISTINCT ON (code) code, name, centre FROM stage_commune ORDER BY code, n
    ON CONFLICT DO NOTHING;

INSERT INTO terminal_machine (terminal, machine)
    SELECT DISTINCT terminal, machine FROM stage_terminal
    ON CONFLICT DO NOTHING;

INSERT INTO daily (day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions)
    SELECT CAST(day AS DATE), hour, terminal, guide, lang, launched_by, outcome, commune_code, max(sessions)
    FROM stage_daily GROUP BY day, hour, terminal, guide, lang, launched_by, outcome, commune_code
    ON CONFLICT (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
    DO UPDATE SET sessions = greatest(sessions, excluded.sessions);

-- Each count on its own: the kiosk keeps the larger of each, not the larger row.
INSERT INTO daily_step (day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff, left_later, left_lost)
    SELECT CAST(day AS DATE), terminal, session_guide, guide, step, commune_code,
        max(reached), max(left_done), max(left_staff), max(left_later), max(left_lost)
    FROM stage_daily_step GROUP BY day, terminal, session_guide, guide, step, commune_code
    ON CONFLICT (day, terminal, session_guide, guide, step, commune_code)
    DO UPDATE SET reached = greatest(reached, excluded.reached), left_done = greatest(left_done, excluded.left_done),
        left_staff = greatest(left_staff, excluded.left_staff), left_later = greatest(left_later, excluded.left_later),
        left_lost = greatest(left_lost, excluded.left_lost);

-- The rows the markers remove are now counted in the daily totals; their step events go with them.
DELETE FROM step_event WHERE session IN (SELECT id FROM merge_removed);
DELETE FROM session WHERE id IN (SELECT id FROM merge_removed);

INSERT INTO purged_session (id, day)
    SELECT DISTINCT ON (id) id, CAST(day AS DATE) FROM stage_purged ORDER BY id, n
    ON CONFLICT DO NOTHING;

-- New sessions only: not here, not purged (here or by this file, before or after the line: either way the kiosk ends
-- without the row), the first line of each id.
CREATE OR REPLACE TEMP TABLE merge_new AS
    SELECT DISTINCT ON (id) * FROM stage_session
    WHERE id NOT IN (SELECT id FROM session) AND id NOT IN (SELECT id FROM purged_session)
    ORDER BY id, n;

INSERT INTO session (id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, duration,
        last_guide, last_step, commune_code)
    SELECT id, terminal, CAST(day AS DATE), hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, duration,
        last_guide, last_step, commune_code
    FROM merge_new;

INSERT INTO step_event (session, seq, guide, step, kind, session_guide, day)
    SELECT e.session, e.seq, e.guide, e.step, e.kind, e.session_guide, CAST(e.day AS DATE)
    FROM stage_event e JOIN merge_new s ON s.id = e.session AND s.n = e.n;

-- What the file did, for the log (figures only).
SELECT (SELECT count(*) FROM merge_new) AS sessions_added,
       (SELECT count(*) FROM merge_removed) AS sessions_now_in_daily_totals,
       (SELECT count(*) FROM stage_daily) AS daily_lines_in_file,
       (SELECT count(*) FROM stage_daily_step) AS daily_step_lines_in_file,
       (SELECT count(*) FROM stage_purged) AS purge_markers_in_file;

COMMIT;

DROP TABLE IF EXISTS kiosk_check;
DROP TABLE IF EXISTS merge_new;
DROP TABLE IF EXISTS merge_removed;
DROP TABLE IF EXISTS stage_commune;
DROP TABLE IF EXISTS stage_terminal;
DROP TABLE IF EXISTS stage_session;
DROP TABLE IF EXISTS stage_event;
DROP TABLE IF EXISTS stage_daily;
DROP TABLE IF EXISTS stage_daily_step;
DROP TABLE IF EXISTS stage_purged;
