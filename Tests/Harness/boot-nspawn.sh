#!/bin/sh
# boot-nspawn.sh DEB NEWER_DEB [REPORT[=VERDICT[:CODE]]...]
#
# Boots a minimal Debian 12 in systemd-nspawn and, inside it, installs nianbao the
# way operators do (`apt install ./nianbao_*.deb`: the package's postinst creates
# the user, the folders, enables and starts the units), then checks that
#   1. nianbao.service reaches "active" (Type=notify READY=1 under the full
#      hardening of systemd/nianbao.service),
#   2. each REPORT copied into /srv/nianbao/drop (group nianbao-drop, 0640)
#      gets a verdict: a journal entry with a verdict MESSAGE_ID, and the
#      VERDICT given after "=" (pass/warn/fail; "read": any verdict without an
#      input.* finding, i.e. the document was read), if any — a .doc converted by
#      LibreOffice and a real PDF read under the hardened unit,
#   3. nianbao-remind.timer is enabled and active, and `systemctl start
#      nianbao-remind.service` (the real hardened unit, with a drop-in that sets
#      --today and a small roster) succeeds and its entry, with its priority and
#      fields, is in `journalctl -u nianbao-remind`,
#   4. `systemctl reload nianbao` leaves it active, `systemctl stop` is clean,
#   5. the package's life (nspawn-package.sh): NEWER_DEB installed over it keeps
#      the verdict journal, the status directory and an edited conffile and
#      restarts the service; `apt remove` stops it and keeps the state; `apt
#      purge` removes state, configuration and the files of the nianbao user,
#   6. many hosts (nspawn-journal-remote.sh): systemd-journal-upload ships the
#      journal to systemd-journal-remote (HTTP on the container's loopback) and
#      `journalctl --directory=… NIANBAO_VERDICT=fail` there lists the failing
#      verdicts with every NIANBAO_* field.
# Results (status, journal as JSON, self-test log) land in OUTDIR (printed at
# the end; override with OUTDIR=...). Exit 0 only if all checks pass.
#
# The root is debootstrapped once into $NIANBAO_TEST_ROOT (default
# /var/cache/nianbao-test-root) and reused; each boot runs with
# --volatile=overlay so the cached tree stays clean (the package is installed
# inside the boot). The container has no network: the package's dependencies
# and recommendations are put into the cached root beforehand.
# Needs root, debootstrap (first run, network) and systemd-nspawn.
# Exit 77: cannot run here.
set -eu

