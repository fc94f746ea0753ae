#!/bin/sh
# Installs the PyPI packages the tests call as programs (never linked): Python's jsonschema, the validator of
# docs/exchange.schema.json, and DuckDB's command line (a native program PyPI ships as duckdb-cli), the engine of
# docs/rollup/duckdb. Pinned, into .build/python-tools, for the python3 on PATH; done once (a stamp file names the
# versions). The tests run PYTHONPATH=.build/python-tools python3 … and .build/python-tools/duckdb_cli/duckdb.
set -eu
cd "$(dirname "$0")/.."
TARGET=.build/python-tools
PACKAGES="jsonschema==4.23.0 duckdb-cli==1.5.6"
if [ -f "$TARGET/.installed" ] && [ "$(cat "$TARGET/.installed")" = "$PACKAGES" ]; then exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "kiosk: python3 is needed for the tests (Debian: apt-get install python3 python3-pip)" >&2
    exit 1
fi
echo "kiosk: installing Python test tools: $PACKAGES"
rm -rf "$TARGET"
mkdir -p "$TARGET"
# shellcheck disable=SC2086
# pip's notes about packages elsewhere on the machine are noise here (the target is the tests' own): shown only when
# the install fails.
python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --root-user-action=ignore \
    --target "$TARGET" $PACKAGES > "$TARGET.log" 2>&1 || { cat "$TARGET.log"; exit 1; }
rm -f "$TARGET.log"
echo "$PACKAGES" > "$TARGET/.installed"
