#!/usr/bin/env bash
# The CLI's contract: modes, exit statuses, errors in place of unreadable input.
#   bash tests/cli_contract.sh path/to/wirestory
set -u
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
pass=0
expect() {  # expect DESCRIPTION ACTUAL WANTED
    if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1: got [$2] want [$3]"; fails=$((fails + 1)); fi
}

printf 'By Ines Moreau\n\nVALDORA (Reuters) - Ferries resumed.\n' > "$work/a.txt"
printf 'OSLO, Feb 2 - Rates held.\n' > "$work/b.txt"

"$cli" --help > "$work/out" 2>&1; expect "--help exits 0" $? 0
grep -q 'usage: wirestory' "$work/out"; expect "--help prints usage" $? 0
"$cli" --version > "$work/out"; expect "--version exits 0" $? 0
grep -q '^wirestory [0-9]' "$work/out"; expect "--version prints the version" $? 0
"$cli" --no-such-option > /dev/null 2>&1; expect "unknown option exits 2" $? 2

"$cli" "$work/a.txt" > "$work/out"; expect "one file exits 0" $? 0
head -c 1 "$work/out" | grep -q '{'; expect "one file prints an object" $? 0
[ "$(wc -l < "$work/out")" -gt 5 ]; expect "one file is pretty-printed" $? 0
"$cli" --compact "$work/a.txt" > "$work/out"; expect "--compact exits 0" $? 0
expect "--compact prints one line" "$(wc -l < "$work/out")" 1

"$cli" < "$work/a.txt" > "$work/out"; expect "stdin exits 0" $? 0
grep -q '"VALDORA"' "$work/out"; expect "stdin is parsed" $? 0
"$cli" - < "$work/a.txt" > "$work/out"; expect "- reads stdin" $? 0

"$cli" "$work/a.txt" "$work/b.txt" > "$work/out"; expect "two files exit 0" $? 0
expect "two files give two lines" "$(wc -l < "$work/out")" 2
grep -c '"source":' "$work/out" > "$work/n"; expect "each line has its source" "$(cat "$work/n")" 2

"$cli" "$work/a.txt" "$work/missing.txt" "$work/b.txt" > "$work/out" 2> "$work/err"
expect "a missing file exits 1" $? 1
expect "a missing file keeps its place" "$(wc -l < "$work/out")" 3
grep -q 'missing.txt' "$work/err"; expect "a missing file is named on stderr" $? 0

{
    printf '{"id": 1, "text": "OSLO, Feb 2 - Rates held."}\n'
    printf 'not json\n'
    printf '{"id": "x\\"y", "text": "By Ines Moreau\\n\\nVALDORA (Reuters) - Ferries resumed."}\n'
    printf '{"text": "no id"}\n'
    printf '{"id": 5}\n'
} > "$work/in.jsonl"
"$cli" --jsonl "$work/in.jsonl" > "$work/out" 2> "$work/err"
expect "malformed JSONL exits 1" $? 1
expect "one output line per input line" "$(wc -l < "$work/out")" 5
expect "ids echoed in order" "$(grep -o '^{"id":[^,]*' "$work/out" | tr '\n' ' ')" \
       '{"id":1 {"id":null {"id":"x\"y" {"id":null {"id":null '
grep -q '"line":2,"error"' "$work/out"; expect "a malformed line says its line number" $? 0
grep -q '"line":5,"error"' "$work/out"; expect "a line without text is an error" $? 0
grep -q ':2: ' "$work/err"; expect "stderr names the line" $? 0
"$cli" --jsonl < "$work/in.jsonl" > /dev/null 2>&1; expect "--jsonl reads stdin" $? 1

