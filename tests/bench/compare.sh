#!/usr/bin/env bash
# Issue 4's CLI figures. Builds nothing: give it the built CLI, the memchr baseline and a
# stream file (stories ended by ETX or form feed, e.g. the stream.txt of ../shared/tools/r21578).
#
#   tests/bench/compare.sh BUILD/examples/wirestory BUILD/tests/bench/wirestory_memchr_baseline stream.txt
#
# Makes a 10x concatenation in a temp dir, then measures (best of 5, in turns, where timed):
#   1. `wirestory --stream --summary` vs the memchr line count over the 10x file (target <= 4x)
#   2. `wirestory --stream` JSON throughput with -j 1 and -j 2 (targets >= 200 MB/s, >= 1.7x),
#      and that the two outputs are byte-identical (cmp)
#   3. peak RSS of `wirestory --stream` over the 10x and the 1x file (targets <= 64 MB,
#      within 10% of each other)
set -euo pipefail

if [ $# -ne 3 ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
cli=$1 baseline=$2 file=$3
for f in "$cli" "$baseline"; do [ -x "$f" ] || { echo "compare.sh: $f is not executable" >&2; exit 2; }; done
[ -r "$file" ] || { echo "compare.sh: cannot read $file" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
    echo "compare.sh: /usr/bin/time is missing; installing the Debian package 'time'" >&2
    apt-get install -y time >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
big=$tmp/x10.txt
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$file"; done > "$big"
bytes1=$(stat -c %s "$file")
bytes10=$(stat -c %s "$big")
mb10=$(awk -v b="$bytes10" 'BEGIN { printf "%.1f", b / 1e6 }')

now() { date +%s.%N; }
# time_once OUT CMD...: run CMD once (stdout to OUT), print its wall time in seconds.
time_once() {
    local out=$1 t0 t1
    shift
    t0=$(now)
    "$@" > "$out"
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'
}
# min A B: the smaller of two times (A may be empty).
min() { if [ -z "$1" ] || awk -v t="$2" -v b="$1" 'BEGIN { exit !(t < b) }'; then echo "$2"; else echo "$1"; fi; }
# The two commands of each comparison run in turns, best of `rounds` each: the machine's speed
# drifts by tens of percent over seconds, and runs in two separate blocks compared one drift
# with another.
rounds=5
verdict() { if awk "BEGIN { exit !($1) }"; then echo MET; else echo "NOT MET"; fi; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

echo "input: $file ($bytes1 bytes); 10x copy: $bytes10 bytes ($mb10 MB)"
echo "machine: $(nproc) cores"
echo

echo "== 1. --stream --summary vs memchr line count, 10x file, best of $rounds, in turns =="
# Warm the page cache so both read from memory.
cat "$big" > /dev/null
t_base="" t_sum=""
for _ in $(seq "$rounds"); do
    t_base=$(min "$t_base" "$(time_once /dev/null "$baseline" "$big")")
    t_sum=$(min "$t_sum" "$(time_once "$tmp/summary.txt" "$cli" --stream --summary --quiet "$big")")
done
ratio=$(awk -v a="$t_sum" -v b="$t_base" 'BEGIN { printf "%.2f", a / b }')
printf "%-34s %9s s %9s MB/s\n" "memchr baseline" "$t_base" "$(mbps "$bytes10" "$t_base")"
printf "%-34s %9s s %9s MB/s\n" "wirestory --stream --summary" "$t_sum" "$(mbps "$bytes10" "$t_sum")"
echo "ratio: $ratio (target <= 4): $(verdict "$ratio <= 4")"
echo "--- the CLI's summary:"
cat "$tmp/summary.txt"
echo

echo "== 2. --stream JSON output, 10x file, best of $rounds, in turns =="
t_j1="" t_j2=""
for _ in $(seq "$rounds"); do
    t_j1=$(min "$t_j1" "$(time_once /dev/null "$cli" --stream --quiet -j 1 "$big")")
    t_j2=$(min "$t_j2" "$(time_once /dev/null "$cli" --stream --quiet -j 2 "$big")")
done
speedup=$(awk -v a="$t_j1" -v b="$t_j2" 'BEGIN { printf "%.2f", a / b }')
mb_j1=$(mbps "$bytes10" "$t_j1")
printf "%-34s %9s s %9s MB/s\n" "wirestory --stream -j 1" "$t_j1" "$mb_j1"
printf "%-34s %9s s %9s MB/s\n" "wirestory --stream -j 2" "$t_j2" "$(mbps "$bytes10" "$t_j2")"
echo "-j 1 >= 200 MB/s: $(verdict "$mb_j1 >= 200")"
echo "-j 2 speedup: $speedup (target >= 1.7): $(verdict "$speedup >= 1.7")"
"$cli" --stream --quiet -j 1 "$big" > "$tmp/j1.jsonl"
"$cli" --stream --quiet -j 2 "$big" > "$tmp/j2.jsonl"
if cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl"; then
    echo "-j 1 and -j 2 outputs byte-identical ($(wc -l < "$tmp/j1.jsonl") lines, $(stat -c %s "$tmp/j1.jsonl") bytes): MET"
else
    echo "-j 1 and -j 2 outputs DIFFER: NOT MET"
    cmp "$tmp/j1.jsonl" "$tmp/j2.jsonl" || true
fi
rm -f "$tmp/j1.jsonl" "$tmp/j2.jsonl"
echo

echo "== 3. peak RSS of --stream (JSON to /dev/null) =="
peak_kb() {  # peak_kb FILE [options]: maximum resident set size in kB
    local f=$1
    shift
    /usr/bin/time -v "$cli" --stream --quiet "$@" "$f" 2>&1 >/dev/null |
        awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}
for j in 1 2; do
    rss10=$(peak_kb "$big" -j "$j")
    rss1=$(peak_kb "$file" -j "$j")
    within=$(awk -v a="$rss10" -v b="$rss1" 'BEGIN { printf "%.3f", a / b }')
    printf "%-34s %9s kB\n" "-j $j over the 10x file" "$rss10" "-j $j over the 1x file" "$rss1"
    echo "-j $j: 10x peak <= 64 MB: $(verdict "$rss10 <= 65536"); 10x/1x = $within (target <= 1.10): $(verdict "$within <= 1.10")"
done
