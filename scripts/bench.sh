#!/bin/sh
# The benchmarks behind `make bench`. Each prints a ratio against a baseline measured in the same command.
set -eu
cd "$(dirname "$0")/.."
BIN=.build-bench/release
OUT=bench/out
mkdir -p "$OUT"
# Every kiosk started here runs in a home of its own: it never reads /etc/kiosk or writes a real kiosk's statistics
# (as root, the default database is /var/lib/kiosk/kiosk.db).
SANDBOX="$OUT/sandbox"
mkdir -p "$SANDBOX/home" "$SANDBOX/state" "$SANDBOX/data"
: > "$SANDBOX/kiosk.conf"
export HOME="$SANDBOX/home" XDG_DATA_HOME="$SANDBOX/data" STATE_DIRECTORY="$SANDBOX/state" KIOSK_CONFIG="$SANDBOX/kiosk.conf"

echo "== library: 100 guides × 12 steps (10 on the main path, 2 fix-up branches)"
rm -rf "$OUT/lib100"
"$BIN/KioskBench" generate "$OUT/lib100" 100 12 guides

echo "== kiosk check on it, against a minimal Foundation program built the same way (target: within 2×)"
mkdir -p "$OUT/ui-only" && cp locales/ui.vi.txt "$OUT/ui-only/"
echo "   guides and interface texts only:"
"$BIN/KioskBench" compare 30 -- "$BIN/kiosk" check --guides "$OUT/lib100" --locales "$OUT/ui-only" -- "$BIN/BenchBaseline"
echo "   also the five shipped catalogs (locales/*.po):"
"$BIN/KioskBench" compare 30 -- "$BIN/kiosk" check --guides "$OUT/lib100" --locales locales -- "$BIN/BenchBaseline"

echo "== search over every field, in Vietnamese and English (target: under 50 µs per query)"
echo "   the 100-guide library (its English a stand-in of the same length, generated from the template):"
rm -rf "$OUT/lib100-locales" && mkdir -p "$OUT/lib100-locales" && cp locales/ui.vi.txt locales/languages.txt "$OUT/lib100-locales/"
"$BIN/kiosk" locales extract --guides "$OUT/lib100" --locales "$OUT/lib100-locales" > /dev/null
"$BIN/KioskBench" po-english "$OUT/lib100-locales/kiosk.pot" "$OUT/lib100-locales/en.po"
"$BIN/KioskBench" search "$OUT/lib100" 5000 "$OUT/lib100-locales"
echo "   the shipped guides (with their English translation):"
"$BIN/KioskBench" search guides 5000 locales
echo "   kiosk search, start to answer (loads guides and catalogs, builds the index), against a Foundation hello:"
"$BIN/KioskBench" compare 30 -- "$BIN/kiosk" search --guides "$OUT/lib100" --locales "$OUT/lib100-locales" --lang en khai sinh -- "$BIN/BenchBaseline"

echo "== a guide screen drawn again and again (target: under 1 ms each)"
"$BIN/KioskBench" redraw 10 5000 "$BIN/kiosk" run --guides guides --locales locales --db "$OUT/redraw.db"

echo "== kiosk start to first screen with the shipped guides, against a Foundation hello built the same way (target: 1.5×)"
"$BIN/KioskBench" first-output 30 -- "$BIN/kiosk" run --guides guides --locales locales -- "$BIN/BenchBaseline"

echo "== kiosk start to first screen, and peak memory, with the 100-guide library (targets: 2× time, 1.5× memory)"
"$BIN/KioskBench" first-output 30 -- "$BIN/kiosk" run --guides "$OUT/lib100" --locales locales -- "$BIN/BenchBaseline"
echo "   peak memory and time of the whole run (start, load 100 guides, first screen, end of input):"
BENCH_STDIN=/dev/null "$BIN/KioskBench" compare 30 -- "$BIN/kiosk" run --guides "$OUT/lib100" --locales locales -- "$BIN/BenchBaseline"

