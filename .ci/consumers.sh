#!/usr/bin/env bash
# Consumers of the package: find_package after `cmake --install`, and add_subdirectory,
# each built with -Wall -Wextra -Wpedantic -Werror under g++ and clang++, C++17 and C++20.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$root" -B "$work/lib" -DWIRESTORY_BUILD_TESTS=OFF -DWIRESTORY_BUILD_EXAMPLES=OFF >/dev/null
cmake --install "$work/lib" --prefix "$work/prefix" >/dev/null

mkdir -p "$work/app"
cat > "$work/app/main.cpp" <<'CPP'
#include <wirestory/wirestory.hpp>
#include <iostream>
int main() {
    std::string_view story = "By Ines Moreau\n\nVALDORA (Reuters) - Ferries resumed on Monday.";
    auto a = wirestory::parse(story);
    std::cout << wirestory::to_json(a, {false}) << '\n';
    return a.dateline && a.byline.authors.size() == 1 ? 0 : 1;
}
CPP
for mode in find_package add_subdirectory; do
    if [ "$mode" = find_package ]; then
        use='find_package(wirestory 0.1 REQUIRED CONFIG)'
    else
        use="add_subdirectory(\"$root\" wirestory)"
    fi
    cat > "$work/app/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.23)
project(wirestory_consumer LANGUAGES CXX)
$use
add_executable(app main.cpp)
target_link_libraries(app PRIVATE wirestory::wirestory)
target_compile_options(app PRIVATE -Wall -Wextra -Wpedantic -Werror)
CMAKE
    for cxx in g++ clang++; do
        for std in 17 20; do
            b="$work/build-$mode-$cxx-$std"
            cmake -S "$work/app" -B "$b" -DCMAKE_CXX_COMPILER=$cxx -DCMAKE_CXX_STANDARD=$std \
                  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
            cmake --build "$b" >/dev/null
            "$b/app" >/dev/null
            echo "consumer ok: $mode $cxx c++$std"
        done
    done
done
