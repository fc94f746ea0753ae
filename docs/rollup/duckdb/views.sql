-- What `kiosk report --format json` gives, computed from the roll-up's tables. DuckDB; run after schema.sql:
--
--   duckdb kiosk.duckdb < views.sql
--
-- A share is of a period, so the reports are table macros of the period's first and last day (both included, the
-- kiosk's `--from`/`--to`; `--month 2026-11` is '2026-11-01', '2026-11-30'):
--
--   SELECT * FROM report_kpi('2026-11-01', '2026-11-30');           -- the "kpi" object
--   SELECT * FROM report_by_guide('2026-11-01', '2026-11-30');      -- "rows" of --by guide (also _lang,
--                                                                   --   _launched_by, _commune, _month)
--   SELECT * FROM report_funnel('khai-sinh', '2026-11-01', '2026-11-30');   -- kiosk report funnel khai-sinh
--   SELECT * FROM report_funnels('2026-11-01', '2026-11-30');       -- every guide's funnel at once
--   SELECT * FROM report_communes('2026-11-01', '2026-11-30');      -- "communes"; report_terminals: "terminals"
--
-- The same names and columns as the PostgreSQL version (docs/rollup/postgresql/views.sql). Column names are the keys
-- of the kiosk's JSON ("launched-by", "left", "left-rate" must be written in double quotes in SQL). The view
-- report_source holds every ended session over all days, for questions of your own: choose the period with
-- WHERE day BETWEEN '2026-11-01' AND '2026-11-30'. Running this file again replaces the views and macros.

-- Every ended session: the session rows, and the daily totals of purged days (which count each session once: a
-- session is either a row here or in a total, never both). Sessions still in progress are in no figure but
-- in_progress, as in the kiosk.
CREATE OR REPLACE VIEW report_source AS
    SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, 1 AS sessions
    FROM session WHERE outcome IS NOT NULL
    UNION ALL
    SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions FROM daily;

-- A share as the kiosk's JSON writes it: part ÷ whole in double precision, rounded to 0.001 with halves away from
-- zero (ReportFormat.rounded: (share * 1000).rounded() / 1000), NULL when the whole is 0. Written out rather than
-- round(), whose rule for halves is not the kiosk's in every engine; x - floor(x) is exact for these magnitudes.
CREATE OR REPLACE MACRO kiosk_share(part, whole) AS
    CASE WHEN whole = 0 THEN NULL
        ELSE (CASE WHEN (CAST(part AS DOUBLE) / CAST(whole AS DOUBLE) * CAST(1000 AS DOUBLE))
                        - floor(CAST(part AS DOUBLE) / CAST(whole AS DOUBLE) * CAST(1000 AS DOUBLE)) >= 0.5
                   THEN ceil(CAST(part AS DOUBLE) / CAST(whole AS DOUBLE) * CAST(1000 AS DOUBLE))
                   ELSE floor(CAST(part AS DOUBLE) / CAST(whole AS DOUBLE) * CAST(1000 AS DOUBLE)) END) / CAST(1000 AS DOUBLE)
    END;

