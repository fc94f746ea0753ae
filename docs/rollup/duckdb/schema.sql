-- The province's roll-up of kiosk statistics, DuckDB (1.1 or later; checked with 1.1.3 and the 1.5 CLI).
--
--   duckdb kiosk.duckdb < schema.sql
--
-- The same tables as the kiosk's own SQLite (Sources/Telemetry/Store/Schema.swift, last migration), so that the
-- loaders can apply the kiosk's import rules and the views count what `kiosk report` counts. The keys are the ones
-- the import deduplicates on: a session id once, a purged id once, one daily total per day, hour, terminal, guide,
-- language, launcher, outcome and commune, one funnel total per day, terminal, guide begun, guide, step and commune.
-- The checks are the kiosk's: a file with free text or impossible values is refused, as `kiosk import` refuses it.
-- Running this file again changes nothing.

CREATE TABLE IF NOT EXISTS commune (
    code   text PRIMARY KEY CHECK (regexp_full_match(code, '[0-9]{5}')),
    -- No control characters, as the kiosk checks (a printed report shows these names).
    name   text NOT NULL CHECK (length(name) BETWEEN 1 AND 100 AND NOT regexp_matches(name, '[\x01-\x1f\x7f]')),
    centre text NOT NULL CHECK (length(centre) <= 100 AND NOT regexp_matches(centre, '[\x01-\x1f\x7f]'))
);

-- Which machine (a hash, never the machine id itself) uses which terminal id: two machines under one id are a
-- configuration mistake that `kiosk import` reports.
CREATE TABLE IF NOT EXISTS terminal_machine (
    terminal text NOT NULL CHECK (regexp_full_match(terminal, '[A-Za-z0-9_-]{1,40}')),
    machine  text NOT NULL CHECK (regexp_full_match(machine, '[0-9a-f]{16}')),
    PRIMARY KEY (terminal, machine)
);

-- One ended session. `day` is the kiosk's local day (UTC+7) and stays a date: periods are `day BETWEEN … AND …`.
CREATE TABLE IF NOT EXISTS session (
    id            text PRIMARY KEY CHECK (regexp_full_match(id, '[0-9a-f]{32}')),
    terminal      text NOT NULL CHECK (regexp_full_match(terminal, '[A-Za-z0-9_-]{1,40}')),
    day           date NOT NULL,
    hour          integer NOT NULL CHECK (hour BETWEEN 0 AND 23),
    guide         text NOT NULL CHECK (regexp_full_match(guide, '[a-z0-9-]{1,60}')),
    lang          text NOT NULL CHECK (regexp_full_match(lang, '[a-z]{2,3}')),
    launched_by   text NOT NULL CHECK (launched_by IN ('self', 'volunteer')),
    steps_seen    integer NOT NULL CHECK (steps_seen BETWEEN 0 AND 10000),
    furthest_step integer NOT NULL CHECK (furthest_step BETWEEN 0 AND 10000),
    backs         integer NOT NULL CHECK (backs BETWEEN 0 AND 10000),
    helps         integer NOT NULL CHECK (helps BETWEEN 0 AND 10000),
    -- NULL would be a session in progress; exports carry only ended ones, but the reports still leave NULL apart
    -- as the kiosk does.
    outcome       text CHECK (outcome IN ('done', 'staff', 'later', 'abandoned', 'timeout', 'interrupted')),
    duration      integer CHECK (duration BETWEEN 0 AND 86400 AND duration % 10 = 0),
    last_guide    text CHECK (regexp_full_match(last_guide, '[a-z0-9-]{1,60}')),
    last_step     text CHECK (regexp_full_match(last_step, '[a-z0-9.-]{1,130}')),
    commune_code  text NOT NULL DEFAULT '' CHECK (regexp_full_match(commune_code, '([0-9]{5})?'))
);

-- The screens a session went through. `session_guide` and `day` are the session's (in the JSON they come from the
-- enclosing session line): the funnel counts events of one guide's sessions in a period without a join.
CREATE TABLE IF NOT EXISTS step_event (
    -- No foreign key: DuckDB has no ON DELETE CASCADE; the loaders delete a session's events with it.
    session       text NOT NULL,
    seq           integer NOT NULL CHECK (seq BETWEEN 0 AND 10000),
    guide         text NOT NULL CHECK (regexp_full_match(guide, '[a-z0-9-]{1,60}')),
    step          text NOT NULL CHECK (regexp_full_match(step, '[a-z0-9.-]{1,130}')),
    kind          text NOT NULL CHECK (kind IN ('shown', 'back', 'help')),
    session_guide text NOT NULL CHECK (regexp_full_match(session_guide, '[a-z0-9-]{1,60}')),
    day           date NOT NULL,
    PRIMARY KEY (session, seq)
);

-- Sessions of purged days, summed (a kiosk purges session rows after a while and keeps these totals).
CREATE TABLE IF NOT EXISTS daily (
    day          date NOT NULL,
    hour         integer NOT NULL CHECK (hour BETWEEN 0 AND 23),
    terminal     text NOT NULL CHECK (regexp_full_match(terminal, '[A-Za-z0-9_-]{1,40}')),
    guide        text NOT NULL CHECK (regexp_full_match(guide, '[a-z0-9-]{1,60}')),
    lang         text NOT NULL CHECK (regexp_full_match(lang, '[a-z]{2,3}')),
    launched_by  text NOT NULL CHECK (launched_by IN ('self', 'volunteer')),
    outcome      text NOT NULL CHECK (outcome IN ('done', 'staff', 'later', 'abandoned', 'timeout', 'interrupted')),
    commune_code text NOT NULL CHECK (regexp_full_match(commune_code, '([0-9]{5})?')),
    sessions     integer NOT NULL CHECK (sessions BETWEEN 1 AND 100000),
    PRIMARY KEY (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
);

-- The funnel of purged days: per step (step '' is the guide's overview) how many reached it and how many left there.
CREATE TABLE IF NOT EXISTS daily_step (
    day           date NOT NULL,
    terminal      text NOT NULL CHECK (regexp_full_match(terminal, '[A-Za-z0-9_-]{1,40}')),
    session_guide text NOT NULL CHECK (regexp_full_match(session_guide, '[a-z0-9-]{1,60}')),
    guide         text NOT NULL CHECK (regexp_full_match(guide, '[a-z0-9-]{1,60}')),
    step          text NOT NULL CHECK (regexp_full_match(step, '([a-z0-9.-]{1,130})?')),
    commune_code  text NOT NULL CHECK (regexp_full_match(commune_code, '([0-9]{5})?')),
    reached       integer NOT NULL CHECK (reached BETWEEN 0 AND 100000),
    left_done     integer NOT NULL CHECK (left_done BETWEEN 0 AND 100000),
    left_staff    integer NOT NULL CHECK (left_staff BETWEEN 0 AND 100000),
    left_later    integer NOT NULL CHECK (left_later BETWEEN 0 AND 100000),
    left_lost     integer NOT NULL CHECK (left_lost BETWEEN 0 AND 100000),
    PRIMARY KEY (day, terminal, session_guide, guide, step, commune_code)
);

-- Ids of sessions already counted in daily totals: such a session arriving again (in an older export) is skipped.
CREATE TABLE IF NOT EXISTS purged_session (
    id  text PRIMARY KEY CHECK (regexp_full_match(id, '[0-9a-f]{32}')),
    day date NOT NULL
);