[ "$#" -ge 2 ] || { echo "usage: $0 DEB NEWER_DEB [REPORT...]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "boot-nspawn: needs root" >&2; exit 77; }
command -v systemd-nspawn >/dev/null || { echo "boot-nspawn: systemd-nspawn missing" >&2; exit 77; }
DEB=$(readlink -f "$1"); NEWER_DEB=$(readlink -f "$2"); shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ROOT=${NIANBAO_TEST_ROOT:-/var/cache/nianbao-test-root}
OUTDIR=${OUTDIR:-$(mktemp -d /tmp/nianbao-nspawn.XXXXXX)}
mkdir -p "$OUTDIR"

# 1. The cached Debian 12 root.
if [ ! -x "$ROOT/lib/systemd/systemd" ]; then
    command -v debootstrap >/dev/null || { echo "boot-nspawn: debootstrap missing" >&2; exit 77; }
    rm -rf "$ROOT.tmp"
    # No mirror reachable: cannot run here (77), not a failure of nianbao.
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,procps,libpoppler-glib8 \
        bookworm "$ROOT.tmp" http://deb.debian.org/debian \
        || { echo "boot-nspawn: debootstrap failed" >&2; rm -rf "$ROOT.tmp"; exit 77; }
    mv "$ROOT.tmp" "$ROOT"
fi
# ExecReload= needs /bin/kill (procps; not part of a minbase root made earlier);
# .doc/.wps are converted by LibreOffice (libreoffice-writer-nogui), as on a real host;
# scanned PDFs are read by Tesseract (libtesseract5, which the reader child loads, and its
# Chinese and English data under /usr/share/tesseract-ocr, readable inside the unit).
if [ ! -x "$ROOT/bin/kill" ] || [ ! -x "$ROOT/usr/bin/soffice" ] \
    || [ ! -f "$ROOT/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata" ]; then
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    { chroot "$ROOT" apt-get update -qq && DEBIAN_FRONTEND=noninteractive chroot "$ROOT" \
        apt-get install -y -qq --no-install-recommends procps libreoffice-writer-nogui \
        libtesseract5 tesseract-ocr-chi-sim tesseract-ocr-eng >/dev/null; } \
        || { echo "boot-nspawn: cannot install procps/libreoffice-writer-nogui/tesseract in the root" >&2; exit 77; }
fi

# A FUSE mount inside the container (the polled drop check of nspawn-selftest.sh)
# needs /dev/fuse passed in and bindfs in the root; without either it is left out.
FUSE=""
if [ -e /dev/fuse ]; then
    if [ ! -x "$ROOT/usr/bin/bindfs" ]; then
        cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
        { chroot "$ROOT" apt-get update -qq && DEBIAN_FRONTEND=noninteractive chroot "$ROOT" \
            apt-get install -y -qq --no-install-recommends bindfs fuse3 >/dev/null; } \
            || echo "boot-nspawn: cannot install bindfs in the root; FUSE check left out" >&2
    fi
    [ -x "$ROOT/usr/bin/bindfs" ] && FUSE=1
fi

# 2a. The package is installed inside the boot, where there is no network: its
# dependencies and recommendations (first alternative, versions aside) go into the
# cached root beforehand, with systemd-journal-remote for the many-hosts check.
# dpkg-shlibdeps' versions are those of Debian 12, which the root is.
needed=$(dpkg-deb -f "$DEB" Depends Recommends | sed 's/^[A-Za-z-]*: //' | tr ',' '\n' \
    | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g; s/:any$//' | grep -v '^$' | sort -u)
missing=
for p in $needed systemd-journal-remote; do
    chroot "$ROOT" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    # shellcheck disable=SC2086
    { chroot "$ROOT" apt-get update -qq && DEBIAN_FRONTEND=noninteractive chroot "$ROOT" \
        apt-get install -y -qq --no-install-recommends $missing >/dev/null; } \
        || { echo "boot-nspawn: cannot install$missing in the root" >&2; exit 77; }
fi
# A root cached by an earlier version of this test had nianbao put in by scripts/install.sh
# (under /usr/local): take it out, so that only the package provides nianbao.
rm -rf "$ROOT/usr/local/bin/nianbao" "$ROOT/usr/local/lib/systemd/system/nianbao"* \
    "$ROOT/usr/local/lib/systemd/catalog/nianbao.catalog" "$ROOT/usr/local/lib/sysusers.d/nianbao.conf" \
    "$ROOT/usr/local/lib/tmpfiles.d/nianbao.conf" "$ROOT/usr/local/lib/sysctl.d/60-nianbao.conf" \
    "$ROOT/usr/local/share/doc/nianbao" "$ROOT/etc/nianbao" "$ROOT/var/lib/nianbao" "$ROOT/var/log/nianbao" \
    "$ROOT/srv/nianbao" "$ROOT/etc/systemd/system/multi-user.target.wants/nianbao.service" \
    "$ROOT/etc/systemd/system/timers.target.wants/nianbao-remind.timer"
if chroot "$ROOT" dpkg-query -W -f='${db:Status-Status}' nianbao 2>/dev/null | grep -qv not-installed; then
    chroot "$ROOT" dpkg --purge nianbao >/dev/null 2>&1 || true
fi

# 2b. The packages to install (inside the boot, by the self-test), and the self-test unit.
install -D -m 0755 "$HERE/nspawn-selftest.sh" "$ROOT/usr/local/lib/nianbao-selftest/selftest.sh"
install -m 0644 "$HERE/nspawn-package.sh" "$ROOT/usr/local/lib/nianbao-selftest/package.sh"
install -m 0644 "$HERE/nspawn-journal-remote.sh" "$ROOT/usr/local/lib/nianbao-selftest/journal-remote.sh"
rm -rf "$ROOT/usr/local/lib/nianbao-selftest/debs"
mkdir -p "$ROOT/usr/local/lib/nianbao-selftest/debs"
cp "$DEB" "$NEWER_DEB" "$ROOT/usr/local/lib/nianbao-selftest/debs/"
basename "$DEB" >"$ROOT/usr/local/lib/nianbao-selftest/debs/first"
basename "$NEWER_DEB" >"$ROOT/usr/local/lib/nianbao-selftest/debs/newer"
rm -rf "$ROOT/usr/local/lib/nianbao-selftest/reports"
rm -f "$ROOT/usr/local/lib/nianbao-selftest/fuse"
[ -z "$FUSE" ] || : >"$ROOT/usr/local/lib/nianbao-selftest/fuse"
mkdir -p "$ROOT/usr/local/lib/nianbao-selftest/reports"
: >"$ROOT/usr/local/lib/nianbao-selftest/expected"
for spec in "$@"; do
    report=${spec%%=*}
    cp "$report" "$ROOT/usr/local/lib/nianbao-selftest/reports/"
    # REPORT=VERDICT or REPORT=VERDICT:CODE (the only finding code expected).
    [ "$spec" = "$report" ] || echo "$(basename "$report") $(echo "${spec#*=}" | tr ':' ' ')" >>"$ROOT/usr/local/lib/nianbao-selftest/expected"
done
cat >"$ROOT/etc/systemd/system/nianbao-selftest.service" <<'UNIT'
[Unit]
Description=nianbao boot self-test
After=nianbao.service

[Service]
Type=oneshot
ExecStart=/usr/local/lib/nianbao-selftest/selftest.sh
ExecStopPost=/bin/systemctl --no-block poweroff
UNIT
mkdir -p "$ROOT/etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/nianbao-selftest.service \
    "$ROOT/etc/systemd/system/multi-user.target.wants/nianbao-selftest.service"
# No login prompt on the container console.
ln -sf /dev/null "$ROOT/etc/systemd/system/console-getty.service"

# 3. Boot; the self-test powers the container off when done.
# /dev/fuse for the polled-drop check, when the host has it.
set --
[ -z "$FUSE" ] || set -- --bind=/dev/fuse
rm -f "$OUTDIR/result"
timeout 420 systemd-nspawn --quiet --register=no --keep-unit --volatile=overlay --private-network \
    --bind="$OUTDIR:/selftest-out" "$@" -D "$ROOT" -b >"$OUTDIR/console.log" 2>&1 || true

echo "boot-nspawn: results in $OUTDIR"
[ -f "$OUTDIR/result" ] || { echo "boot-nspawn: self-test did not run; see $OUTDIR/console.log" >&2; exit 1; }
cat "$OUTDIR/result"
grep -q '^ok$' "$OUTDIR/result"
