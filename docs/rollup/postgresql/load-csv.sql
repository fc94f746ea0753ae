-- Loads the CSV tables of ONE kiosk export into the roll-up, with the rules of `kiosk import` (merge.sql).
--
--   psql -d kiosk -v dir=/path/to/99001-2026-11 -f load-csv.sql          (DIR/session.csv, DIR/step_event.csv, …)
--   psql -d kiosk -v prefix=/path/to/99001-2026-11- -f load-csv.sql     (/path/to/99001-2026-11-session.csv, …)
--
-- The six tables of one export, as `kiosk export --format csv --table T` writes them (RFC 4180, a header row, NULL as
-- an empty field, an empty text as ""), named PREFIX + T + .csv (PREFIX is DIR/ when dir is given), T being
--   session  step_event  daily  daily_step  purged  commune
-- One transaction: a bad row or a purge marker the totals do not account for leaves nothing of the export here, and
-- loading the same export again changes no figure. CSV has no header line, so it carries no format version to check:
-- the header row must name exactly the columns of format 2.0 (a COPY into these columns refuses any other count).

\set ON_ERROR_STOP on
\if :{?prefix}
\elif :{?dir}
  \set prefix :dir '/'
\else
  \echo 'load-csv.sql: give the export with -v dir=/path/to/dir (or -v prefix=/path/to/99001-2026-11-)'
  \quit
\endif
\encoding UTF8

BEGIN;

-- Every column as text first: the checks and casts are merge.sql's and the tables', one place for both loaders.
CREATE TEMP TABLE csv_session (n bigserial, id text, terminal text, day text, hour text, guide text, lang text, launched_by text,
    steps_seen text, furthest_step text, backs text, helps text, outcome text, duration text, last_guide text, last_step text,
    commune_code text) ON COMMIT DROP;
CREATE TEMP TABLE csv_step_event (n bigserial, session text, seq text, guide text, step text, kind text, session_guide text,
    day text) ON COMMIT DROP;
CREATE TEMP TABLE csv_daily (n bigserial, day text, hour text, terminal text, guide text, lang text, launched_by text, outcome text,
    commune_code text, sessions text) ON COMMIT DROP;
CREATE TEMP TABLE csv_daily_step (n bigserial, day text, terminal text, session_guide text, guide text, step text, commune_code text,
    reached text, left_done text, left_staff text, left_later text, left_lost text) ON COMMIT DROP;
CREATE TEMP TABLE csv_purged (n bigserial, id text, day text) ON COMMIT DROP;
CREATE TEMP TABLE csv_commune (n bigserial, code text, name text, centre text) ON COMMIT DROP;

-- \copy takes its line literally (no :variables), so each command is put together in a variable first.
\set kiosk_f :prefix 'session.csv'
\set kiosk_copy '\\copy pg_temp.csv_session (id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, duration, last_guide, last_step, commune_code) from ' :'kiosk_f' ' with (format csv, header true, encoding ''UTF8'')'
:kiosk_copy
\set kiosk_f :prefix 'step_event.csv'
\set kiosk_copy '\\copy pg_temp.csv_step_event (session, seq, guide, step, kind, session_guide, day) from ' :'kiosk_f' ' with (format csv, header true, encoding ''UTF8'')'
:kiosk_copy
\set kiosk_f :prefix 'daily.csv'
\set kiosk_copy '\\copy pg_temp.csv_daily (day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions) from ' :'kiosk_f' ' with (format csv, header true, encoding ''UTF8'')'
:kiosk_copy
\set kiosk_f :prefix 'daily_step.csv'
\set kiosk_copy '\\copy pg_temp.csv_daily_step (day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff, left_later, left_lost) from ' :'kiosk_f' ' with (format csv, header true, encoding ''UTF8'')'
:kiosk_copy
\set kiosk_f :prefix 'purged.csv'
\set kiosk_copy '\\copy pg_temp.csv_purged (id, day) from ' :'kiosk_f' ' with (format csv, header true, encoding ''UTF8'')'
:kiosk_copy
\set kiosk_f :prefix 'commune.csv'
\set kiosk_copy '\\copy pg_temp.csv_commune (code, name, centre) from ' :'kiosk_f' ' with (format csv, header true, encoding ''UTF8'')'
:kiosk_copy

-- Temporary tables have no statistics until analysed; without them the planner joins a month's events to its
-- sessions by nested loops (hours instead of seconds).
ANALYZE pg_temp.csv_session;
ANALYZE pg_temp.csv_step_event;
ANALYZE pg_temp.csv_daily;
ANALYZE pg_temp.csv_purged;

-- The staging tables merge.sql reads. In a JSON Lines export the purge markers come after the sessions; the same
-- order is given here (n), so that a session and its marker in one export behave as in `kiosk import`. A step event
-- belongs to its session's row (n), as the events of a JSON session line do.
CREATE TEMP TABLE stage_commune ON COMMIT DROP AS SELECT n, code, name, centre FROM csv_commune;
CREATE TEMP TABLE stage_terminal ON COMMIT DROP AS SELECT 0::bigint AS n, ''::text AS terminal, ''::text AS machine WHERE false;
CREATE TEMP TABLE stage_session ON COMMIT DROP AS
    SELECT n, id, terminal, day, hour::int AS hour, guide, lang, launched_by, steps_seen::int AS steps_seen,
        furthest_step::int AS furthest_step, backs::int AS backs, helps::int AS helps, outcome, duration::int AS duration,
        last_guide, last_step, coalesce(commune_code, '') AS commune_code
    FROM csv_session;
CREATE TEMP TABLE stage_event ON COMMIT DROP AS
    SELECT s.n, e.session, e.seq::int AS seq, e.guide, e.step, e.kind, e.session_guide, e.day
    FROM csv_step_event e LEFT JOIN (SELECT id, min(n) AS n FROM csv_session GROUP BY id) s ON s.id = e.session;
CREATE TEMP TABLE stage_daily ON COMMIT DROP AS
    SELECT n, day, hour::int AS hour, terminal, guide, lang, launched_by, outcome, coalesce(commune_code, '') AS commune_code,
        sessions::int AS sessions
    FROM csv_daily;
CREATE TEMP TABLE stage_daily_step ON COMMIT DROP AS
    SELECT n, day, terminal, session_guide, guide, step, coalesce(commune_code, '') AS commune_code, reached::int AS reached,
        left_done::int AS left_done, left_staff::int AS left_staff, left_later::int AS left_later, left_lost::int AS left_lost
    FROM csv_daily_step;
CREATE TEMP TABLE stage_purged ON COMMIT DROP AS
    SELECT n + (SELECT coalesce(max(n), 0) FROM csv_session) AS n, id, day FROM csv_purged;

ANALYZE pg_temp.stage_event;

-- A step event whose session is not in session.csv, or whose guide and day are not its session's, is a damaged
-- export: refused, as the kiosk's reader would refuse such a line.
DO $$
BEGIN
    -- Counted, not EXISTS: with EXISTS the planner hopes to stop at the first row and joins by nested loops, which on
    -- a valid export (no such row) reads every pair.
    IF (SELECT count(*) FROM stage_event e LEFT JOIN csv_session s ON s.id = e.session
        WHERE s.id IS NULL OR e.session_guide IS DISTINCT FROM s.guide OR e.day IS DISTINCT FROM s.day) > 0 THEN
        RAISE EXCEPTION 'step_event.csv: a step event whose session is not in session.csv, or not of its guide and day';
    END IF;
END
$$;

\ir merge.sql

COMMIT;
