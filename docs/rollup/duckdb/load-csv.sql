-- Loads the CSV tables of ONE kiosk export into the roll-up, with the rules of `kiosk import`. DuckDB 1.1 or later.
-- The export is given in the variable `dir` (its directory) or `prefix`:
--
--   { echo "SET VARIABLE dir = '/path/to/99001-2026-11';"; cat load-csv.sql; } | duckdb -bail kiosk.duckdb
--   { echo "SET VARIABLE prefix = '/path/to/99001-2026-11-';"; cat load-csv.sql; } | duckdb -bail kiosk.duckdb
--
-- The six tables of one export, as `kiosk export --format csv --table T` writes them (RFC 4180, a header row, NULL as
-- an empty field, an empty text as ""), named PREFIX + T + .csv (PREFIX is DIR/ when dir is given), T being
--   session  step_event  daily  daily_step  purged  commune
-- One transaction: a bad row or a purge marker the totals do not account for leaves nothing of the export here, and
-- loading the same export again changes no figure. CSV has no header line, so it carries no format version to check:
-- the columns must be exactly those of format 2.0 (the reader is told them and refuses a row of another count).

CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('load-csv.sql: give the export first: SET VARIABLE dir = ''/path/to/dir'';')
WHERE getvariable('dir') IS NULL AND getvariable('prefix') IS NULL;

BEGIN TRANSACTION;

-- Each check below is a query that raises an error on the first row it finds; it is kept in a table (empty, dropped
-- at the end) only so that the CLI prints nothing for it.

