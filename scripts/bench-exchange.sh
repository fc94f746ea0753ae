#!/bin/sh
# The exchange and the roll-up at province scale (part of make bench; runs alone as scripts/bench-exchange.sh after
# the province-year has been generated): export and import against the sqlite3 shell over the same rows, peak
# memory, and PostgreSQL's and DuckDB's load and monthly query against a plain COPY and against kiosk report.
# Every server runs here, on loopback, in bench/out, and is stopped at the end.
set -eu
cd "$(dirname "$0")/.."
BIN=.build-bench/release
OUT=bench/out
SANDBOX="$OUT/sandbox"
mkdir -p "$SANDBOX/home" "$SANDBOX/state" "$SANDBOX/data"
[ -f "$SANDBOX/kiosk.conf" ] || : > "$SANDBOX/kiosk.conf"
export HOME="$SANDBOX/home" XDG_DATA_HOME="$SANDBOX/data" STATE_DIRECTORY="$SANDBOX/state" KIOSK_CONFIG="$SANDBOX/kiosk.conf"
SESSIONS=${BENCH_SESSIONS:-10000000}
P="$OUT/province-$SESSIONS.db"
X="$OUT/exchange"
rm -rf "$X" && mkdir -p "$X"
count() { sqlite3 "$P" "SELECT count(*) FROM session WHERE outcome IS NOT NULL AND day BETWEEN '$1' AND '$2'"; }
MONTH=$(count 2025-11-01 2025-11-30)
YEAR=$(count 2025-01-01 2025-12-31)

echo "== exchange: export of a month ($MONTH sessions with their events) against sqlite3 -json over the same rows (target: within 1.5×, under 64 MB)"
ROWS="SELECT s.id, s.terminal, s.day, s.hour, s.guide, s.lang, s.launched_by, s.steps_seen, s.furthest_step, s.backs, s.helps,
    s.outcome, s.duration, s.last_guide, s.last_step, s.commune_code, e.seq, e.guide, e.step, e.kind
    FROM session s LEFT JOIN step_event e ON e.session = s.id
    WHERE s.day BETWEEN '2025-11-01' AND '2025-11-30' AND s.outcome IS NOT NULL ORDER BY s.day, s.id, e.seq;"
"$BIN/KioskBench" compare 2 -- "$BIN/kiosk" export --month 2025-11 --db "$P" -- sqlite3 -json "$P" "$ROWS"
echo "   export of the whole year ($YEAR sessions), once (target: under 64 MB whatever the size):"
BENCH_COLD=1 "$BIN/KioskBench" rate "$YEAR" sessions -- "$BIN/kiosk" export --year 2025 --db "$P" --output "$X/year.jsonl"
ls -l "$X/year.jsonl" | awk '{ printf "   the file: %.2f GB\n", $5 / 1e9 }'
rm -f "$X/year.jsonl"

echo "== exchange: import into an empty database (target: 100,000 sessions with their events per second, under 64 MB)"
"$BIN/kiosk" export --from 2025-11-01 --to 2025-11-04 --db "$P" --output "$X/days.jsonl"
DAYS=$(count 2025-11-01 2025-11-04)
: > "$X/empty.jsonl"
"$BIN/kiosk" import --db "$X/empty.db" "$X/empty.jsonl" > /dev/null
echo "   kiosk import of four days ($DAYS sessions):"
"$BIN/KioskBench" rate "$DAYS" sessions -- sh -c "cp '$X/empty.db' '$X/import.db' && exec '$BIN/kiosk' import --db '$X/import.db' '$X/days.jsonl'"
# SQLite's own rate into the same schema (its checks and indexes), the rows already in a database: no importer that
# writes this schema row by row can go faster.
sqlite3 "$X/staged.db" "ATTACH '$P' AS p; CREATE TABLE s AS SELECT * FROM p.session WHERE day BETWEEN '2025-11-01' AND '2025-11-04';
    CREATE TABLE e AS SELECT e.* FROM s JOIN p.step_event e ON e.session = s.id;"
echo "   the sqlite3 shell's INSERT … SELECT of the same rows into the same schema (the floor, with a 1 GB cache):"
"$BIN/KioskBench" rate "$DAYS" sessions -- sh -c "cp '$X/empty.db' '$X/floor.db' && exec sqlite3 '$X/floor.db' \"PRAGMA cache_size = -1000000;
    ATTACH '$X/staged.db' AS t; BEGIN; INSERT INTO session SELECT id, terminal, day, hour, guide, lang, launched_by, steps_seen,
    furthest_step, backs, helps, outcome, duration, last_guide, last_step, commune_code FROM t.s;
    INSERT INTO step_event(session, seq, guide, step, kind, session_guide, day) SELECT session, seq, guide, step, kind, session_guide, day FROM t.e; COMMIT;\""
echo "   kiosk import of the month ($MONTH sessions), once (memory whatever the size):"
"$BIN/kiosk" export --month 2025-11 --db "$P" --output "$X/month.jsonl"
BENCH_COLD=1 "$BIN/KioskBench" rate "$MONTH" sessions -- sh -c "cp '$X/empty.db' '$X/import.db' && exec '$BIN/kiosk' import --db '$X/import.db' '$X/month.jsonl'"
rm -f "$X/import.db"* "$X/floor.db"* "$X/staged.db"

