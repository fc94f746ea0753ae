-- Merges the staging tables of ONE export (filled by load-jsonl.sql or load-csv.sql, inside their transaction) into
-- the roll-up, with the rules of `kiosk import` (Sources/Telemetry/Exchange/LineImport.swift). Not run on its own.
--
-- The kiosk applies a file line by line; the end result does not depend on that order except where a session line
-- and a purge marker of the same id are both in the file, so `n` (the line) is kept for that. The rules:
--   * a session id is counted once: a session already here, or whose id is purged (here or in this file), is skipped;
--     the first line of an id in the file wins, with its step events;
--   * a purge marker removes the session row here (or earlier in this file) only if this file counts that session in
--     its daily totals of the same day, hour, terminal, guide, language, launcher, outcome and commune, and the totals
--     here then grow by at least what was removed; else the whole file is refused ("importing never removes a session");
--   * a daily total, and each count of a daily funnel total, keeps the larger of here and the file (totals only grow:
--     the same day exported twice is counted once, an export made later counts more);
--   * a commune already known keeps its name; terminal-machine pairs are only added.

-- Temporary tables have no statistics until analysed: without them the planner joins by nested loops.
ANALYZE pg_temp.stage_session;
ANALYZE pg_temp.stage_event;
ANALYZE pg_temp.stage_daily;
ANALYZE pg_temp.stage_daily_step;
ANALYZE pg_temp.stage_purged;

-- Dates as the kiosk writes them (YYYY-MM-DD; the cast to date then refuses 2026-02-30).
DO $$
DECLARE
    bad record;
BEGIN
    SELECT n, day INTO bad FROM (
        SELECT n, day FROM stage_session UNION ALL SELECT n, day FROM stage_daily UNION ALL SELECT n, day FROM stage_daily_step
        UNION ALL SELECT n, day FROM stage_purged) d
    WHERE day IS NULL OR day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' ORDER BY n LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION 'line %: "day" must be a date written YYYY-MM-DD', bad.n; END IF;
END
$$;

-- The sessions this file's purge markers remove: rows here, and session lines of this file before the marker (a
-- session line after its marker is skipped, not removed). The first marker of an id is the one that removes.
CREATE TEMP TABLE merge_removed ON COMMIT DROP AS
    WITH marker AS (SELECT DISTINCT ON (id) n, id, day::date AS day FROM stage_purged ORDER BY id, n),
    present AS (
        SELECT id, -1::bigint AS n, day, hour, terminal, guide, lang, launched_by, outcome, commune_code FROM session
        WHERE id IN (SELECT id FROM stage_purged)
        UNION ALL
        SELECT DISTINCT ON (id) id, n, day::date, hour, terminal, guide, lang, launched_by, outcome, commune_code
        FROM stage_session s
        WHERE id IN (SELECT id FROM stage_purged)
          AND NOT EXISTS (SELECT 1 FROM session x WHERE x.id = s.id) AND NOT EXISTS (SELECT 1 FROM purged_session p WHERE p.id = s.id)
        ORDER BY id, n
    )
    SELECT m.n AS line, m.day AS marker_day, p.*
    FROM marker m JOIN present p ON p.id = m.id AND p.n < m.n
    WHERE NOT EXISTS (SELECT 1 FROM purged_session q WHERE q.id = m.id);

DO $$
DECLARE
    bad record;