-- A share as the kiosk's tables and the funnel's "left-rate" write it: "6.3%", "-" when the whole is 0
-- (ReportFormat.percent: the same rounding, one decimal of a percent).
CREATE OR REPLACE MACRO kiosk_percent(part, whole) AS
    CASE WHEN whole = 0 THEN '-'
        ELSE CAST(CAST(round(kiosk_share(part, whole) * 1000) AS BIGINT) // 10 AS VARCHAR) || '.'
            || CAST(CAST(round(kiosk_share(part, whole) * 1000) AS BIGINT) % 10 AS VARCHAR) || '%'
    END;

-- The ended sessions of a period by every breakdown the reports use, and by how they ended (the kiosk's KPI: lost
-- is abandoned, timed out or interrupted).
CREATE OR REPLACE MACRO report_outcomes(date_from, date_to) AS TABLE
    SELECT guide, lang, launched_by, commune_code, strftime(day, '%Y-%m') AS month,
        CAST(coalesce(sum(sessions) FILTER (WHERE outcome = 'done'), 0) AS BIGINT) AS done,
        CAST(coalesce(sum(sessions) FILTER (WHERE outcome = 'staff'), 0) AS BIGINT) AS staff,
        CAST(coalesce(sum(sessions) FILTER (WHERE outcome = 'later'), 0) AS BIGINT) AS later,
        CAST(coalesce(sum(sessions) FILTER (WHERE outcome IN ('abandoned', 'timeout', 'interrupted')), 0) AS BIGINT) AS lost
    FROM report_source WHERE day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
    GROUP BY ALL;

-- The "kpi" object of `kiosk report --format json` (Sources/Telemetry/Reports/KPI.swift, ReportDocument.swift):
-- guided is every ended session, the base of every share; target is the plan's 100%. One row, also for a period
-- without sessions (guided 0, shares NULL as the JSON's null).
CREATE OR REPLACE MACRO report_kpi(date_from, date_to) AS TABLE
    WITH t AS (
        SELECT CAST(coalesce(sum(done), 0) AS BIGINT) AS done, CAST(coalesce(sum(staff), 0) AS BIGINT) AS staff,
            CAST(coalesce(sum(later), 0) AS BIGINT) AS later, CAST(coalesce(sum(lost), 0) AS BIGINT) AS lost
        FROM report_outcomes(date_from, date_to)
    ), g AS (SELECT *, done + staff + later + lost AS guided FROM t)
    SELECT guided, done AS done_by_self, kiosk_share(done, guided) AS self_share, CAST(1.0 AS DOUBLE) AS target,
        staff AS handed_to_staff, kiosk_share(staff, guided) AS staff_share,
        later AS will_do_later, kiosk_share(later, guided) AS later_share,
        lost, kiosk_share(lost, guided) AS lost_share,
        (SELECT count(*) FROM session
         WHERE outcome IS NULL AND day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)) AS in_progress
    FROM g;

-- The "rows" of `kiosk report --by X --format json`: one row per value with ended sessions, in the kiosk's order
-- (by the value; DuckDB compares text byte by byte unless told otherwise). sessions is the row's guided.
CREATE OR REPLACE MACRO report_by_guide(date_from, date_to) AS TABLE
    SELECT guide, CAST(sum(done + staff + later + lost) AS BIGINT) AS sessions, CAST(sum(done) AS BIGINT) AS done_by_self,
        kiosk_share(sum(done), sum(done + staff + later + lost)) AS self_share,
        CAST(sum(staff) AS BIGINT) AS handed_to_staff, CAST(sum(later) AS BIGINT) AS will_do_later, CAST(sum(lost) AS BIGINT) AS lost
    FROM report_outcomes(date_from, date_to) GROUP BY guide ORDER BY guide;

CREATE OR REPLACE MACRO report_by_lang(date_from, date_to) AS TABLE
    SELECT lang, CAST(sum(done + staff + later + lost) AS BIGINT) AS sessions, CAST(sum(done) AS BIGINT) AS done_by_self,
        kiosk_share(sum(done), sum(done + staff + later + lost)) AS self_share,
        CAST(sum(staff) AS BIGINT) AS handed_to_staff, CAST(sum(later) AS BIGINT) AS will_do_later, CAST(sum(lost) AS BIGINT) AS lost
    FROM report_outcomes(date_from, date_to) GROUP BY lang ORDER BY lang;

-- The JSON key is the --by name, "launched-by"; the values are self and volunteer.
CREATE OR REPLACE MACRO report_by_launched_by(date_from, date_to) AS TABLE
    SELECT launched_by AS "launched-by", CAST(sum(done + staff + later + lost) AS BIGINT) AS sessions,
        CAST(sum(done) AS BIGINT) AS done_by_self, kiosk_share(sum(done), sum(done + staff + later + lost)) AS self_share,
        CAST(sum(staff) AS BIGINT) AS handed_to_staff, CAST(sum(later) AS BIGINT) AS will_do_later, CAST(sum(lost) AS BIGINT) AS lost
    FROM report_outcomes(date_from, date_to) GROUP BY launched_by ORDER BY launched_by;

-- "commune" is the five-digit code, '' for sessions counted before a kiosk had one (names: report_communes).
CREATE OR REPLACE MACRO report_by_commune(date_from, date_to) AS TABLE
    SELECT commune_code AS commune, CAST(sum(done + staff + later + lost) AS BIGINT) AS sessions,
        CAST(sum(done) AS BIGINT) AS done_by_self, kiosk_share(sum(done), sum(done + staff + later + lost)) AS self_share,
        CAST(sum(staff) AS BIGINT) AS handed_to_staff, CAST(sum(later) AS BIGINT) AS will_do_later, CAST(sum(lost) AS BIGINT) AS lost
    FROM report_outcomes(date_from, date_to) GROUP BY commune_code ORDER BY commune_code;

-- "month" is YYYY-MM.
CREATE OR REPLACE MACRO report_by_month(date_from, date_to) AS TABLE
    SELECT month, CAST(sum(done + staff + later + lost) AS BIGINT) AS sessions, CAST(sum(done) AS BIGINT) AS done_by_self,
        kiosk_share(sum(done), sum(done + staff + later + lost)) AS self_share,
        CAST(sum(staff) AS BIGINT) AS handed_to_staff, CAST(sum(later) AS BIGINT) AS will_do_later, CAST(sum(lost) AS BIGINT) AS lost
    FROM report_outcomes(date_from, date_to) GROUP BY month ORDER BY month;

-- The communes a period covers ("communes" of the JSON): every code with a session (ended or not) or a daily total
-- in the period, '' included, with the name and centre known here ('' when none).
CREATE OR REPLACE MACRO report_communes(date_from, date_to) AS TABLE
    SELECT c.code, coalesce(n.name, '') AS name, coalesce(n.centre, '') AS centre
    FROM (SELECT commune_code AS code FROM session WHERE day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
          UNION SELECT commune_code FROM daily WHERE day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)) c
    LEFT JOIN commune n ON n.code = c.code
    ORDER BY c.code;

