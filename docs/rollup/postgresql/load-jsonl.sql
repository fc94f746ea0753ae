-- Loads ONE kiosk export (JSON Lines, format version 1 or 2) into the roll-up, with the rules of `kiosk import`.
--
--   psql -d kiosk -v file=/path/to/99001-2026-11.jsonl -f load-jsonl.sql
--
-- The whole file goes in one transaction: a bad line, a file of a newer major version (3.0 and on) or a purge marker
-- the file does not account for stops the script (ON_ERROR_STOP) and nothing of the file is kept. Loading the same
-- file again changes no figure. merge.sql (beside this file) holds the rules shared with load-csv.sql.

\set ON_ERROR_STOP on
\if :{?file}
\else
  \echo 'load-jsonl.sql: give the export with -v file=/path/to/export.jsonl'
  \quit
\endif
\encoding UTF8

BEGIN;

-- One row per line, read as it is. COPY's text format would eat the backslashes of JSON escapes (\" \\ \u00e1), so
-- the file is read as CSV with a quote and a delimiter that JSON never holds raw (control characters must be escaped
-- in JSON strings): every line comes through byte for byte, in order (n is the line number).
CREATE TEMP TABLE kiosk_line (n bigserial, line text) ON COMMIT DROP;
-- \copy takes its line literally (no :variables), so the command is put together in a variable first.
\set kiosk_copy '\\copy pg_temp.kiosk_line (line) from ' :'file' ' with (format csv, quote e''\\x01'', delimiter e''\\x02'', encoding ''UTF8'')'
:kiosk_copy

-- Blank lines are skipped, spaces, tabs and a CR around a line trimmed, and a byte-order mark before the first line
-- dropped, as the kiosk does. A line that is not JSON stops here (the error names it).
CREATE TEMP TABLE kiosk_json ON COMMIT DROP AS
    SELECT n, btrim(CASE WHEN n = 1 THEN ltrim(line, U&'\FEFF') ELSE line END, E' \t\r')::jsonb AS j
    FROM kiosk_line
    WHERE line IS NOT NULL AND btrim(CASE WHEN n = 1 THEN ltrim(line, U&'\FEFF') ELSE line END, E' \t\r') <> '';
-- Temporary tables have no statistics until analysed; the checks below join on them.
ANALYZE pg_temp.kiosk_json;

-- What the kiosk's reader refuses before anything is written: a line that is no object with a type; a header of
-- another format, or of a major version this roll-up does not know (a newer major changes a meaning); a line type
-- it does not know, unless the header before it is of a newer minor version (which may add types: skipped);
-- a field of the wrong kind (a count given as text or 9.5, a text given as a number).
DO $$
DECLARE
    bad record;
BEGIN
    SELECT n INTO bad FROM kiosk_json WHERE jsonb_typeof(j) <> 'object' OR jsonb_typeof(j -> 'type') IS DISTINCT FROM 'string'
        ORDER BY n LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION 'line %: not a line of a kiosk export', bad.n; END IF;
    SELECT n, j ->> 'format' AS format, j ->> 'version' AS version INTO bad FROM kiosk_json
        WHERE j ->> 'type' = 'header' AND (j ->> 'format' IS DISTINCT FROM 'kiosk-statistics'
            OR j ->> 'version' IS NULL OR j ->> 'version' !~ '^[0-9]{1,4}\.[0-9]{1,4}$'
            OR split_part(j ->> 'version', '.', 1)::int > 2)
        ORDER BY n LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'line %: format "%" version "%": this roll-up reads kiosk-statistics versions up to 2.x; '
            'nothing of this file was loaded', bad.n, bad.format, bad.version;
    END IF;
    SELECT l.n, l.j ->> 'type' AS type INTO bad FROM kiosk_json l
        WHERE l.j ->> 'type' NOT IN ('header', 'commune', 'terminal', 'session', 'daily', 'purged', 'daily_step')
          AND NOT coalesce((SELECT (split_part(h.j ->> 'version', '.', 1)::int, split_part(h.j ->> 'version', '.', 2)::int) > (2, 0)
                FROM kiosk_json h WHERE h.j ->> 'type' = 'header' AND h.n < l.n ORDER BY h.n DESC LIMIT 1), false)
        ORDER BY l.n LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION 'line %: unknown line type "%"', bad.n, left(bad.type, 20); END IF;
    SELECT x.n, x.k INTO bad FROM (
        SELECT n, k, v FROM kiosk_json, jsonb_each(j) AS f(k, v) WHERE j ->> 'type' <> 'header'
        UNION ALL
        SELECT n, k, v FROM kiosk_json, jsonb_array_elements(CASE WHEN jsonb_typeof(j -> 'events') = 'array' THEN j -> 'events' END) AS e(ev),
            jsonb_each(CASE WHEN jsonb_typeof(ev) = 'object' THEN ev END) AS f(k, v)
        WHERE j ->> 'type' = 'session'
    ) x
    WHERE (x.k IN ('hour', 'steps_seen', 'furthest_step', 'backs', 'helps', 'sessions', 'reached', 'left_done', 'left_staff',
                   'left_later', 'left_lost', 'seq', 'duration')
           AND NOT (jsonb_typeof(x.v) = 'number' AND x.v::text ~ '^-?[0-9]+$') AND NOT (x.k = 'duration' AND x.v = 'null'))
       OR (x.k IN ('id', 'terminal', 'day', 'guide', 'lang', 'launched_by', 'outcome', 'commune_code', 'session_guide', 'step',
                   'code', 'name', 'centre', 'machine', 'kind', 'last_guide', 'last_step')
           AND jsonb_typeof(x.v) <> 'string' AND NOT (x.k IN ('last_guide', 'last_step') AND x.v = 'null'))
    ORDER BY x.n LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION 'line %: "%" is not of the right kind (a whole number, a text, or null where allowed)', bad.n, bad.k; END IF;
    SELECT n INTO bad FROM kiosk_json WHERE j ->> 'type' = 'session' AND j ? 'events' AND jsonb_typeof(j -> 'events') <> 'array'
        ORDER BY n LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION 'line %: "events" is not a list of step events', bad.n; END IF;
