#!/usr/bin/env bash
# Installs what the tests need and runs them all (unit, inotify, journald, sd_notify,
# systemd-analyze). The README's test command and CI's.
set -euo pipefail
phase() { echo "== $(date -u +%T) $*"; }
cd "$(dirname "$0")/.."
scripts/deps.sh --test
phase build
swift build --build-tests
phase package
# The Debian package (release build, static Swift runtime) checked by lintian; the boot
# test installs it in a Debian 12 container.
rm -f .build/deb/nianbao_*.deb
scripts/package.sh --out .build/deb
# NIANBAO_NSPAWN=1 lets the boot test debootstrap a Debian 12 root (cached in
# /var/cache/nianbao-test-root) and boot the hardened unit in systemd-nspawn.
export NIANBAO_NSPAWN=${NIANBAO_NSPAWN:-1}
phase test
swift test --skip-build
phase fuzz
# A short fuzz run of every libFuzzer target (scripts/fuzz.sh; longer runs by hand).
scripts/fuzz.sh "${NIANBAO_FUZZ_SECONDS:-12}"
