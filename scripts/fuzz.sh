#!/usr/bin/env bash
# Builds the libFuzzer targets (Sources/nianbao-fuzz) with -sanitize=fuzzer,address
# and runs each for SECONDS (default 60) on a copy of its seed corpus
# (Tests/Fuzz/corpus/TARGET). A crash leaves its reproducer in .build-fuzz/crashes/
# and fails the script; turn it into a regression test by adding it to the corpus
# (Tests/NianbaoFormatsTests/FuzzCorpusTests replays every corpus file).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]        e.g. scripts/fuzz.sh 600 engine
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(engine docx html pdf grid)
swift build --product nianbao-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
binary=.build-fuzz/debug/nianbao-fuzz
mkdir -p .build-fuzz/crashes
status=0
for target in "${targets[@]}"; do
    work=$(mktemp -d /tmp/nianbao-fuzz-$target.XXXXXX)
    cp Tests/Fuzz/corpus/"$target"/* "$work"/
    echo "fuzz $target: ${seconds}s"
    if ! NIANBAO_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" "$work" \
        -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=.build-fuzz/crashes/"$target"- -print_final_stats=1 2>"$work.log"; then
        status=1
        echo "fuzz $target: FAILED (reproducer in .build-fuzz/crashes/)"; tail -30 "$work.log"
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work.log" | sed "s/^/  $target /"
    rm -rf "$work"
done
exit $status
