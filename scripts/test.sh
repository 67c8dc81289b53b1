#!/usr/bin/env bash
# Installs what the tests need and runs them all (unit, inotify, journald, sd_notify,
# systemd-analyze). The README's test command and CI's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
swift build --build-tests
swift test --skip-build --parallel --num-workers 2 2>&1 | tee /tmp/nianbao-test.log
