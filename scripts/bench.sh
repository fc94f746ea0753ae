#!/bin/sh
# The benchmarks behind `make bench`. Each prints a ratio against a baseline measured in the same command.
set -eu
cd "$(dirname "$0")/.."
BIN=.build/release
OUT=bench/out
mkdir -p "$OUT"

echo "== library: 100 guides × 12 steps (10 on the main path, 2 fix-up branches)"
rm -rf "$OUT/lib100"
"$BIN/KioskBench" generate "$OUT/lib100" 100 12

echo "== kiosk check on it, against a minimal Foundation program built the same way (target: within 2×)"
"$BIN/KioskBench" compare 30 -- "$BIN/kiosk" check --guides "$OUT/lib100" -- "$BIN/BenchBaseline"

echo "== search (target: well under 1 ms)"
"$BIN/KioskBench" search "$OUT/lib100" 1000

echo "== kiosk start to first screen, and peak memory, with the 100-guide library (targets: 2× time, 1.5× memory)"
"$BIN/KioskBench" first-output 30 -- "$BIN/kiosk" run --guides "$OUT/lib100" --locales locales -- "$BIN/BenchBaseline"
echo "   peak memory and time of the whole run (start, load 100 guides, first screen, end of input):"
BENCH_STDIN=/dev/null "$BIN/KioskBench" compare 30 -- "$BIN/kiosk" run --guides "$OUT/lib100" --locales locales -- "$BIN/BenchBaseline"
