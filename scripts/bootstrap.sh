#!/bin/sh
# Installs the Debian packages kiosk needs to build and test, when they are missing.
# Usage: scripts/bootstrap.sh PACKAGE...   (the Makefile passes the list for `run`, `test` or `bench`)
set -eu

if ! command -v swift >/dev/null 2>&1; then
    echo "kiosk: the Swift toolchain (6.0 or later) is not on PATH." >&2
    echo "       Install it from https://www.swift.org/install/linux/ and add its usr/bin to PATH, then run make again." >&2
    exit 1
fi

missing=""
for package in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "kiosk: installing missing Debian packages:$missing"
if [ "$(id -u)" = 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo"
else
    echo "kiosk: cannot install packages without root. Run this, then make again:" >&2
    echo "       sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086
$run apt-get install -y -qq --no-install-recommends $missing