# Streams: one object per story, ETX or form feed between them, a missing final separator.
printf 'OSLO, Feb 2 - Rates held.\003\nBy Ines Moreau\n\nVALDORA (Reuters) - Ferries resumed.\014OSLO, Feb 3 - Rates rose.' > "$work/s.txt"
"$cli" --stream "$work/s.txt" > "$work/out"; expect "--stream exits 0" $? 0
expect "--stream gives one object per story" "$(grep -c '"index":' "$work/out")" 3
expect "--stream keeps the order" "$(grep -o '"index":[0-9]*' "$work/out" | tr '\n' ' ')" '"index":0 "index":1 "index":2 '
"$cli" --stream --summary "$work/s.txt" > "$work/out"; expect "--summary exits 0" $? 0
grep -q '^stories *3$' "$work/out"; expect "--summary counts stories" $? 0
grep -q '^dateline *3 ' "$work/out"; expect "--summary counts parts" $? 0
for i in $(seq 1 300); do printf 'By Ines Moreau

VALDORA (Reuters) - Story %d.' "$i"; done > "$work/many.txt"
"$cli" --stream -j 1 "$work/many.txt" > "$work/j1"; "$cli" --stream -j 2 "$work/many.txt" > "$work/j2"
cmp -s "$work/j1" "$work/j2"; expect "-j 2 output is byte-identical to -j 1" $? 0
# Several batches (about 256 KiB each) in flight at once: the same bytes, warnings in the same order.
seq 1 40000 | awk '{ printf "By Ines Moreau\n\nVALDORA (Reuters) - Story %d %s.\003", $1, ($1 % 997 ? "" : "\377") }' > "$work/big.txt"
"$cli" --stream -j 1 "$work/big.txt" > "$work/j1" 2> "$work/e1"
"$cli" --stream -j 2 "$work/big.txt" > "$work/j2" 2> "$work/e2"
"$cli" --stream -j 3 "$work/big.txt" > "$work/j3" 2> "$work/e3"
expect "a long stream gives one object per story" "$(wc -l < "$work/j1")" 40000
cmp -s "$work/j1" "$work/j2" && cmp -s "$work/j1" "$work/j3"; expect "long stream: -j 2 and -j 3 output is byte-identical to -j 1" $? 0
cmp -s "$work/e1" "$work/e2" && cmp -s "$work/e1" "$work/e3"; expect "long stream: warnings in the same order" $? 0
# Stories longer than a batch between short ones, with more threads than cores: batches
# finish out of turn, and the order and the bytes stay those of -j 1.
seq 1 3000 | awk '{ printf "By Ines Moreau\n\nVALDORA (Reuters) - Story %d.\n", $1; if ($1 % 1000 == 0) { for (i = 0; i < 12000; i++) printf "Paragraph %d of a long story, line %d.\n\n", $1, i }; printf "\003" }' > "$work/long.txt"
"$cli" --stream -j 1 "$work/long.txt" > "$work/j1"
"$cli" --stream -j 2 "$work/long.txt" > "$work/j2"
"$cli" --stream -j 4 "$work/long.txt" > "$work/j4"
expect "stories longer than a batch: one object each" "$(wc -l < "$work/j1")" 3000
cmp -s "$work/j1" "$work/j2" && cmp -s "$work/j1" "$work/j4"; expect "stories longer than a batch: -j 2 and -j 4 byte-identical to -j 1" $? 0
seq 1 30000 | awk '{ if ($1 % 1009) printf "{\"id\": %d, \"text\": \"VALDORA (Reuters) - Story %d \\u00e9.\"}\n", $1, $1; else print "{bad" }' > "$work/big.jsonl"
"$cli" --jsonl -j 1 "$work/big.jsonl" > "$work/j1" 2> "$work/e1"; status1=$?
"$cli" --jsonl -j 2 "$work/big.jsonl" > "$work/j2" 2> "$work/e2"; status2=$?
expect "long JSONL with bad lines exits 1 with any -j" "$status1 $status2" "1 1"
cmp -s "$work/j1" "$work/j2"; expect "long JSONL: -j 2 output is byte-identical to -j 1" $? 0
cmp -s "$work/e1" "$work/e2"; expect "long JSONL: errors reported in the same order" $? 0
expect "long JSONL: each bad line reported once" "$(grep -c 'big.jsonl:[0-9]*: ' "$work/e1")" 29
# Many files, some unreadable, with threads: objects and messages in the order of the files.
for i in $(seq 1 40); do
    if [ $((i % 7)) -eq 0 ]; then echo "$work/nofile$i.txt"; else printf 'VALDORA (Reuters) - Story %d \377.\n' "$i" > "$work/f$i.txt"; echo "$work/f$i.txt"; fi