BEGIN
    -- A marker of another day than the session's, or of a session still open, can never be covered.
    SELECT line INTO bad FROM merge_removed WHERE day <> marker_day OR outcome IS NULL ORDER BY line LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'line %: this purge marker names a session that is here and that the file does not count in its '
            'daily totals: importing never removes a session', bad.line;
    END IF;
    SELECT r.line, r.removed, coalesce(t.sessions, 0) AS file_total, coalesce(d.sessions, 0) AS before INTO bad
    FROM (SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, count(*) AS removed, max(line) AS line
          FROM merge_removed GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) r
    LEFT JOIN (SELECT day::date AS day, hour, terminal, guide, lang, launched_by, outcome, commune_code, max(sessions) AS sessions
               FROM stage_daily GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) t USING (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
    LEFT JOIN daily d USING (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
    -- After the file a total is the larger of here and the file's; it must count what was here plus the rows removed.
    WHERE r.removed > coalesce(t.sessions, 0)
       OR greatest(coalesce(d.sessions, 0), coalesce(t.sessions, 0)) < coalesce(d.sessions, 0) + r.removed
    ORDER BY r.line LIMIT 1;
    IF FOUND AND bad.removed > bad.file_total THEN
        RAISE EXCEPTION 'line %: this purge marker names a session that is here and that the file does not count in its '
            'daily totals: importing never removes a session', bad.line;
    ELSIF FOUND THEN
        RAISE EXCEPTION 'line %: the purge markers of this file name sessions that its daily totals do not add to the '
            'totals here: importing never removes a session', bad.line;
    END IF;
END
$$;

INSERT INTO commune (code, name, centre)
    SELECT DISTINCT ON (code) code, name, centre FROM stage_commune ORDER BY code, n
    ON CONFLICT (code) DO NOTHING;

INSERT INTO terminal_machine (terminal, machine)
    SELECT DISTINCT terminal, machine FROM stage_terminal
    ON CONFLICT DO NOTHING;

INSERT INTO daily AS d (day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions)
    SELECT day::date, hour, terminal, guide, lang, launched_by, outcome, commune_code, max(sessions)
    FROM stage_daily GROUP BY day, hour, terminal, guide, lang, launched_by, outcome, commune_code
    ON CONFLICT (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
    DO UPDATE SET sessions = greatest(d.sessions, excluded.sessions);

-- Each count on its own: the kiosk keeps the larger of each, not the larger row.
INSERT INTO daily_step AS d (day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff, left_later, left_lost)
    SELECT day::date, terminal, session_guide, guide, step, commune_code,
        max(reached), max(left_done), max(left_staff), max(left_later), max(left_lost)
    FROM stage_daily_step GROUP BY day, terminal, session_guide, guide, step, commune_code
    ON CONFLICT (day, terminal, session_guide, guide, step, commune_code)
    DO UPDATE SET reached = greatest(d.reached, excluded.reached), left_done = greatest(d.left_done, excluded.left_done),
        left_staff = greatest(d.left_staff, excluded.left_staff), left_later = greatest(d.left_later, excluded.left_later),
        left_lost = greatest(d.left_lost, excluded.left_lost);

-- The rows the markers remove are now counted in the daily totals (their step events go with them).
DELETE FROM session s USING merge_removed r WHERE s.id = r.id;

INSERT INTO purged_session (id, day)
    SELECT DISTINCT ON (id) id, day::date FROM stage_purged ORDER BY id, n
    ON CONFLICT (id) DO NOTHING;

-- New sessions only: not here, not purged (here or by this file, before or after the line: either way the kiosk ends
-- without the row), the first line of each id.
CREATE TEMP TABLE merge_new ON COMMIT DROP AS
    SELECT DISTINCT ON (id) * FROM stage_session s
    WHERE NOT EXISTS (SELECT 1 FROM session x WHERE x.id = s.id) AND NOT EXISTS (SELECT 1 FROM purged_session p WHERE p.id = s.id)
    ORDER BY id, n;

INSERT INTO session (id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, duration,
        last_guide, last_step, commune_code)
    SELECT id, terminal, day::date, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, duration,
        last_guide, last_step, commune_code
    FROM merge_new;

INSERT INTO step_event (session, seq, guide, step, kind, session_guide, day)
    SELECT e.session, e.seq, e.guide, e.step, e.kind, e.session_guide, e.day::date
    FROM stage_event e JOIN merge_new s ON s.id = e.session AND s.n = e.n;

-- What the file did, for the log (figures only).
SELECT (SELECT count(*) FROM merge_new) AS sessions_added,
       (SELECT count(*) FROM merge_removed) AS sessions_now_in_daily_totals,
       (SELECT count(*) FROM stage_daily) AS daily_lines_in_file,
       (SELECT count(*) FROM stage_daily_step) AS daily_step_lines_in_file,
       (SELECT count(*) FROM stage_purged) AS purge_markers_in_file;
