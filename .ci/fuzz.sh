#!/usr/bin/env bash
# CI: build every libFuzzer target in tests/fuzz/ and run each from its seed corpus.
#   bash .ci/fuzz.sh                 (FUZZ_SECONDS per target, default 60)
#   FUZZ_SECONDS=600 bash .ci/fuzz.sh fuzz_parse fuzz_json    (only these targets)
# Fails on the first finding (crash, sanitizer report, property trap, timeout, OOM); the
# input that found it is kept in $FUZZ_OUT (default: a temp dir) and printed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
cxx=${FUZZ_CXX:-clang++}
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Iinclude)

# The fuzzer runtime (Debian: libclang-rt-14-dev) and clang itself.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe/t.cpp"
if ! command -v "$cxx" >/dev/null || ! "$cxx" "${flags[@]}" "$probe/t.cpp" -o "$probe/t" 2>/dev/null; then
    echo "fuzz: installing clang and the libFuzzer runtime"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi

out=${FUZZ_OUT:-$(mktemp -d)}
mkdir -p "$out"
if [ $# -gt 0 ]; then targets=("$@"); else
    targets=()
    for src in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi

status=0
for t in "${targets[@]}"; do
    name=${t#fuzz_}
    echo "== $t: build"
    "$cxx" "${flags[@]}" "tests/fuzz/$t.cpp" -o "$out/$t"
    work="$out/$name"
    rm -rf "$work" && mkdir -p "$work/corpus" "$work/findings"
    cp tests/fuzz/corpus/"$name"/* "$work/corpus/" 2>/dev/null || true
    echo "== $t: run ${seconds}s"
    if ! "$out/$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$work/findings/" "$work/corpus" >"$work/log" 2>&1; then
        status=1
        echo "!! $t: finding"
        tail -n 40 "$work/log"
        ls -l "$work/findings"
        continue
    fi
    grep -E '^(stat::number_of_executed_units|Done)' "$work/log" || true
done
if [ "$status" -ne 0 ]; then echo "fuzz: findings (inputs under $out)"; exit 1; fi
echo "fuzz: every target ran ${seconds}s with no finding"