echo "== roll-up: PostgreSQL (a server of this bench's own, on loopback) and DuckDB, on the province's month and year"
for table in session step_event daily daily_step purged commune; do
    "$BIN/kiosk" export --month 2025-11 --db "$P" --format csv --table "$table" --output "$X/month-$table.csv"
    # The year's sessions (for the monthly query over a year of data); its events are not needed for the indicator.
    if [ "$table" = step_event ]; then
        "$BIN/kiosk" export --day 1999-01-01 --db "$P" --format csv --table "$table" --output "$X/year-$table.csv"
    else
        "$BIN/kiosk" export --year 2025 --db "$P" --format csv --table "$table" --output "$X/year-$table.csv"
    fi
done
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA="$PWD/$X/pg"
AS=""
if [ "$(id -u)" = 0 ]; then AS="setpriv --reuid=nobody --regid=nogroup --clear-groups"; chmod 755 "$OUT" "$X"; fi
mkdir -p "$PGDATA" && [ -z "$AS" ] || chown nobody:nogroup "$PGDATA"
PORT=55999
$AS "$PG/initdb" -D "$PGDATA" -U kiosk --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N > /dev/null
$AS "$PG/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='' -c max_wal_size=8GB -c shared_buffers=1GB" start > /dev/null
trap '$AS "$PG/pg_ctl" -D "$PGDATA" -m fast -w stop > /dev/null 2>&1 || true' EXIT
Q="$PG/psql -X -q -h 127.0.0.1 -p $PORT -U kiosk -v ON_ERROR_STOP=1"
$Q -d postgres -c "CREATE DATABASE rollup" -c "CREATE DATABASE plain"
$Q -d rollup -f docs/rollup/postgresql/schema.sql -f docs/rollup/postgresql/views.sql
# The plain COPY: the same columns, no keys, no checks, no indexes.
$Q -d plain -c "CREATE TABLE session (id text, terminal text, day date, hour int, guide text, lang text, launched_by text, steps_seen int,
    furthest_step int, backs int, helps int, outcome text, duration int, last_guide text, last_step text, commune_code text);
    CREATE TABLE step_event (session text, seq int, guide text, step text, kind text, session_guide text, day date);"
echo "   the month's six tables ($MONTH sessions) through docs/rollup/postgresql/load-csv.sql, against a plain COPY of its sessions and events:"
BENCH_COLD=1 "$BIN/KioskBench" rate "$MONTH" sessions -- $Q -d rollup -v prefix="$PWD/$X/month-" -f docs/rollup/postgresql/load-csv.sql
"$BIN/KioskBench" rate "$MONTH" sessions -- sh -c "$Q -d plain -c 'TRUNCATE session, step_event' -c \"\\\\copy session from '$X/month-session.csv' (format csv, header true)\" -c \"\\\\copy step_event from '$X/month-step_event.csv' (format csv, header true)\""
echo "   the year's sessions ($YEAR) through load-csv.sql, once:"
BENCH_COLD=1 "$BIN/KioskBench" rate "$YEAR" sessions -- $Q -d rollup -v prefix="$PWD/$X/year-" -f docs/rollup/postgresql/load-csv.sql
$Q -d rollup -c "VACUUM ANALYZE"
echo "   the monthly indicator over the year: PostgreSQL's report_kpi, DuckDB's, and kiosk report on SQLite (the same figures):"
"$BIN/KioskBench" rate 1 queries -- $Q -d rollup -c "SELECT * FROM report_kpi('2025-11-01', '2025-11-30')"
"$BIN/KioskBench" rate 1 queries -- $Q -d rollup -c "SELECT * FROM report_by_commune('2025-11-01', '2025-11-30')"
DUCK=.build/python-tools/duckdb_cli/duckdb
[ -x "$DUCK" ] || scripts/python-tools.sh
D="$X/province.duckdb"
"$DUCK" -bail "$D" < docs/rollup/duckdb/schema.sql && "$DUCK" -bail "$D" < docs/rollup/duckdb/views.sql
echo "   DuckDB: the year's sessions through docs/rollup/duckdb/load-csv.sql, once (run from its folder, as its page says):"
{ echo "SET VARIABLE prefix = '$PWD/$X/year-';"; cat docs/rollup/duckdb/load-csv.sql; } > "$X/duck-load.sql"
BENCH_COLD=1 "$BIN/KioskBench" rate "$YEAR" sessions -- sh -c "cd docs/rollup/duckdb && exec '$PWD/$DUCK' -bail '$PWD/$D' < '$PWD/$X/duck-load.sql'"
"$BIN/KioskBench" rate 1 queries -- "$DUCK" -readonly "$D" -c "SELECT * FROM report_kpi('2025-11-01', '2025-11-30')"
"$BIN/KioskBench" rate 1 queries -- "$DUCK" -readonly "$D" -c "SELECT * FROM report_by_commune('2025-11-01', '2025-11-30')"
"$BIN/KioskBench" rate 1 queries -- "$BIN/kiosk" report --month 2025-11 --db "$P" --format json
"$BIN/KioskBench" rate 1 queries -- "$BIN/kiosk" report --month 2025-11 --by commune --db "$P" --format json
echo "   the three give the same indicator:"
$Q -d rollup -At -c "SELECT guided, done_by_self, self_share FROM report_kpi('2025-11-01', '2025-11-30')"
"$DUCK" -readonly -csv -noheader "$D" -c "SELECT guided, done_by_self, self_share FROM report_kpi('2025-11-01', '2025-11-30')"
"$BIN/kiosk" report --month 2025-11 --db "$P" --format json | grep -o '"guided":[0-9]*\|"done_by_self":[0-9]*\|"self_share":[0-9.]*' | tr '\n' ' '; echo