done > "$work/files"
"$cli" --compact $(cat "$work/files") > "$work/j1" 2> "$work/e1"; status1=$?
"$cli" --compact -j 3 $(cat "$work/files") > "$work/j3" 2> "$work/e3"; status3=$?
expect "many files, some unreadable: exit 1 with any -j" "$status1 $status3" "1 1"
expect "many files: one object each" "$(wc -l < "$work/j1")" 40
cmp -s "$work/j1" "$work/j3"; expect "many files: -j 3 output is byte-identical to -j 1" $? 0
cmp -s "$work/e1" "$work/e3"; expect "many files: messages in the same order with -j 3" $? 0
expect "many files: the unreadable ones named in order" "$(grep -o 'nofile[0-9]*' "$work/e1" | tr '\n' ' ')" \
       "nofile7 nofile14 nofile21 nofile28 nofile35 "
# More threads than the system lets start (address space for their stacks): the run goes on
# with those started, and says so. (Skipped where a small address space fails the program
# itself, as under the sanitizers.)
if { (ulimit -v 300000 && "$cli" --stream -j 1 --summary "$work/many.txt") > /dev/null 2>&1; } 2> /dev/null; then
    (ulimit -v 300000 && exec "$cli" --stream -j 400 --summary "$work/many.txt") > "$work/out" 2> "$work/err"; status=$?
    expect "threads that cannot start: no crash" "$([ "$status" -lt 2 ] && echo ok || echo "status $status")" ok
    grep -q 'started [0-9]* of 400 threads' "$work/err"; expect "threads that cannot start are reported" $? 0
fi
"$cli" -j 0 "$work/a.txt" > /dev/null 2>&1; expect "-j 0 is a usage error" $? 2
"$cli" --style nosuch "$work/a.txt" > /dev/null 2>&1; expect "an unknown style is a usage error" $? 2
"$cli" --style ap --compact "$work/a.txt" | grep -q '"style":"ap"'; expect "--style is recorded" $? 0

# Invalid UTF-8: parsed, written as U+FFFD, reported with its place, status 1.
printf '{"id": 1, "text": "OSLO, Feb 2 - Rates \377 held."}\n{"id": 2, "text": ""}\n' > "$work/bad.jsonl"
"$cli" --jsonl "$work/bad.jsonl" > "$work/out" 2> "$work/err"; expect "invalid UTF-8 exits 1" $? 1
expect "invalid UTF-8 and empty texts keep their objects" "$(wc -l < "$work/out")" 2
grep -q 'bad.jsonl:1: bytes that are not UTF-8' "$work/err"; expect "invalid UTF-8 is reported with its line" $? 0
grep -q $'\xef\xbf\xbd' "$work/out"; expect "invalid UTF-8 is written as U+FFFD" $? 0

# A full disk and a closed pipe are reported, not crashes.
if [ -w /dev/full ]; then
    "$cli" "$work/a.txt" > /dev/full 2> "$work/err"; expect "a full disk exits 1" $? 1
    grep -q 'cannot write' "$work/err"; expect "a full disk is reported" $? 0
fi
for i in $(seq 1 20); do cat "$work/many.txt"; done > "$work/more.txt"
"$cli" --stream "$work/more.txt" 2> "$work/err" | head -n 1 > /dev/null
expect "a closed pipe exits 1" "${PIPESTATUS[0]}" 1
grep -q 'cannot write' "$work/err"; expect "a closed pipe is reported" $? 0
"$cli" --stream -j 2 "$work/big.txt" 2> "$work/err" | head -n 1 > /dev/null
expect "a closed pipe with -j 2 exits 1" "${PIPESTATUS[0]}" 1
grep -q 'cannot write' "$work/err"; expect "a closed pipe with -j 2 is reported" $? 0
if [ -w /dev/full ]; then
    "$cli" --stream -j 3 "$work/big.txt" > /dev/full 2> "$work/err"; expect "a full disk with -j 3 exits 1" $? 1
    expect "a full disk with -j 3 is reported once" "$(grep -c 'cannot write' "$work/err")" 1
fi

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