END
$$;

-- The lines by type, in the staging tables merge.sql reads (n: the line, for the order the kiosk applies them in).
-- A missing field is NULL here and stops the load at the table's NOT NULL, as the kiosk refuses the line.
CREATE TEMP TABLE stage_commune ON COMMIT DROP AS
    SELECT n, j ->> 'code' AS code, j ->> 'name' AS name, j ->> 'centre' AS centre FROM kiosk_json WHERE j ->> 'type' = 'commune';
CREATE TEMP TABLE stage_terminal ON COMMIT DROP AS
    SELECT n, j ->> 'terminal' AS terminal, j ->> 'machine' AS machine FROM kiosk_json WHERE j ->> 'type' = 'terminal';
CREATE TEMP TABLE stage_session ON COMMIT DROP AS
    SELECT n, j ->> 'id' AS id, j ->> 'terminal' AS terminal, j ->> 'day' AS day, (j ->> 'hour')::int AS hour,
        j ->> 'guide' AS guide, j ->> 'lang' AS lang, j ->> 'launched_by' AS launched_by,
        (j ->> 'steps_seen')::int AS steps_seen, (j ->> 'furthest_step')::int AS furthest_step, (j ->> 'backs')::int AS backs,
        (j ->> 'helps')::int AS helps, j ->> 'outcome' AS outcome, (j ->> 'duration')::int AS duration,
        j ->> 'last_guide' AS last_guide, j ->> 'last_step' AS last_step,
        -- Files written before the commune was recorded have no commune_code: "" as in the kiosk.
        coalesce(j ->> 'commune_code', '') AS commune_code
    FROM kiosk_json WHERE j ->> 'type' = 'session';
-- Version 2 writes an event as {"seq", "guide", "step", "kind"}, version 1 as [seq, guide, step, kind]; its session's
-- guide and day come from the enclosing line.
CREATE TEMP TABLE stage_event ON COMMIT DROP AS
    SELECT l.n, l.j ->> 'id' AS session,
        (CASE jsonb_typeof(e) WHEN 'object' THEN e ->> 'seq' ELSE e ->> 0 END)::int AS seq,
        CASE jsonb_typeof(e) WHEN 'object' THEN e ->> 'guide' ELSE e ->> 1 END AS guide,
        CASE jsonb_typeof(e) WHEN 'object' THEN e ->> 'step' ELSE e ->> 2 END AS step,
        CASE jsonb_typeof(e) WHEN 'object' THEN e ->> 'kind' ELSE e ->> 3 END AS kind,
        l.j ->> 'guide' AS session_guide, l.j ->> 'day' AS day
    FROM kiosk_json l, jsonb_array_elements(coalesce(l.j -> 'events', '[]')) AS e
    WHERE l.j ->> 'type' = 'session';
CREATE TEMP TABLE stage_daily ON COMMIT DROP AS
    SELECT n, j ->> 'day' AS day, (j ->> 'hour')::int AS hour, j ->> 'terminal' AS terminal, j ->> 'guide' AS guide,
        j ->> 'lang' AS lang, j ->> 'launched_by' AS launched_by, j ->> 'outcome' AS outcome,
        coalesce(j ->> 'commune_code', '') AS commune_code, (j ->> 'sessions')::int AS sessions
    FROM kiosk_json WHERE j ->> 'type' = 'daily';
CREATE TEMP TABLE stage_daily_step ON COMMIT DROP AS
    SELECT n, j ->> 'day' AS day, j ->> 'terminal' AS terminal, j ->> 'session_guide' AS session_guide, j ->> 'guide' AS guide,
        j ->> 'step' AS step, coalesce(j ->> 'commune_code', '') AS commune_code, (j ->> 'reached')::int AS reached,
        (j ->> 'left_done')::int AS left_done, (j ->> 'left_staff')::int AS left_staff, (j ->> 'left_later')::int AS left_later,
        (j ->> 'left_lost')::int AS left_lost
    FROM kiosk_json WHERE j ->> 'type' = 'daily_step';
CREATE TEMP TABLE stage_purged ON COMMIT DROP AS
    SELECT n, j ->> 'id' AS id, j ->> 'day' AS day FROM kiosk_json WHERE j ->> 'type' = 'purged';

\ir merge.sql

COMMIT;
