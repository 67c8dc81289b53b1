#!/bin/sh
# boot-nspawn.sh BINARY [REPORT[=VERDICT[:CODE]]...]
#
# Boots a minimal Debian 12 in systemd-nspawn with nianbao installed exactly as
# scripts/install.sh installs it (unit, sysusers, tmpfiles, catalog, config),
# and checks from inside that
#   1. nianbao.service reaches "active" (Type=notify READY=1 under the full
#      hardening of systemd/nianbao.service),
#   2. each REPORT copied into /srv/nianbao/drop (group nianbao-drop, 0640)
#      gets a verdict: a journal entry with a verdict MESSAGE_ID, and the
#      VERDICT given after "=" (pass/warn/fail), if any — a .doc converted by
#      LibreOffice and a real PDF read under the hardened unit,
#   3. nianbao-remind.timer is enabled and active, and `systemctl start
#      nianbao-remind.service` (the real hardened unit, with a drop-in that sets
#      --today and a small roster) succeeds and its entry, with its priority and
#      fields, is in `journalctl -u nianbao-remind`,
#   4. `systemctl reload nianbao` leaves it active, `systemctl stop` is clean.
# Results (status, journal as JSON, self-test log) land in OUTDIR (printed at
# the end; override with OUTDIR=...). Exit 0 only if all checks pass.
#
# The root is debootstrapped once into $NIANBAO_TEST_ROOT (default
# /var/cache/nianbao-test-root) and reused; each boot runs with
# --volatile=overlay so the cached tree stays clean apart from the install.
# Needs root, debootstrap (first run, network) and systemd-nspawn.
# Exit 77: cannot run here.
set -eu

[ "$#" -ge 1 ] || { echo "usage: $0 BINARY [REPORT...]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "boot-nspawn: needs root" >&2; exit 77; }
command -v systemd-nspawn >/dev/null || { echo "boot-nspawn: systemd-nspawn missing" >&2; exit 77; }
BINARY=$(readlink -f "$1"); shift
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
# .doc/.wps are converted by LibreOffice (libreoffice-writer-nogui), as on a real host.
if [ ! -x "$ROOT/bin/kill" ] || [ ! -x "$ROOT/usr/bin/soffice" ]; then
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    { chroot "$ROOT" apt-get update -qq && DEBIAN_FRONTEND=noninteractive chroot "$ROOT" \
        apt-get install -y -qq --no-install-recommends procps libreoffice-writer-nogui >/dev/null; } \
        || { echo "boot-nspawn: cannot install procps/libreoffice-writer-nogui in the root" >&2; exit 77; }
fi

# 2. Install nianbao the way operators do, plus the self-test unit. The cached
# root may hold another checkout's configuration (install.sh never overwrites
# one): this checkout's own default configuration is tested.
rm -f "$ROOT/etc/nianbao/nianbao.json"
DESTDIR=$ROOT "$REPO/scripts/install.sh" --binary "$BINARY" --enable
# install.sh never overwrites an existing /etc/nianbao/nianbao.json (local config); the
# cached root keeps the one of its first run, so the test puts the shipped one back.
install -m 0644 "$REPO/etc/nianbao.json" "$ROOT/etc/nianbao/nianbao.json"
install -D -m 0755 "$HERE/nspawn-selftest.sh" "$ROOT/usr/local/lib/nianbao-selftest/selftest.sh"
rm -rf "$ROOT/usr/local/lib/nianbao-selftest/reports"
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

# 3. Boot; the self-test powers the container off when done. A debug binary
#    linked against the toolchain's Swift runtime gets that folder read-only.
set --
RUNTIME=$(ldd "$BINARY" 2>/dev/null | sed -n 's#.*=> \(.*\)/libswiftCore\.so .*#\1#p')
if [ -n "$RUNTIME" ]; then
    RUNTIME_TOP=$(echo "$RUNTIME" | cut -d/ -f1-3)
    set -- --bind-ro="$RUNTIME_TOP"
fi
rm -f "$OUTDIR/result"
timeout 300 systemd-nspawn --quiet --register=no --keep-unit --volatile=overlay --private-network \
    --bind="$OUTDIR:/selftest-out" "$@" -D "$ROOT" -b >"$OUTDIR/console.log" 2>&1 || true

echo "boot-nspawn: results in $OUTDIR"
[ -f "$OUTDIR/result" ] || { echo "boot-nspawn: self-test did not run; see $OUTDIR/console.log" >&2; exit 1; }
cat "$OUTDIR/result"
grep -q '^ok$' "$OUTDIR/result"
