#!/usr/bin/env bash
# Install what the tests need (Debian), build everything, run the whole suite.
#   bash tests/run.sh [BUILD_DIR]          (default: build)
# Environment: CXX picks the compiler; WIRESTORY_CMAKE_ARGS adds configure options.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

need=()
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
[ -f /usr/include/doctest/doctest.h ] || need+=(doctest-dev)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null
    fi
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release ${WIRESTORY_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
