#!/bin/sh
# with-journald.sh OUTDIR CMD [ARG...]
#
# Runs CMD against a private systemd-journald and leaves that journal's files
# in OUTDIR (read them with `journalctl --directory=OUTDIR/<machine-id>` or
# `journalctl --file='OUTDIR/*/*.journal'`).
#
# Inside a new mount namespace (unshare -m, private propagation) /run is
# replaced by a tmpfs, OUTDIR is bind-mounted at /run/log/journal, and
# /lib/systemd/systemd-journald is started in the background. Once
# /run/systemd/journal/socket exists CMD runs with its output on our stdout and
# stderr; then journald is stopped with SIGTERM (it syncs its files) and the
# script exits with CMD's status. Nothing outside OUTDIR changes on the host.
# Needs root (CAP_SYS_ADMIN) and unshare(1). Exit status 77 means "cannot run
# here" (not root / no unshare / no journald), for tests to skip on.
set -eu

if [ "$#" -lt 2 ]; then
    echo "usage: $0 OUTDIR CMD [ARG...]" >&2
    exit 2
fi
JOURNALD=${JOURNALD:-/lib/systemd/systemd-journald}
[ "$(id -u)" -eq 0 ] || { echo "with-journald: needs root" >&2; exit 77; }
command -v unshare >/dev/null 2>&1 || { echo "with-journald: unshare(1) missing" >&2; exit 77; }
[ -x "$JOURNALD" ] || { echo "with-journald: $JOURNALD missing" >&2; exit 77; }

OUTDIR=$(cd "$1" && pwd)
shift

if [ "${WITH_JOURNALD_INNER:-}" != 1 ]; then
    WITH_JOURNALD_INNER=1 exec unshare --mount --propagation private "$0" "$OUTDIR" "$@" \
        || { echo "with-journald: unshare failed" >&2; exit 77; }
fi

# --- inside the private mount namespace ---
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mkdir -p /run/systemd/journal /run/log/journal
mount --bind "$OUTDIR" /run/log/journal

"$JOURNALD" </dev/null >"$OUTDIR/journald.log" 2>&1 &
JPID=$!

i=0
while [ ! -S /run/systemd/journal/socket ]; do
    i=$((i + 1))
    if [ "$i" -gt 100 ] || ! kill -0 "$JPID" 2>/dev/null; then
        echo "with-journald: journald did not start:" >&2
        cat "$OUTDIR/journald.log" >&2
        kill "$JPID" 2>/dev/null || true
        exit 77
    fi
    sleep 0.05
done

unset JOURNAL_STREAM NOTIFY_SOCKET WITH_JOURNALD_INNER
set +e
"$@"
STATUS=$?
set -e

# Let journald drain its socket, then stop it so it syncs and closes its files.
journalctl --directory=/run/log/journal --sync >/dev/null 2>&1 || sleep 0.2
kill -TERM "$JPID" 2>/dev/null || true
wait "$JPID" 2>/dev/null || true
exit "$STATUS"
