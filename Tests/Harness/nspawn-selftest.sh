#!/bin/sh
# Runs inside the container booted by boot-nspawn.sh (as nianbao-selftest.service).
# Writes /selftest-out/result: one line per check, last line "ok" or "FAILED".
OUT=/selftest-out
exec 2>"$OUT/selftest.log"
set -x
VERDICTS="MESSAGE_ID=d4de48c1ed974e448a87bd13cf04b099 + MESSAGE_ID=725f16ae4bbf457d973c22b85588790d + MESSAGE_ID=1ba86532d7f44372892d6c30b26e2940"
failed=0
check() { # NAME CONDITION-RESULT
    if [ "$2" = 0 ]; then echo "pass $1" >>"$OUT/result.tmp"; else echo "FAIL $1" >>"$OUT/result.tmp"; failed=1; fi
}
: >"$OUT/result.tmp"
SELFTEST=/usr/local/lib/nianbao-selftest

# Installed as operators install it: the package enables and starts the units.
first=$(cat "$SELFTEST/debs/first")
(cd "$SELFTEST/debs" && DEBIAN_FRONTEND=noninteractive apt install -y "./$first") >"$OUT/apt-install.log" 2>&1
check "apt install ./$first" $?
[ "$(systemctl is-enabled nianbao)" = enabled ]; check "nianbao.service enabled by the package ($(systemctl is-enabled nianbao))" $?
journalctl --list-catalog 2>/dev/null | grep -q d4de48c1ed974e448a87bd13cf04b099
check "journal catalog updated (dpkg trigger: journalctl --update-catalog)" $?
man -w nianbao-status >/dev/null 2>&1 || [ -f /usr/share/man/man1/nianbao-status.1.gz ]
check "man pages installed" $?

state=inactive
for _ in $(seq 60); do
    state=$(systemctl is-active nianbao)
    [ "$state" = active ] || [ "$state" = failed ] && break
    sleep 1
done
[ "$state" = active ]; check "nianbao active (state=$state)" $?