-- The terminals a period covers ("terminals" of the JSON).
CREATE OR REPLACE MACRO report_terminals(date_from, date_to) AS TABLE
    SELECT terminal FROM (
        SELECT terminal FROM session WHERE day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
        UNION SELECT terminal FROM daily WHERE day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE))
    ORDER BY terminal;

-- The drop-off funnel of every guide (Sources/Telemetry/Reports/Reporter+Funnel.swift): for the sessions begun with
-- session_guide in the period, per step of that guide or of a guide it led to, how many reached it and how many
-- left there, by how they ended. Step '' is the guide's overview: every ended session of the guide reached it, and
-- those that ended before any step left there. Purged days come from their daily funnel totals.
-- "left" is staff + later + lost (done is no leaving); "left-rate" is left ÷ reached as the kiosk writes it.
CREATE OR REPLACE MACRO report_funnels(date_from, date_to) AS TABLE
    WITH parts AS (
        -- Reached: sessions shown the step (once each, however often), sessions still in progress left out.
        SELECT e.session_guide, e.guide, e.step, count(DISTINCT e.session) AS reached, 0 AS staff, 0 AS later, 0 AS lost
        FROM step_event e
        WHERE e.day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE) AND e.kind = 'shown'
          AND e.session NOT IN (SELECT id FROM session
                                WHERE outcome IS NULL AND day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE))
        GROUP BY 1, 2, 3
        UNION ALL
        -- Left: where each ended session was last shown a step.
        SELECT s.guide, s.last_guide, s.last_step, 0,
            count(*) FILTER (WHERE s.outcome = 'staff'), count(*) FILTER (WHERE s.outcome = 'later'),
            count(*) FILTER (WHERE s.outcome IN ('abandoned', 'timeout', 'interrupted'))
        FROM session s
        WHERE s.day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE) AND s.outcome IS NOT NULL
          AND s.last_step IS NOT NULL AND s.last_guide IS NOT NULL
        GROUP BY 1, 2, 3
        UNION ALL
        -- The overview.
        SELECT s.guide, s.guide, '', count(*),
            count(*) FILTER (WHERE s.last_step IS NULL AND s.outcome = 'staff'),
            count(*) FILTER (WHERE s.last_step IS NULL AND s.outcome = 'later'),
            count(*) FILTER (WHERE s.last_step IS NULL AND s.outcome IN ('abandoned', 'timeout', 'interrupted'))
        FROM session s
        WHERE s.day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE) AND s.outcome IS NOT NULL
        GROUP BY 1
        UNION ALL
        -- Purged days.
        SELECT d.session_guide, d.guide, d.step, sum(d.reached), sum(d.left_staff), sum(d.left_later), sum(d.left_lost)
        FROM daily_step d WHERE d.day BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
        GROUP BY 1, 2, 3
    )
    SELECT session_guide, guide, step, CAST(sum(reached) AS BIGINT) AS reached, CAST(sum(staff + later + lost) AS BIGINT) AS "left",
        CAST(sum(staff) AS BIGINT) AS staff, CAST(sum(later) AS BIGINT) AS later, CAST(sum(lost) AS BIGINT) AS lost,
        kiosk_percent(sum(staff + later + lost), sum(reached)) AS "left-rate"
    FROM parts GROUP BY session_guide, guide, step
    ORDER BY session_guide, guide, step;

-- One guide's funnel, the rows of `kiosk report funnel GUIDE --format json` (without "title", which is in the guide
-- files, not in the statistics). The kiosk lists the overview first, then the steps along the guide; here they
-- come by guide and step id (the overview, '', first among its guide's).
CREATE OR REPLACE MACRO report_funnel(funnel_guide, date_from, date_to) AS TABLE
    SELECT guide, step, reached, "left", staff, later, lost, "left-rate"
    FROM report_funnels(date_from, date_to) WHERE session_guide = funnel_guide
    ORDER BY (guide <> funnel_guide), guide, step;
