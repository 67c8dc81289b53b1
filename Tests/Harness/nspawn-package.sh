# Sourced by nspawn-selftest.sh (its check(), $OUT, $SELFTEST, $VERDICTS) inside the
# booted container, after the service checks: the package's life. A newer build
# installed over it keeps the verdict journal, the status directory, the journal
# entries and an edited conffile, and restarts the service; `apt remove` stops it
# and keeps state and configuration; `apt purge` removes them and every file of the
# nianbao user.
wait_active() {
    s=inactive
    for _ in $(seq 60); do
        s=$(systemctl is-active nianbao)
        [ "$s" = active ] || [ "$s" = failed ] && break
        sleep 1
    done
    [ "$s" = active ]
}
newer=$(cat "$SELFTEST/debs/newer")
systemctl start nianbao
wait_active; check "nianbao started again before the upgrade" $?
# An operator's change to the conffile.
sed -i 's/"settleMilliseconds": 200/"settleMilliseconds": 150/' /etc/nianbao/nianbao.json
journal_lines=$(wc -l </var/log/nianbao/verdicts.jsonl)
status_files=$(find /var/lib/nianbao/status -name '*.json' | wc -l)
# shellcheck disable=SC2086
entries=$(journalctl -q -u nianbao -o cat $VERDICTS | wc -l)
invocation=$(systemctl show -P InvocationID nianbao)

(cd "$SELFTEST/debs" && DEBIAN_FRONTEND=noninteractive apt install -y "./$newer") >"$OUT/apt-upgrade.log" 2>&1
check "apt install ./$newer (upgrade)" $?
version=$(dpkg-query -W -f='${Version}' nianbao)
[ "$version" = "$(dpkg-deb -f "$SELFTEST/debs/$newer" Version)" ]; check "upgraded to $version" $?
grep -q '"settleMilliseconds": 150' /etc/nianbao/nianbao.json && [ ! -e /etc/nianbao/nianbao.json.dpkg-dist ]
check "edited conffile kept over the upgrade" $?
wait_active && [ "$(systemctl show -P InvocationID nianbao)" != "$invocation" ]
check "service restarted by the upgrade and active" $?
[ "$(wc -l </var/log/nianbao/verdicts.jsonl)" -ge "$journal_lines" ] && [ "$journal_lines" -gt 0 ]
check "verdict journal kept ($journal_lines lines before, $(wc -l </var/log/nianbao/verdicts.jsonl) after)" $?
[ "$(find /var/lib/nianbao/status -name '*.json' | wc -l)" -ge "$status_files" ] && [ "$status_files" -gt 0 ]
check "status directory kept ($status_files files)" $?
# shellcheck disable=SC2086
[ "$(journalctl -q -u nianbao -o cat $VERDICTS | wc -l)" -ge "$entries" ]; check "journal entries kept ($entries verdicts)" $?

(DEBIAN_FRONTEND=noninteractive apt remove -y nianbao) >"$OUT/apt-remove.log" 2>&1; check "apt remove nianbao" $?
state=$(systemctl is-active nianbao)
[ "$state" = inactive ] && [ ! -e /usr/bin/nianbao ]; check "service stopped and binary removed by apt remove (state=$state)" $?
[ -s /var/log/nianbao/verdicts.jsonl ] && [ -d /var/lib/nianbao/status ] && grep -q '"settleMilliseconds": 150' /etc/nianbao/nianbao.json \
    && id nianbao >/dev/null
check "apt remove keeps the journal, the status directory, the configuration and the user" $?

(DEBIAN_FRONTEND=noninteractive apt purge -y nianbao) >"$OUT/apt-purge.log" 2>&1; check "apt purge nianbao" $?
[ ! -e /var/lib/nianbao ] && [ ! -e /var/log/nianbao ] && [ ! -e /etc/nianbao ] && [ ! -e /srv/nianbao/receipts ]
check "apt purge removes state, logs, receipts and configuration" $?
left=$(find / -xdev -user nianbao 2>/dev/null | head -n 5 | tr '\n' ' ')
[ -z "$left" ]; check "no file of the nianbao user left ($left)" $?
[ -z "$(dpkg-query -W -f='${db:Status-Status}' nianbao 2>/dev/null | grep -v not-installed)" ]
check "nianbao not installed after purge ($(dpkg-query -W -f='${db:Status-Status}' nianbao 2>/dev/null))" $?
