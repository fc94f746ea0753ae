#!/bin/sh
# libFuzzer harnesses for the parsers and the engine (make fuzz). Each harness is compiled together with the
# sources of its module (so it reaches internal types) with swiftc -sanitize=fuzzer,address, and run from a seed
# corpus of the shipped files for FUZZ_SECONDS seconds (default 60). A crash leaves its input in fuzz/out/<name>-crashes/.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT=fuzz/out
mkdir -p "$OUT"
# Every kiosk started here runs in a home of its own: it never reads /etc/kiosk or writes a real kiosk's statistics
# (as root, the default database is /var/lib/kiosk/kiosk.db).
SANDBOX="$OUT/sandbox"
mkdir -p "$SANDBOX/home" "$SANDBOX/state" "$SANDBOX/data"
: > "$SANDBOX/kiosk.conf"
export HOME="$SANDBOX/home" XDG_DATA_HOME="$SANDBOX/data" STATE_DIRECTORY="$SANDBOX/state" KIOSK_CONFIG="$SANDBOX/kiosk.conf"
GUIDES=$(find Sources/Guides -name '*.swift' | sort)
TELEMETRY=$(find Sources/Telemetry -name '*.swift' | sort)
build() { # name, module, extra flags, sources...
    name=$1; module=$2; shift 2
    echo "== building $name"
    # The gold linker warns about every sanitizer symbol; the log is shown only when the build fails.
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "$module" -o "$OUT/$name.fuzzer" "$@" \
        > "$OUT/$name.build.log" 2>&1 || { cat "$OUT/$name.build.log"; exit 1; }
}
build guide-library Guides fuzz/GuideLibrary.swift $GUIDES
build session-engine Guides fuzz/SessionEngine.swift fuzz/Support/Shipped.swift $GUIDES
build catalog Guides fuzz/Catalog.swift $GUIDES
build search Guides fuzz/Search.swift fuzz/Support/Shipped.swift $GUIDES
build wave Guides fuzz/Wave.swift $GUIDES
build review Guides fuzz/ReviewFile.swift fuzz/Support/Shipped.swift $GUIDES
build import Telemetry -I Sources/CSQLite -lsqlite3 fuzz/Import.swift $TELEMETRY
build json-line Telemetry -I Sources/CSQLite -lsqlite3 fuzz/JSONLine.swift $TELEMETRY

seed() { # name, files...
    name=$1; shift
    rm -rf "$OUT/$name-corpus"; mkdir -p "$OUT/$name-corpus" "$OUT/$name-crashes"
    for file in "$@"; do cp "$file" "$OUT/$name-corpus/"; done
}
seed guide-library guides/*.guide guides/shared/*.steps
seed catalog locales/*.po locales/kiosk.pot
printf '%s\n' 'khai sinh' 'ddawng kys khai sinh' 'd9a8ng nha65p' 'cho toi hoi lam sao kich hoat vneid' 'otp ko ve' \
    'birth certificate' 'ho chieu' 'dichvucong.gov.vn' 'khaisinh' 'thuong chu' 'Đăng ký thường trú' > /tmp/kiosk-fuzz-search-seeds
rm -rf "$OUT/search-corpus"; mkdir -p "$OUT/search-corpus" "$OUT/search-crashes"
split -l 1 /tmp/kiosk-fuzz-search-seeds "$OUT/search-corpus/seed-"
printf '\001\003\026\064\100\200\377' > /tmp/kiosk-fuzz-engine-seed && seed session-engine /tmp/kiosk-fuzz-engine-seed
.build/debug/kiosk export --all --db "${FUZZ_EXPORT_DB:-/dev/null/none}" > "$OUT/seed.jsonl" 2>/dev/null || true
printf '%s\n' '{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"khai-sinh","lang":"vi","launched_by":"self","outcome":"done","sessions":2}' \
    '{"type":"purged","id":"0123456789abcdef0123456789abcdef","day":"2026-11-20"}' \
    '{"type":"commune","code":"99001","name":"Xã Thử","centre":"Trung tâm thử"}' \
    '{"type":"terminal","terminal":"t1","machine":"00000000000000aa"}' \
    '{"type":"daily_step","day":"2026-11-20","terminal":"t1","session_guide":"khai-sinh","guide":"khai-sinh","step":"","commune_code":"99001","reached":2,"left_done":0,"left_staff":0,"left_later":1,"left_lost":0}' >> "$OUT/seed.jsonl"
seed import "$OUT/seed.jsonl"
rm -rf "$OUT/json-line-corpus"; mkdir -p "$OUT/json-line-corpus" "$OUT/json-line-crashes"
split -l 1 "$OUT/seed.jsonl" "$OUT/json-line-corpus/seed-"
# A 16 kHz mono WAV header with a little sound, and two line identities.
printf 'RIFF\054\000\000\000WAVEfmt \020\000\000\000\001\000\001\000\200\076\000\000\000\175\000\000\002\000\020\000data\010\000\000\000\001\002\003\004\005\006\007\010' > /tmp/kiosk-fuzz-wave-seed
printf 'khai-sinh/dang-nhap:body' > /tmp/kiosk-fuzz-key-seed
seed wave /tmp/kiosk-fuzz-wave-seed /tmp/kiosk-fuzz-key-seed
printf 'review: dang-nhap-dvcqg\nstarted: 2026-12-01\nversion: VNeID 2.2.6\nfinished: 2026-12-02\n\nstep mo-trang: shows\n  on: 2026-12-01\n  text: d033060b\n\nstep chon-dang-nhap: differs\n  on: 2026-12-02\n  version: VNeID 2.2.7\n  text: 35c2d3cb\n  note: Nút tên là "Nộp hồ sơ"\n' > /tmp/kiosk-fuzz-review-seed
seed review /tmp/kiosk-fuzz-review-seed

status=0
for name in guide-library session-engine catalog search wave review import json-line; do
    echo "== fuzzing $name for $SECONDS_EACH s"
    if ! KIOSK_FUZZ_GUIDES=guides KIOSK_FUZZ_LOCALES=locales "$OUT/$name.fuzzer" -max_total_time="$SECONDS_EACH" -max_len=65536 -artifact_prefix="$OUT/$name-crashes/" \
        -print_final_stats=1 "$OUT/$name-corpus" > "$OUT/$name.log" 2>&1; then
        echo "   FOUND a crash: see $OUT/$name.log and $OUT/$name-crashes/"
        status=1
    fi
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$OUT/$name.log" | sed 's/^/   /' || true
done
exit $status
