#!/bin/sh
# scripts/install.sh — build and install nianbao as a systemd service.
#
#   scripts/install.sh [--no-build] [--binary PATH] [--enable]
#
#   --no-build     install the binary already built at <scratch>/release/nianbao
#   --binary PATH  install PATH instead of building
#   --enable       also `systemctl enable --now nianbao nianbao-remind.timer` (when systemd runs)
#
# Environment:
#   DESTDIR        install into this root directory (an image or container
#                  tree) instead of /; accounts, folders and the catalog are then
#                  created inside it, and sysctl/systemctl are skipped.
#   SCRATCH_PATH   SwiftPM scratch path for the release build (default .build)
#   SWIFT          the swift driver (default: swift on PATH, else /opt/swift/usr/bin/swift)
#
# Installs (all under /usr/local, which systemd searches; override in /etc):
#   /usr/local/bin/nianbao
#   /usr/local/lib/systemd/system/nianbao.service
#   /usr/local/lib/systemd/system/nianbao-remind.service
#   /usr/local/lib/systemd/system/nianbao-remind.timer
#   /usr/local/lib/systemd/catalog/nianbao.catalog
#   /usr/local/lib/sysusers.d/nianbao.conf
#   /usr/local/lib/tmpfiles.d/nianbao.conf
#   /usr/local/lib/sysctl.d/60-nianbao.conf
#   /usr/local/share/doc/nianbao/README.md  (the unit's Documentation=)
#   /etc/nianbao/nianbao.json  (only if absent: never overwrites local config)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DESTDIR=${DESTDIR:-}
SCRATCH_PATH=${SCRATCH_PATH:-$ROOT/.build}
BUILD=1
BINARY=
ENABLE=0

while [ "$#" -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --binary) BINARY=$2; BUILD=0; shift ;;
        --enable) ENABLE=1 ;;
        -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

say() { printf '==> %s\n' "$*"; }
warn() { printf 'install.sh: warning: %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ] && [ -z "$DESTDIR" ]; then
    echo "install.sh: run as root (or set DESTDIR)" >&2
    exit 1
fi

# 1. Build.
if [ "$BUILD" -eq 1 ]; then
    SWIFT=${SWIFT:-$(command -v swift || echo /opt/swift/usr/bin/swift)}
    say "building release binary (static Swift stdlib)"
    (cd "$ROOT" && "$SWIFT" build -c release --static-swift-stdlib \
        --scratch-path "$SCRATCH_PATH" --product nianbao)
fi
[ -n "$BINARY" ] || BINARY=$SCRATCH_PATH/release/nianbao
[ -x "$BINARY" ] || { echo "install.sh: no binary at $BINARY" >&2; exit 1; }

# 2. Files.
say "installing into ${DESTDIR:-/}"
install -D -m 0755 "$BINARY" "$DESTDIR/usr/local/bin/nianbao"
install -D -m 0644 "$ROOT/systemd/nianbao.service" "$DESTDIR/usr/local/lib/systemd/system/nianbao.service"
install -D -m 0644 "$ROOT/systemd/nianbao-remind.service" "$DESTDIR/usr/local/lib/systemd/system/nianbao-remind.service"
install -D -m 0644 "$ROOT/systemd/nianbao-remind.timer" "$DESTDIR/usr/local/lib/systemd/system/nianbao-remind.timer"
install -D -m 0644 "$ROOT/systemd/nianbao.catalog" "$DESTDIR/usr/local/lib/systemd/catalog/nianbao.catalog"
install -D -m 0644 "$ROOT/systemd/nianbao.sysusers" "$DESTDIR/usr/local/lib/sysusers.d/nianbao.conf"
install -D -m 0644 "$ROOT/systemd/nianbao.tmpfiles" "$DESTDIR/usr/local/lib/tmpfiles.d/nianbao.conf"
install -D -m 0644 "$ROOT/systemd/nianbao.sysctl" "$DESTDIR/usr/local/lib/sysctl.d/60-nianbao.conf"
install -D -m 0644 "$ROOT/README.md" "$DESTDIR/usr/local/share/doc/nianbao/README.md"
install -d -m 0755 "$DESTDIR/etc/nianbao"
if [ -e "$DESTDIR/etc/nianbao/nianbao.json" ]; then
    say "keeping existing /etc/nianbao/nianbao.json"
elif [ -f "$ROOT/etc/nianbao.json" ]; then
    install -m 0644 "$ROOT/etc/nianbao.json" "$DESTDIR/etc/nianbao/nianbao.json"
else
    warn "no etc/nianbao.json in the source tree; write /etc/nianbao/nianbao.json yourself"
fi

[ -x "$DESTDIR/bin/kill" ] || warn "/bin/kill missing (install procps): systemctl reload nianbao needs it"

# 3. Apply: accounts, folders, catalog, kernel limits, service manager.
if [ -n "$DESTDIR" ]; then
    systemd-sysusers --root="$DESTDIR" "$DESTDIR/usr/local/lib/sysusers.d/nianbao.conf"
    systemd-tmpfiles --root="$DESTDIR" --create "$DESTDIR/usr/local/lib/tmpfiles.d/nianbao.conf"
    journalctl --root="$DESTDIR" --update-catalog
    if [ "$ENABLE" -eq 1 ]; then
        systemctl --root="$DESTDIR" enable nianbao.service nianbao-remind.timer
    fi
    say "done (sysctl and systemctl skipped for DESTDIR)"
    exit 0
fi

say "creating user nianbao and group nianbao-drop"
systemd-sysusers /usr/local/lib/sysusers.d/nianbao.conf
say "creating /srv/nianbao/drop and /srv/nianbao/receipts"
systemd-tmpfiles --create /usr/local/lib/tmpfiles.d/nianbao.conf
say "applying sysctl settings"
sysctl --system >/dev/null || warn "sysctl --system failed (read-only /proc/sys in a container?)"
say "updating the journal catalog"
journalctl --update-catalog

if [ -d /run/systemd/system ]; then
    say "reloading systemd"
    systemctl daemon-reload
    if [ "$ENABLE" -eq 1 ]; then
        systemctl enable --now nianbao.service nianbao-remind.timer
    else
        say "start with: systemctl enable --now nianbao nianbao-remind.timer"
    fi
else
    warn "systemd is not running as PID 1; skipped systemctl (enable later with systemctl enable nianbao nianbao-remind.timer)"
fi
say "done"