echo "== catalogs: parse a generated 50,000-entry PO file, against msgfmt -o /dev/null on the same file (target: no slower)"
"$BIN/KioskBench" po-generate "$OUT/catalog-50000.po" 50000
"$BIN/KioskBench" compare 10 -- "$BIN/KioskBench" po-parse "$OUT/catalog-50000.po" -- msgfmt -o /dev/null "$OUT/catalog-50000.po"

echo "== statistics: one session's writes (synchronous=FULL) against a bare INSERT commit with the same pragmas"
rm -f "$OUT/write.db" "$OUT/write.db-wal" "$OUT/write.db-shm"
"$BIN/KioskBench" write-cost "$OUT/write.db" 500

SESSIONS=${BENCH_SESSIONS:-10000000}
echo "== statistics: a province-year of $SESSIONS sessions over 102 communes (generated once, kept in $OUT)"
if [ ! -f "$OUT/province-$SESSIONS.db" ]; then
    rm -f "$OUT/province-$SESSIONS.db"*
    "$BIN/KioskBench" province "$OUT/province-$SESSIONS.db" "$SESSIONS" | tail -1
fi
"$BIN/kiosk" status --db "$OUT/province-$SESSIONS.db" | grep -E "^sessions|^integrity"
echo "   kiosk report --by guide,outcome against the same aggregation in the sqlite3 shell (target: within 1.5×)"
"$BIN/KioskBench" compare 5 -- "$BIN/kiosk" report --db "$OUT/province-$SESSIONS.db" --from 2025-01-01 --to 2025-12-31 --by guide,outcome \
    -- sqlite3 "$OUT/province-$SESSIONS.db" "SELECT guide, outcome, COUNT(*) FROM session WHERE outcome IS NOT NULL AND day BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY guide, outcome;"

P="$OUT/province-$SESSIONS.db"
echo "   the monthly page (--format html) against the same aggregates in the sqlite3 shell (target: within 1.5×)"
# The page's aggregates, written plainly for the shell: one scan by guide, language, launcher and day with the
# outcome; the sessions in progress; the communes and terminals covered; the period before; where sessions stopped;
# how many reached three of those places.
PAGE_SQL="
SELECT guide, lang, launched_by, day, outcome, CAST(TOTAL(n) AS INTEGER) FROM (
  SELECT day, outcome, guide, lang, launched_by, COUNT(*) AS n FROM session WHERE outcome IS NOT NULL AND day BETWEEN '2025-11-01' AND '2025-11-30'
    GROUP BY day, outcome, guide, lang, launched_by
  UNION ALL SELECT day, outcome, guide, lang, launched_by, TOTAL(sessions) FROM daily WHERE day BETWEEN '2025-11-01' AND '2025-11-30'
    GROUP BY day, outcome, guide, lang, launched_by)
  GROUP BY guide, lang, launched_by, day, outcome;
SELECT COUNT(*) FROM session WHERE outcome IS NULL AND day BETWEEN '2025-11-01' AND '2025-11-30';
SELECT DISTINCT commune_code, terminal FROM session WHERE day BETWEEN '2025-11-01' AND '2025-11-30';
SELECT code, name, centre FROM commune;
SELECT outcome, COUNT(*) FROM session WHERE outcome IS NOT NULL AND day BETWEEN '2025-10-01' AND '2025-10-31' GROUP BY outcome;
SELECT guide, COALESCE(last_guide, guide), COALESCE(last_step, ''), outcome, COUNT(*) FROM session
  WHERE day BETWEEN '2025-11-01' AND '2025-11-30' AND outcome IS NOT NULL AND outcome <> 'done' GROUP BY guide, outcome, last_guide, last_step;
SELECT COUNT(DISTINCT session) FROM step_event WHERE session_guide = 'khai-sinh' AND guide = 'khai-sinh' AND step = 'buoc-1'
  AND day BETWEEN '2025-11-01' AND '2025-11-30' AND kind = 'shown';
SELECT COUNT(DISTINCT session) FROM step_event WHERE session_guide = 'le-phi' AND guide = 'le-phi' AND step = 'buoc-1'
  AND day BETWEEN '2025-11-01' AND '2025-11-30' AND kind = 'shown';
