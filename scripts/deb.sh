#!/bin/sh
# make deb: kiosk_<version>_amd64.deb from the release build, with the Swift runtime linked in, so the package
# depends only on Debian's own libraries. DEB_VERSION overrides the version (the upgrade test rebuilds the same
# package with a higher one); DEB_OUT names the folder the .deb is written to (default: .build-deb).
set -eu
cd "$(dirname "$0")/.."
VERSION=${DEB_VERSION:-$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Kiosk/CommandLine/KioskVersion.swift)}
[ -n "$VERSION" ] || { echo "make deb: no version found in Sources/Kiosk/CommandLine/KioskVersion.swift"; exit 1; }
OUT=${DEB_OUT:-.build-deb}
SCRATCH=.build-deb
ARCH=$(dpkg --print-architecture)
# Who built it, the Debian way: DEBFULLNAME and DEBEMAIL, else the author of the last commit.
# (Outside a git checkout, DEBFULLNAME and DEBEMAIL are needed.)
AUTHOR=$(git log -1 --format=%an 2>/dev/null || true)
EMAIL=$(git log -1 --format=%ae 2>/dev/null || true)
MAINTAINER="${DEBFULLNAME:-$AUTHOR} <${DEBEMAIL:-$EMAIL}>"
[ "$MAINTAINER" != " <>" ] || { echo "make deb: set DEBFULLNAME and DEBEMAIL (no git history to take them from)"; exit 1; }
echo "== building kiosk $VERSION (release, Swift runtime static)"
# The static Foundation's own objects draw a linker note about mktemp (Foundation's temporary files, not ours); it is
# the only line left out of the log. Any other warning stops the build.
mkdir -p "$SCRATCH"
LOG="$SCRATCH/build.log"
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" -Xswiftc -warnings-as-errors > "$LOG" 2>&1 \
    || { cat "$LOG"; exit 1; }
if grep -v "the use of \`mktemp' is dangerous" "$LOG" | grep -q "warning:"; then
    grep "warning:" "$LOG"; echo "make deb: the build has warnings; zero are allowed"; exit 1
fi
BINARY="$SCRATCH/release/kiosk"
ROOT="$SCRATCH/package/kiosk_${VERSION}_$ARCH"
rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/usr/bin" "$ROOT/usr/share/kiosk" "$ROOT/etc/kiosk" "$ROOT/usr/share/man/man1" \
    "$ROOT/usr/share/doc/kiosk" "$ROOT/lib/systemd/system"
install -m 755 "$BINARY" "$ROOT/usr/bin/kiosk"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$ROOT/usr/bin/kiosk"
# Depends names glibc 2.36 (Debian 12): the binary must need no newer symbol version.
NEWEST=$(objdump -T "$ROOT/usr/bin/kiosk" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
[ "$(printf '%s\n2.36\n' "$NEWEST" | sort -V | tail -1)" = 2.36 ] \
    || { echo "make deb: the binary needs glibc $NEWEST, newer than the 2.36 its Depends line names"; exit 1; }
# The guides (with their reviews) and the locales, without anything a checkout or a test left behind.
tar -c --exclude='.*' guides locales | tar -x -C "$ROOT/usr/share/kiosk"
find "$ROOT/usr/share/kiosk" -type d -exec chmod 755 {} + && find "$ROOT/usr/share/kiosk" -type f -exec chmod 644 {} +
install -m 644 docs/kiosk.conf.example "$ROOT/etc/kiosk/kiosk.conf"
install -m 644 "packaging/kiosk@.service" "packaging/kiosk-graphical@.service" "$ROOT/lib/systemd/system/"
install -m 644 packaging/foot.ini "$ROOT/usr/share/kiosk/foot.ini"
# The manual page from the commands' own help (SOURCE_DATE_EPOCH: the day of the last commit, for a repeatable build).
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
DAY=$(date -u -d "@$EPOCH" +%Y-%m-%d)
# (Written to a file first: a failing kiosk must stop the build, not package an empty page.)
HOME=/nonexistent KIOSK_CONFIG=/dev/null "$BINARY" help --man "$DAY" > "$SCRATCH/kiosk.1"
[ -s "$SCRATCH/kiosk.1" ] || { echo "make deb: kiosk help --man wrote nothing"; exit 1; }
gzip -9n < "$SCRATCH/kiosk.1" > "$ROOT/usr/share/man/man1/kiosk.1.gz"
install -m 644 packaging/copyright "$ROOT/usr/share/doc/kiosk/copyright"
for doc in README.md docs/operations.md docs/guide-format.md docs/privacy.md docs/translating.md \
    docs/sending-the-monthly-report.md docs/exchange.md; do
    gzip -9n < "$doc" > "$ROOT/usr/share/doc/kiosk/$(basename "$doc").gz"
done
gzip -9n < CHANGELOG.md > "$ROOT/usr/share/doc/kiosk/changelog.gz"
printf 'kiosk (%s) unstable; urgency=medium\n\n  * Built from the source tree; see changelog.gz.\n\n -- %s  %s\n' \
    "$VERSION" "$MAINTAINER" "$(date -u -d "@$EPOCH" -R)" \
    | gzip -9n > "$ROOT/usr/share/doc/kiosk/changelog.Debian.gz"
install -m 755 packaging/postinst packaging/prerm packaging/postrm "$ROOT/DEBIAN/"
echo /etc/kiosk/kiosk.conf > "$ROOT/DEBIAN/conffiles"
SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: kiosk
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $SIZE
Depends: libc6 (>= 2.36), libgcc-s1, libstdc++6 (>= 12), libreadline8 (>= 8.2), libsqlite3-0 (>= 3.40), adduser
Recommends: alsa-utils, fonts-noto-mono
Suggests: cage, foot
Section: misc
Priority: optional
Homepage: https://github.com/kiosk-project/kiosk
Description: guided assistant for public-administration service centres
 kiosk guides citizens, step by step, through online public services on
 their own phone, at the terminals of Vietnam's public-administration
 service centres. Staff and volunteers explain; the citizen taps, types and
 submits everything themselves. It works offline, keeps no personal data,
 wipes the screen for the next visitor, and counts anonymous sessions
 toward the province's monthly target.
CONTROL
mkdir -p "$OUT"
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$OUT/kiosk_${VERSION}_$ARCH.deb" > /dev/null
echo "== $OUT/kiosk_${VERSION}_$ARCH.deb: $(du -h "$OUT/kiosk_${VERSION}_$ARCH.deb" | cut -f1), installed $SIZE KB"
