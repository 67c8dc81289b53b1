#!/usr/bin/env bash
# Quick start: install what is needed, build, and watch ./drop (verdicts on the
# terminal, state in ./state). Drop a report into ./drop to see its verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
swift build --product nianbao
mkdir -p drop
exec .build/debug/nianbao watch "$@"