-- Every column as text first (the checks and casts are the merge's and the tables'). An empty field is NULL and ""
-- an empty text, as the kiosk writes them: allow_quoted_nulls = false keeps "" a text. One thread while reading, so
-- that n is the file's order.
SET threads = 1;
CREATE OR REPLACE TEMP TABLE csv_session AS SELECT row_number() OVER () AS n, * FROM read_csv(coalesce(getvariable('prefix'), getvariable('dir') || '/') || 'session.csv',
    columns = {'id': 'VARCHAR', 'terminal': 'VARCHAR', 'day': 'VARCHAR', 'hour': 'VARCHAR', 'guide': 'VARCHAR', 'lang': 'VARCHAR',
        'launched_by': 'VARCHAR', 'steps_seen': 'VARCHAR', 'furthest_step': 'VARCHAR', 'backs': 'VARCHAR', 'helps': 'VARCHAR',
        'outcome': 'VARCHAR', 'duration': 'VARCHAR', 'last_guide': 'VARCHAR', 'last_step': 'VARCHAR', 'commune_code': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false);
CREATE OR REPLACE TEMP TABLE csv_step_event AS SELECT row_number() OVER () AS n, * FROM read_csv(coalesce(getvariable('prefix'), getvariable('dir') || '/') || 'step_event.csv',
    columns = {'session': 'VARCHAR', 'seq': 'VARCHAR', 'guide': 'VARCHAR', 'step': 'VARCHAR', 'kind': 'VARCHAR',
        'session_guide': 'VARCHAR', 'day': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false);
CREATE OR REPLACE TEMP TABLE csv_daily AS SELECT row_number() OVER () AS n, * FROM read_csv(coalesce(getvariable('prefix'), getvariable('dir') || '/') || 'daily.csv',
    columns = {'day': 'VARCHAR', 'hour': 'VARCHAR', 'terminal': 'VARCHAR', 'guide': 'VARCHAR', 'lang': 'VARCHAR',
        'launched_by': 'VARCHAR', 'outcome': 'VARCHAR', 'commune_code': 'VARCHAR', 'sessions': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false);
CREATE OR REPLACE TEMP TABLE csv_daily_step AS SELECT row_number() OVER () AS n, * FROM read_csv(coalesce(getvariable('prefix'), getvariable('dir') || '/') || 'daily_step.csv',
    columns = {'day': 'VARCHAR', 'terminal': 'VARCHAR', 'session_guide': 'VARCHAR', 'guide': 'VARCHAR', 'step': 'VARCHAR',
        'commune_code': 'VARCHAR', 'reached': 'VARCHAR', 'left_done': 'VARCHAR', 'left_staff': 'VARCHAR', 'left_later': 'VARCHAR',
        'left_lost': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false);
CREATE OR REPLACE TEMP TABLE csv_purged AS SELECT row_number() OVER () AS n, * FROM read_csv(coalesce(getvariable('prefix'), getvariable('dir') || '/') || 'purged.csv',
    columns = {'id': 'VARCHAR', 'day': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false);
CREATE OR REPLACE TEMP TABLE csv_commune AS SELECT row_number() OVER () AS n, * FROM read_csv(coalesce(getvariable('prefix'), getvariable('dir') || '/') || 'commune.csv',
    columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'centre': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false);
RESET threads;

-- The staging tables the merge reads. In a JSON Lines export the purge markers come after the sessions; the same
-- order is given here (n), so that a session and its marker in one export behave as in `kiosk import`. A step event
-- belongs to its session's row (n), as the events of a JSON session line do.
CREATE OR REPLACE TEMP TABLE stage_commune AS SELECT n, code, name, centre FROM csv_commune;
CREATE OR REPLACE TEMP TABLE stage_terminal AS SELECT 0 AS n, '' AS terminal, '' AS machine WHERE false;
CREATE OR REPLACE TEMP TABLE stage_session AS
    SELECT n, id, terminal, day, CAST(hour AS INTEGER) AS hour, guide, lang, launched_by, CAST(steps_seen AS INTEGER) AS steps_seen,
        CAST(furthest_step AS INTEGER) AS furthest_step, CAST(backs AS INTEGER) AS backs, CAST(helps AS INTEGER) AS helps, outcome,
        CAST(duration AS INTEGER) AS duration, last_guide, last_step, coalesce(commune_code, '') AS commune_code
    FROM csv_session;
CREATE OR REPLACE TEMP TABLE stage_event AS
    SELECT s.n, e.session, CAST(e.seq AS INTEGER) AS seq, e.guide, e.step, e.kind, e.session_guide, e.day
    FROM csv_step_event e LEFT JOIN (SELECT id, min(n) AS n FROM csv_session GROUP BY id) s ON s.id = e.session;
CREATE OR REPLACE TEMP TABLE stage_daily AS
    SELECT n, day, CAST(hour AS INTEGER) AS hour, terminal, guide, lang, launched_by, outcome,
        coalesce(commune_code, '') AS commune_code, CAST(sessions AS INTEGER) AS sessions
    FROM csv_daily;
CREATE OR REPLACE TEMP TABLE stage_daily_step AS
    SELECT n, day, terminal, session_guide, guide, step, coalesce(commune_code, '') AS commune_code,
        CAST(reached AS INTEGER) AS reached, CAST(left_done AS INTEGER) AS left_done, CAST(left_staff AS INTEGER) AS left_staff,
        CAST(left_later AS INTEGER) AS left_later, CAST(left_lost AS INTEGER) AS left_lost
    FROM csv_daily_step;
CREATE OR REPLACE TEMP TABLE stage_purged AS
    SELECT n + (SELECT coalesce(max(n), 0) FROM csv_session) AS n, id, day FROM csv_purged;

-- A step event whose session is not in session.csv, or whose guide and day are not its session's, is a damaged
-- export: refused, as the kiosk's reader would refuse such a line.
CREATE OR REPLACE TEMP TABLE kiosk_check AS SELECT error('step_event.csv: a step event whose session is not in session.csv, or not of its guide and day') FROM (
    SELECT 1 FROM stage_event e LEFT JOIN csv_session s ON s.id = e.session
    WHERE s.id IS NULL OR e.session_guide IS DISTINCT FROM s.guide OR e.day IS DISTINCT FROM s.day
    LIMIT 1);
DROP TABLE csv_session;
DROP TABLE csv_step_event;
DROP TABLE csv_daily;
DROP TABLE csv_daily_step;
DROP TABLE csv_purged;
DROP TABLE csv_commune;

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
