-- What `kiosk report --format json` gives, computed from the roll-up's tables. PostgreSQL; run after schema.sql:
--
--   psql -d kiosk -f views.sql
--
-- A share is of a period, so the reports are functions of the period's first and last day (both included, the
-- kiosk's `--from`/`--to`; `--month 2026-11` is '2026-11-01', '2026-11-30'):
--
--   SELECT * FROM report_kpi('2026-11-01', '2026-11-30');           -- the "kpi" object
--   SELECT * FROM report_by_guide('2026-11-01', '2026-11-30');      -- "rows" of --by guide (also _lang,
--                                                                   --   _launched_by, _commune, _month)
--   SELECT * FROM report_funnel('khai-sinh', '2026-11-01', '2026-11-30');   -- kiosk report funnel khai-sinh
--   SELECT * FROM report_funnels('2026-11-01', '2026-11-30');       -- every guide's funnel at once
--   SELECT * FROM report_communes('2026-11-01', '2026-11-30');      -- "communes"; report_terminals: "terminals"
--
-- Column names are the keys of the kiosk's JSON ("launched-by", "left", "left-rate" must be written in double
-- quotes in SQL). The view report_source holds every ended session over all days, for questions of your own:
-- choose the period with WHERE day BETWEEN '2026-11-01' AND '2026-11-30'.
-- Running this file again replaces the views and functions; it never touches the data.

-- Every ended session: the session rows, and the daily totals of purged days (which count each session once: a
-- session is either a row here or in a total, never both). Sessions still in progress are in no figure but
-- in_progress, as in the kiosk.
CREATE OR REPLACE VIEW report_source AS
    SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, 1 AS sessions
    FROM session WHERE outcome IS NOT NULL
    UNION ALL
    SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions FROM daily;

