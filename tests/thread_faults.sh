#!/usr/bin/env bash
# The CLI when its threads cannot all start (thread_faults.cpp, preloaded): the run goes on
# with the threads it has, the output is that of -j 1, and the shortfall is reported.
#   bash tests/thread_faults.sh path/to/wirestory path/to/thread_faults.so
set -u
cli=$1 faults=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0 pass=0
expect() {  # expect DESCRIPTION ACTUAL WANTED
    if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1: got [$2] want [$3]"; fails=$((fails + 1)); fi
}
seq 1 20000 | awk '{ printf "By Ines Moreau\n\nVALDORA (Reuters) - Story %d.\003", $1 }' > "$work/s.txt"
"$cli" --stream -j 1 "$work/s.txt" > "$work/j1"
for fault in start memory; do
    WIRESTORY_FAULT=$fault LD_PRELOAD=$faults "$cli" --stream -j 4 "$work/s.txt" > "$work/out" 2> "$work/err"
    expect "$fault: exit status" $? 0
    cmp -s "$work/j1" "$work/out"; expect "$fault: output as with -j 1" $? 0
    grep -q 'started [0-9]* of 4 threads' "$work/err"; expect "$fault: reported" $? 0
done
echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