n=0
for report in /usr/local/lib/nianbao-selftest/reports/*; do
    [ -f "$report" ] || continue
    n=$((n + 1))
    install -m 0640 -g nianbao-drop "$report" /srv/nianbao/drop/
done
if [ "$n" -gt 0 ]; then
    got=0
    # Waits on the journal; a scan read by OCR takes a while (ends as soon as all are in).
    for _ in $(seq 200); do
        # shellcheck disable=SC2086
        got=$(journalctl -q -u nianbao -o cat $VERDICTS | wc -l)
        [ "$got" -ge "$n" ] && break
        sleep 1
    done
    [ "$got" -ge "$n" ]; check "verdicts for $n dropped reports (got $got)" $?
fi
while read -r name expected code; do
    [ -n "$name" ] || continue
    verdict=$(journalctl -q -u nianbao -o cat --output-fields=NIANBAO_VERDICT "NIANBAO_PATH=/srv/nianbao/drop/$name" | tail -n 1)
    codes=$(journalctl -q -u nianbao -o cat --output-fields=NIANBAO_CODES "NIANBAO_PATH=/srv/nianbao/drop/$name" | tail -n 1)
    if [ "$expected" = "read" ]; then
        # Read at all: any verdict, but no input.* finding (timeout, unreadable, crash).
        [ -n "$verdict" ] && ! printf '%s' "$codes" | grep -q 'input\.'
    else
        [ "$verdict" = "$expected" ] && { [ -z "$code" ] || [ "$codes" = "$code" ]; }
    fi
    check "$name: $expected $code (got $verdict: $codes)" $?
done </usr/local/lib/nianbao-selftest/expected

# Receipts: one per dropped report under /srv/nianbao/receipts/drop, owned by the
# daemon, group nianbao-drop (the uploaders), folder setgid 2750.
missing=0
for _ in $(seq 20); do
    missing=0
    for report in /usr/local/lib/nianbao-selftest/reports/*; do
        [ -f "/srv/nianbao/receipts/drop/$(basename "$report").结果.txt" ] && [ -f "/srv/nianbao/receipts/drop/$(basename "$report").结果.json" ] \
            || missing=$((missing + 1))
    done
    [ "$missing" = 0 ] && break
    sleep 0.5
done
[ "$missing" = 0 ]; check "receipts written for every report (missing $missing)" $?
owner=$(stat -c '%U:%G %a' /srv/nianbao/receipts/drop)
[ "$owner" = "nianbao:nianbao-drop 2750" ]; check "receipts folder nianbao:nianbao-drop 2750 (got $owner)" $?
# The daemon's own mount namespace (entered from outside it): the receipts directory
# is writable, the drop folder is not, even for root (a read-only mount: EROFS).
pid=$(systemctl show -P MainPID nianbao)
nsenter -t "$pid" -m sh -c 'touch /srv/nianbao/receipts/.probe && rm /srv/nianbao/receipts/.probe'
check "receipts directory writable in the daemon's namespace" $?
probe=$(nsenter -t "$pid" -m sh -c 'touch /srv/nianbao/drop/.probe 2>&1; echo "exit $?"')
rm -f /srv/nianbao/drop/.probe
case "$probe" in *"Read-only file system"*"exit 1") true ;; *) false ;; esac
check "drop folder read-only in the daemon's namespace ($(echo "$probe" | tr '\n' ' '))" $?
[ -s /var/lib/nianbao/status/index.html ] && [ -s /var/lib/nianbao/status/nianbao.prom ]
check "dashboard and metrics file written" $?

[ "$(systemctl show -P NRestarts nianbao)" = 0 ]; check "no restarts (NRestarts=$(systemctl show -P NRestarts nianbao))" $?
[ "$(systemctl is-active nianbao)" = active ]; check "active after the dropped reports" $?

# The reminder under its real hardened unit (nianbao-remind.service, User=nianbao,
# status directory read-only), as of 2024-02-18: report year 2023 is in progress.
# Its roster: 洪泽 (huaian_hongze_2023.txt, dropped above, counts as submitted) and
# a department that never reports (due 2024-01-31: 18 days overdue, priority 3).
REMIND_ID=3722b34e0f314b4298559f0b52ef73dd
[ "$(systemctl is-enabled nianbao-remind.timer)" = enabled ]; check "nianbao-remind.timer enabled ($(systemctl is-enabled nianbao-remind.timer))" $?
[ "$(systemctl is-active nianbao-remind.timer)" = active ]; check "nianbao-remind.timer active ($(systemctl is-active nianbao-remind.timer))" $?
printf 'name,level,folder,aliases\n淮安市洪泽区人民政府,县区政府,,洪泽区政府\n淮安市教育局,部门,,\n' >/usr/local/lib/nianbao-selftest/roster.csv
mkdir -p /run/systemd/system/nianbao-remind.service.d
cat >/run/systemd/system/nianbao-remind.service.d/selftest.conf <<'DROPIN'
[Service]
ExecStart=
ExecStart=/usr/bin/nianbao remind --config /etc/nianbao/nianbao.json --roster /usr/local/lib/nianbao-selftest/roster.csv --today 2024-02-18
DROPIN
systemctl daemon-reload
systemctl start nianbao-remind.service; check "nianbao-remind.service started" $?
result=$(systemctl show -P Result nianbao-remind)
[ "$result" = success ]; check "nianbao-remind.service succeeded (Result=$result)" $?
field() { journalctl -q -u nianbao-remind -o cat --output-fields="$1" "MESSAGE_ID=$REMIND_ID" | tail -n 1; }
got=""
for _ in $(seq 20); do
    got=$(field NIANBAO_YEAR)
    [ -n "$got" ] && break
    sleep 0.5
done
[ "$got" = 2023 ]; check "nianbao-remind entry in journalctl -u nianbao-remind (NIANBAO_YEAR=$got)" $?
[ "$(field PRIORITY)" = 3 ]; check "nianbao-remind PRIORITY=3 (got $(field PRIORITY))" $?
fields="$(field NIANBAO_EXPECTED) $(field NIANBAO_SUBMITTED) $(field NIANBAO_MISSING) $(field NIANBAO_MISSING_AGENCIES) $(field NIANBAO_DEADLINE) $(field NIANBAO_DAYS_LEFT)"
[ "$fields" = "2 1 1 淮安市教育局 2024-01-31 -18" ]; check "nianbao-remind fields (got $fields)" $?
journalctl -u nianbao-remind -o json --no-pager >"$OUT/remind.json"
systemd-analyze security nianbao-remind --no-pager >"$OUT/remind-security.txt" 2>&1

# A share mounted below the drop folder (bindfs, a real FUSE mount; when the host
# passed /dev/fuse in): the reload plans it "mixed" (polled below, inotify elsewhere)
# and a report written into the backing folder, which inotify never sees, is judged.
if [ -e /usr/local/lib/nianbao-selftest/fuse ] && [ -e /dev/fuse ] && command -v bindfs >/dev/null; then
    mkdir -p /srv/nianbao/nas-backing /srv/nianbao/drop/nas
    bindfs /srv/nianbao/nas-backing /srv/nianbao/drop/nas; check "bindfs mounted below the drop folder" $?
    systemctl reload nianbao; check "reload with the share mounted" $?
    mode=""
    for _ in $(seq 30); do
        mode=$(journalctl -q -u nianbao -o cat --output-fields=NIANBAO_WATCH_MODE MESSAGE_ID=0c19dc95dc7f4d40800539f10d9ad0c5 | tail -n 1)
        [ "$mode" = mixed ] && break
        sleep 0.5
    done
    [ "$mode" = mixed ]; check "drop folder watched mixed, the share polled (got $mode)" $?
    install -m 0640 -g nianbao-drop /usr/local/lib/nianbao-selftest/reports/huaian_hongze_2023.txt /srv/nianbao/nas-backing/share.txt
    verdict=""
    for _ in $(seq 60); do
        verdict=$(journalctl -q -u nianbao -o cat --output-fields=NIANBAO_VERDICT NIANBAO_PATH=/srv/nianbao/drop/nas/share.txt | tail -n 1)
        [ -n "$verdict" ] && break
        sleep 1
    done
    [ -n "$verdict" ]; check "report written behind the FUSE mount judged by polling (got $verdict)" $?
    umount -l /srv/nianbao/drop/nas
fi

systemctl reload nianbao; check "reload accepted" $?
sleep 2
[ "$(systemctl is-active nianbao)" = active ]; check "active after reload" $?
systemctl stop nianbao
result=$(systemctl show -P Result nianbao)
[ "$result" = success ]; check "clean stop (Result=$result)" $?

systemctl status nianbao --no-pager >"$OUT/status.txt" 2>&1
journalctl -u nianbao -o json --no-pager >"$OUT/journal.json"
journalctl -b --no-pager >"$OUT/boot.log"
systemd-analyze security nianbao --no-pager >"$OUT/security.txt" 2>&1
ls -laR /var/lib/nianbao /var/log/nianbao /srv/nianbao/drop /srv/nianbao/receipts >"$OUT/files.txt" 2>&1
cp -r /var/lib/nianbao/status "$OUT/status" 2>/dev/null

# Upgrade, remove, purge (the journal checks need the verdicts: shipped first).
. "$SELFTEST/journal-remote.sh"
. "$SELFTEST/package.sh"

if [ "$failed" = 0 ]; then echo ok >>"$OUT/result.tmp"; else echo FAILED >>"$OUT/result.tmp"; fi
mv "$OUT/result.tmp" "$OUT/result"
