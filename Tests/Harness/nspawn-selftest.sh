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
    for _ in $(seq 60); do
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
    [ "$verdict" = "$expected" ] && { [ -z "$code" ] || [ "$codes" = "$code" ]; }
    check "$name: $expected $code (got $verdict: $codes)" $?
done </usr/local/lib/nianbao-selftest/expected

[ "$(systemctl show -P NRestarts nianbao)" = 0 ]; check "no restarts (NRestarts=$(systemctl show -P NRestarts nianbao))" $?
[ "$(systemctl is-active nianbao)" = active ]; check "active after the dropped reports" $?

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
ls -la /var/lib/nianbao /var/log/nianbao /srv/nianbao/drop >"$OUT/files.txt" 2>&1
cp -r /var/lib/nianbao/status "$OUT/status" 2>/dev/null

if [ "$failed" = 0 ]; then echo ok >>"$OUT/result.tmp"; else echo FAILED >>"$OUT/result.tmp"; fi
mv "$OUT/result.tmp" "$OUT/result"
