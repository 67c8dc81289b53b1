# Sourced by nspawn-selftest.sh (its check() and $OUT) inside the booted container.
# Many hosts, one picture (docs/many-hosts.md): this host ships its journal with
# systemd-journal-upload to a systemd-journal-remote collector, here on the
# container's own loopback over HTTP (between hosts: HTTPS with keys), and the
# collector lists the failing verdicts with every NIANBAO_* field.
REMOTE=/var/log/journal/remote
mkdir -p /etc/systemd/system/systemd-journal-remote.service.d /etc/systemd/journal-upload.conf.d
cat >/etc/systemd/system/systemd-journal-remote.service.d/http.conf <<'DROPIN'
[Service]
ExecStart=
ExecStart=/lib/systemd/systemd-journal-remote --listen-http=-3 --output=/var/log/journal/remote/
DROPIN
printf '[Upload]\nURL=http://127.0.0.1:19532\n' >/etc/systemd/journal-upload.conf.d/nianbao.conf
systemctl daemon-reload
systemctl start systemd-journal-remote.socket systemd-journal-upload.service
check "systemd-journal-remote.socket and systemd-journal-upload.service started" $?

local_fail=$(journalctl -q -u nianbao NIANBAO_VERDICT=fail -o cat --output-fields=NIANBAO_PATH | sort -u)
remote_fail=""
for _ in $(seq 60); do
    remote_fail=$(journalctl -q --directory=$REMOTE NIANBAO_VERDICT=fail -o cat --output-fields=NIANBAO_PATH 2>/dev/null | sort -u)
    [ -n "$remote_fail" ] && [ "$remote_fail" = "$local_fail" ] && break
    sleep 1
done
[ -n "$local_fail" ] && [ "$remote_fail" = "$local_fail" ]
check "journalctl --directory=$REMOTE NIANBAO_VERDICT=fail lists the failing verdicts ($(echo "$remote_fail" | wc -l) of $(echo "$local_fail" | wc -l))" $?
# Every NIANBAO_* field of each failing verdict arrived, with its value.
missing_fields=0
for path in $local_fail; do
    here=$(journalctl -q -u nianbao -n 1 -o export NIANBAO_VERDICT=fail "NIANBAO_PATH=$path" | grep -a '^NIANBAO_' | sort)
    there=$(journalctl -q --directory=$REMOTE -n 1 -o export NIANBAO_VERDICT=fail "NIANBAO_PATH=$path" | grep -a '^NIANBAO_' | sort)
    { [ -n "$here" ] && [ "$here" = "$there" ]; } || missing_fields=$((missing_fields + 1))
done
[ "$missing_fields" = 0 ]; check "every NIANBAO_* field arrived at the collector (verdicts differing: $missing_fields)" $?
journalctl -q --directory=$REMOTE NIANBAO_VERDICT=fail -o json >"$OUT/remote-fail.json" 2>&1
systemctl stop systemd-journal-upload.service systemd-journal-remote.socket systemd-journal-remote.service
