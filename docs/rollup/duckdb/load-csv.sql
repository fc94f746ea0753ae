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

-- The merge, with the rules of `kiosk import`: merge.sql beside this file (run from this folder).
.read merge.sql