SELECT COUNT(DISTINCT session) FROM step_event WHERE session_guide = 'tra-cuu' AND guide = 'tra-cuu' AND step = 'buoc-1'
  AND day BETWEEN '2025-11-01' AND '2025-11-30' AND kind = 'shown';"
"$BIN/KioskBench" compare 3 -- "$BIN/kiosk" report --db "$P" --month 2025-11 --format html --guides guides --locales locales \
    --output "$OUT/report-2025-11.html" -- sqlite3 "$P" "$PAGE_SQL"
echo "   every report over the province-year, once each after a warm-up (target: each under 10 s)"
for args in "--year 2025" "--year 2025 --by guide,outcome" "--year 2025 --by commune,month" "--year 2025 --by day" \
    "--year 2025 --format json --by lang,launched-by" "--year 2025 --format csv --by guide" "--year 2025 --format html" \
    "--quarter 2025-Q4 --format html" "--month 2025-11 --format html --min-count 5" "--year 2025 --format xlsx" \
    "--year 2025 --by week" "funnel khai-sinh --year 2025"; do
    # shellcheck disable=SC2086
    "$BIN/KioskBench" timed 10 -- "$BIN/kiosk" report $args --db "$P" --guides guides --locales locales --output "$OUT/report.out"
done

echo "== a 50 MB line typed or piped in, in plain mode, against wc -l on the same input (target: within 2×; memory 1.5× a normal session)"
if [ ! -f "$OUT/line-50mb.txt" ]; then
    yes khaisinh | head -c 50000000 | tr -d '\n' > "$OUT/line-50mb.txt"
    printf '\n21\n' >> "$OUT/line-50mb.txt"
fi
BENCH_STDIN="$OUT/line-50mb.txt" "$BIN/KioskBench" compare 5 -- "$BIN/kiosk" run --guides guides --locales locales --db "$OUT/line.db" \
    -- wc -l
echo "   a normal session, for comparison (the line's own cost is the difference between the two kiosk runs):"
printf '\n21\n2\n\n' > "$OUT/session.txt"
BENCH_STDIN="$OUT/session.txt" "$BIN/KioskBench" compare 5 -- "$BIN/kiosk" run --guides guides --locales locales --db "$OUT/line.db" \
    -- "$BIN/BenchBaseline"

echo "== recorded voices (made-up recordings of silence in made-up language folders, never a voice)"
"$BIN/KioskBench" recordings locales guides "$OUT/audio-none" 0
"$BIN/KioskBench" recordings locales guides "$OUT/audio-1000" 1000 1000
"$BIN/KioskBench" recordings locales guides "$OUT/audio-5000" 5000
printf '#!/bin/sh\n: > "$KIOSK_BENCH_MARKER"\n' > "$OUT/marker-player.sh" && chmod +x "$OUT/marker-player.sh"
printf 'audio-player = %s\n' "$PWD/$OUT/marker-player.sh" > "$OUT/audio.conf"
echo "   the listen key to the player process running (target: under 50 ms):"
"$BIN/KioskBench" listen 30 "$PWD/$OUT/marker-player.sh" "$PWD/$OUT/played.marker" -- "$BIN/kiosk" run --config "$OUT/audio.conf" \
    --guides guides --locales "$OUT/audio-1000" --db "$OUT/audio.db"
echo "   memory while guiding with 1,000 recordings present, against none (target: within 5%, ratio at most 1.05×):"
BENCH_STDIN="$OUT/session.txt" "$BIN/KioskBench" compare 10 -- "$BIN/kiosk" run --config "$OUT/audio.conf" --guides guides \
    --locales "$OUT/audio-1000" --db "$OUT/audio.db" -- "$BIN/kiosk" run --config "$OUT/audio.conf" --guides guides \
    --locales "$OUT/audio-none" --db "$OUT/audio.db"
echo "   kiosk check with 5,000 recordings, against none (target: within 2×):"
"$BIN/KioskBench" compare 10 -- "$BIN/kiosk" check --guides guides --locales "$OUT/audio-5000" \
    -- "$BIN/kiosk" check --guides guides --locales "$OUT/audio-none"
scripts/bench-package.sh
scripts/bench-exchange.sh