-- A share as the kiosk's JSON writes it: part ÷ whole in double precision, rounded to 0.001 with halves away from
-- zero (ReportFormat.rounded: (share * 1000).rounded() / 1000), NULL when the whole is 0. PostgreSQL's round() on a
-- double rounds halves to even, so the rounding is written out; x - floor(x) is exact for these magnitudes.
CREATE OR REPLACE FUNCTION kiosk_share(part bigint, whole bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN whole = 0 THEN NULL
        ELSE (CASE WHEN x - floor(x) >= 0.5 THEN ceil(x) ELSE floor(x) END) / 1000::double precision END
    FROM (SELECT part::double precision / whole::double precision * 1000::double precision AS x) s
$$;

-- A share as the kiosk's tables and the funnel's "left-rate" write it: "6.3%", "-" when the whole is 0
-- (ReportFormat.percent: the same rounding, one decimal of a percent).
CREATE OR REPLACE FUNCTION kiosk_percent(part bigint, whole bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN whole = 0 THEN '-'
        ELSE (k / 10)::text || '.' || (k % 10)::text || '%' END
    FROM (SELECT round(kiosk_share(part, whole) * 1000)::bigint AS k) s
$$;

-- The ended sessions of a period by every breakdown the reports use, and by how they ended (the kiosk's KPI: lost
-- is abandoned, timed out or interrupted).
CREATE OR REPLACE FUNCTION report_outcomes(date_from date, date_to date)
RETURNS TABLE (guide text, lang text, launched_by text, commune_code text, month text,
    done bigint, staff bigint, later bigint, lost bigint)
LANGUAGE sql STABLE AS $$
    SELECT guide, lang, launched_by, commune_code, to_char(day, 'YYYY-MM'),
        coalesce(sum(sessions) FILTER (WHERE outcome = 'done'), 0)::bigint,
        coalesce(sum(sessions) FILTER (WHERE outcome = 'staff'), 0)::bigint,
        coalesce(sum(sessions) FILTER (WHERE outcome = 'later'), 0)::bigint,
        coalesce(sum(sessions) FILTER (WHERE outcome IN ('abandoned', 'timeout', 'interrupted')), 0)::bigint
    FROM report_source WHERE day BETWEEN date_from AND date_to
    GROUP BY 1, 2, 3, 4, 5
$$;

-- The "kpi" object of `kiosk report --format json` (Sources/Telemetry/Reports/KPI.swift, ReportDocument.swift):
-- guided is every ended session, the base of every share; target is the plan's 100%. One row, also for a period
-- without sessions (guided 0, shares NULL as the JSON's null).
CREATE OR REPLACE FUNCTION report_kpi(date_from date, date_to date)
RETURNS TABLE (guided bigint, done_by_self bigint, self_share double precision, target double precision,
    handed_to_staff bigint, staff_share double precision, will_do_later bigint, later_share double precision,
    lost bigint, lost_share double precision, in_progress bigint)
LANGUAGE sql STABLE AS $$
    WITH t AS (
        SELECT coalesce(sum(done), 0)::bigint AS done, coalesce(sum(staff), 0)::bigint AS staff,
            coalesce(sum(later), 0)::bigint AS later, coalesce(sum(lost), 0)::bigint AS lost
        FROM report_outcomes(date_from, date_to)
    ), g AS (SELECT *, done + staff + later + lost AS guided FROM t)
    SELECT guided, done, kiosk_share(done, guided), 1.0::double precision, staff, kiosk_share(staff, guided),
        later, kiosk_share(later, guided), lost, kiosk_share(lost, guided),
        (SELECT count(*) FROM session WHERE outcome IS NULL AND day BETWEEN date_from AND date_to)
    FROM g
$$;

-- The "rows" of `kiosk report --by X --format json`: one row per value with ended sessions, in the kiosk's order
-- (by the value, byte order: COLLATE "C"). sessions is the row's guided.
CREATE OR REPLACE FUNCTION report_by_guide(date_from date, date_to date)
RETURNS TABLE (guide text, sessions bigint, done_by_self bigint, self_share double precision, handed_to_staff bigint,
    will_do_later bigint, lost bigint)
LANGUAGE sql STABLE AS $$
    SELECT o.guide, sum(o.done + o.staff + o.later + o.lost)::bigint, sum(o.done)::bigint,
        kiosk_share(sum(o.done)::bigint, sum(o.done + o.staff + o.later + o.lost)::bigint),
        sum(o.staff)::bigint, sum(o.later)::bigint, sum(o.lost)::bigint
    FROM report_outcomes(date_from, date_to) o GROUP BY o.guide ORDER BY o.guide COLLATE "C"
$$;

CREATE OR REPLACE FUNCTION report_by_lang(date_from date, date_to date)
RETURNS TABLE (lang text, sessions bigint, done_by_self bigint, self_share double precision, handed_to_staff bigint,
    will_do_later bigint, lost bigint)
LANGUAGE sql STABLE AS $$
    SELECT o.lang, sum(o.done + o.staff + o.later + o.lost)::bigint, sum(o.done)::bigint,
        kiosk_share(sum(o.done)::bigint, sum(o.done + o.staff + o.later + o.lost)::bigint),
        sum(o.staff)::bigint, sum(o.later)::bigint, sum(o.lost)::bigint
    FROM report_outcomes(date_from, date_to) o GROUP BY o.lang ORDER BY o.lang COLLATE "C"
$$;

-- The JSON key is the --by name, "launched-by"; the values are self and volunteer.
CREATE OR REPLACE FUNCTION report_by_launched_by(date_from date, date_to date)
RETURNS TABLE ("launched-by" text, sessions bigint, done_by_self bigint, self_share double precision, handed_to_staff bigint,
    will_do_later bigint, lost bigint)
LANGUAGE sql STABLE AS $$
    SELECT o.launched_by, sum(o.done + o.staff + o.later + o.lost)::bigint, sum(o.done)::bigint,
        kiosk_share(sum(o.done)::bigint, sum(o.done + o.staff + o.later + o.lost)::bigint),
        sum(o.staff)::bigint, sum(o.later)::bigint, sum(o.lost)::bigint
    FROM report_outcomes(date_from, date_to) o GROUP BY o.launched_by ORDER BY o.launched_by COLLATE "C"
$$;

-- "commune" is the five-digit code, '' for sessions counted before a kiosk had one (names: report_communes).
CREATE OR REPLACE FUNCTION report_by_commune(date_from date, date_to date)
RETURNS TABLE (commune text, sessions bigint, done_by_self bigint, self_share double precision, handed_to_staff bigint,
    will_do_later bigint, lost bigint)
LANGUAGE sql STABLE AS $$
    SELECT o.commune_code, sum(o.done + o.staff + o.later + o.lost)::bigint, sum(o.done)::bigint,
        kiosk_share(sum(o.done)::bigint, sum(o.done + o.staff + o.later + o.lost)::bigint),
        sum(o.staff)::bigint, sum(o.later)::bigint, sum(o.lost)::bigint
    FROM report_outcomes(date_from, date_to) o GROUP BY o.commune_code ORDER BY o.commune_code COLLATE "C"
$$;

-- "month" is YYYY-MM.
CREATE OR REPLACE FUNCTION report_by_month(date_from date, date_to date)
RETURNS TABLE (month text, sessions bigint, done_by_self bigint, self_share double precision, handed_to_staff bigint,
    will_do_later bigint, lost bigint)
LANGUAGE sql STABLE AS $$
    SELECT o.month, sum(o.done + o.staff + o.later + o.lost)::bigint, sum(o.done)::bigint,
        kiosk_share(sum(o.done)::bigint, sum(o.done + o.staff + o.later + o.lost)::bigint),
        sum(o.staff)::bigint, sum(o.later)::bigint, sum(o.lost)::bigint
    FROM report_outcomes(date_from, date_to) o GROUP BY o.month ORDER BY o.month COLLATE "C"
$$;

-- The communes a period covers ("communes" of the JSON): every code with a session (ended or not) or a daily total
-- in the period, '' included, with the name and centre known here ('' when none).
CREATE OR REPLACE FUNCTION report_communes(date_from date, date_to date)
RETURNS TABLE (code text, name text, centre text)
LANGUAGE sql STABLE AS $$
    SELECT c.code, coalesce(n.name, ''), coalesce(n.centre, '')
    FROM (SELECT commune_code AS code FROM session WHERE day BETWEEN date_from AND date_to
          UNION SELECT commune_code FROM daily WHERE day BETWEEN date_from AND date_to) c
    LEFT JOIN commune n ON n.code = c.code
    ORDER BY c.code COLLATE "C"
$$;

-- The terminals a period covers ("terminals" of the JSON).
CREATE OR REPLACE FUNCTION report_terminals(date_from date, date_to date)
RETURNS TABLE (terminal text)
LANGUAGE sql STABLE AS $$
    SELECT t.terminal FROM (
        SELECT terminal FROM session WHERE day BETWEEN date_from AND date_to
        UNION SELECT terminal FROM daily WHERE day BETWEEN date_from AND date_to) t
    ORDER BY t.terminal COLLATE "C"
$$;

-- The drop-off funnel of every guide (Sources/Telemetry/Reports/Reporter+Funnel.swift): for the sessions begun with
-- session_guide in the period, per step of that guide or of a guide it led to, how many reached it and how many
-- left there, by how they ended. Step '' is the guide's overview: every ended session of the guide reached it, and
-- those that ended before any step left there. Purged days come from their daily funnel totals.
-- "left" is staff + later + lost (done is no leaving); "left-rate" is left ÷ reached as the kiosk writes it.
CREATE OR REPLACE FUNCTION report_funnels(date_from date, date_to date)
RETURNS TABLE (session_guide text, guide text, step text, reached bigint, "left" bigint, staff bigint, later bigint,
    lost bigint, "left-rate" text)
LANGUAGE sql STABLE AS $$
    WITH parts (session_guide, guide, step, reached, staff, later, lost) AS (
        -- Reached: sessions shown the step (once each, however often), sessions still in progress left out.
        SELECT e.session_guide, e.guide, e.step, count(DISTINCT e.session), 0, 0, 0
        FROM step_event e
        WHERE e.day BETWEEN date_from AND date_to AND e.kind = 'shown'
          AND e.session NOT IN (SELECT id FROM session WHERE outcome IS NULL AND day BETWEEN date_from AND date_to)
        GROUP BY 1, 2, 3
        UNION ALL
        -- Left: where each ended session was last shown a step.
        SELECT s.guide, s.last_guide, s.last_step, 0,
            count(*) FILTER (WHERE s.outcome = 'staff'), count(*) FILTER (WHERE s.outcome = 'later'),
            count(*) FILTER (WHERE s.outcome IN ('abandoned', 'timeout', 'interrupted'))
        FROM session s
        WHERE s.day BETWEEN date_from AND date_to AND s.outcome IS NOT NULL AND s.last_step IS NOT NULL AND s.last_guide IS NOT NULL
        GROUP BY 1, 2, 3
        UNION ALL
        -- The overview.
        SELECT s.guide, s.guide, '', count(*),
            count(*) FILTER (WHERE s.last_step IS NULL AND s.outcome = 'staff'),
            count(*) FILTER (WHERE s.last_step IS NULL AND s.outcome = 'later'),
            count(*) FILTER (WHERE s.last_step IS NULL AND s.outcome IN ('abandoned', 'timeout', 'interrupted'))
        FROM session s
        WHERE s.day BETWEEN date_from AND date_to AND s.outcome IS NOT NULL
        GROUP BY 1
        UNION ALL
        -- Purged days.
        SELECT d.session_guide, d.guide, d.step, sum(d.reached), sum(d.left_staff), sum(d.left_later), sum(d.left_lost)
        FROM daily_step d WHERE d.day BETWEEN date_from AND date_to
        GROUP BY 1, 2, 3
    )
    SELECT session_guide, guide, step, sum(reached)::bigint, sum(staff + later + lost)::bigint, sum(staff)::bigint,
        sum(later)::bigint, sum(lost)::bigint, kiosk_percent(sum(staff + later + lost)::bigint, sum(reached)::bigint)
    FROM parts p GROUP BY p.session_guide, p.guide, p.step
    ORDER BY p.session_guide COLLATE "C", p.guide COLLATE "C", p.step COLLATE "C"
$$;

-- One guide's funnel, the rows of `kiosk report funnel GUIDE --format json` (without "title", which is in the guide
-- files, not in the statistics). The kiosk lists the overview first, then the steps along the guide; here they
-- come by guide and step id (the overview, '', first among its guide's).
CREATE OR REPLACE FUNCTION report_funnel(funnel_guide text, date_from date, date_to date)
RETURNS TABLE (guide text, step text, reached bigint, "left" bigint, staff bigint, later bigint, lost bigint, "left-rate" text)
LANGUAGE sql STABLE AS $$
    SELECT f.guide, f.step, f.reached, f."left", f.staff, f.later, f.lost, f."left-rate"
    FROM report_funnels(date_from, date_to) f WHERE f.session_guide = funnel_guide
    ORDER BY (f.guide <> funnel_guide), f.guide COLLATE "C", f.step COLLATE "C"
$$;
