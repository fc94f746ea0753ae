#!/bin/sh
# make bench, the package's part: the installed size of kiosk_<version>_amd64.deb, and the time and memory from
# starting the packaged kiosk to its first screen (the welcome, in plain mode), against a minimal Foundation program
# built the same way (release, the Swift runtime linked in statically, stripped). Run from scripts/bench.sh.
set -eu
cd "$(dirname "$0")/.."
BIN=.build-bench/release
OUT=bench/out
mkdir -p "$OUT"
scripts/deb.sh > "$OUT/deb.log" 2>&1 || { cat "$OUT/deb.log"; exit 1; }
VERSION=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Kiosk/CommandLine/KioskVersion.swift)
ROOT=.build-deb/package/kiosk_${VERSION}_$(dpkg --print-architecture)
DEB=.build-deb/kiosk_${VERSION}_$(dpkg --print-architecture).deb
echo "== the package: $(du -h "$DEB" | cut -f1) to download, $(dpkg-deb -f "$DEB" Installed-Size) KB installed" \
    "(the kiosk binary $(du -h "$ROOT/usr/bin/kiosk" | cut -f1), guides and locales $(du -sh "$ROOT/usr/share/kiosk" | cut -f1))"
swiftc -O -static-stdlib bench/BenchBaseline/main.swift -o "$OUT/BenchBaseline-static" > "$OUT/baseline.log" 2>&1 \
    || { cat "$OUT/baseline.log"; exit 1; }
strip --strip-unneeded "$OUT/BenchBaseline-static"
: > "$OUT/no-input.txt"
echo "== the packaged kiosk to its first screen, against a static Foundation hello (no target: how long a restart leaves the console empty)"
BENCH_STDIN="$OUT/no-input.txt" "$BIN/KioskBench" compare 30 -- "$ROOT/usr/bin/kiosk" run --guides "$ROOT/usr/share/kiosk/guides" \
    --locales "$ROOT/usr/share/kiosk/locales" --db "$OUT/package.db" -- "$OUT/BenchBaseline-static"
