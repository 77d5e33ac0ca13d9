#!/bin/sh
# Byte-identical outputs whatever built the binary: every example unit
# built twice with the sanitized binary (gcc -O1, ASan/UBSan), and once each
# with the release binary (gcc -O2, ./juesuan), the clang build (clang -O2)
# and the unoptimised build (gcc -O0), all under other time zones and
# locales; every PDF and workbook must be the same bytes, and so must each
# build manifest but for its `program` line (the SHA-256 of the binary
# that built it: a different binary, by design); the release binary
# without the hash cache and huge pages makes the same files. Run from the
# project root (make test builds the four binaries first); closing line
# "N passed, N failed".
set -u
B=${BUILD:-build}
san=${JUESUAN_BIN:-$B/san/juesuan}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; }
n=0
for spec in "san|$san|UTC|C.UTF-8" "san2|$san|Asia/Shanghai|zh_CN.UTF-8" "gcc-O2|./juesuan|America/New_York|C" \
            "clang-O2|$B/clang/juesuan|Europe/Berlin|de_DE.UTF-8" "gcc-O0|$B/O0/juesuan|Pacific/Kiritimati|C.UTF-8"; do
  name=${spec%%|*}; rest=${spec#*|}; bin=${rest%%|*}; rest=${rest#*|}; tz=${rest%%|*}; lang=${rest#*|}
  if [ ! -x "$bin" ]; then no "$name: $bin is not built"; continue; fi
  for u in input/*/; do
    u=${u%/}
    [ -f "$u/unit.yaml" ] || continue
    TZ=$tz LANG=$lang LC_ALL=$lang "$bin" build "$u" -o "$w/$name" >/dev/null 2>"$w/$name.err" || {
      no "$name: build $u"; sed 's/^/     /' "$w/$name.err" | head -5; }
  done
  n=$((n + 1))
  if [ "$name" != san ]; then
    if diff -r -I '^program	' "$w/san" "$w/$name" >"$w/diff" 2>&1; then
      ok "$name ($tz, $lang): every output byte-identical to the sanitized gcc -O1 build"
    else
      no "$name ($tz, $lang): outputs differ from the sanitized gcc -O1 build"; sed 's/^/     /' "$w/diff" | head -5
    fi
  fi
done
# the release binary again without the hash cache and with the heap as
# glibc makes it: the same bytes, manifests included (the same binary)
for u in input/*/; do
  [ -f "$u/unit.yaml" ] || continue
  JUESUAN_HASH_CACHE=off JUESUAN_HUGE_PAGES=off TZ=America/New_York LANG=C LC_ALL=C \
    ./juesuan build "${u%/}" -o "$w/plain" >/dev/null 2>"$w/plain.err" || no "plain: build $u"
done
if [ -d "$w/gcc-O2" ] && diff -r "$w/gcc-O2" "$w/plain" >"$w/diff" 2>&1; then
  ok "without the hash cache and huge pages (JUESUAN_HASH_CACHE=off JUESUAN_HUGE_PAGES=off): every file the same, manifests too"
else
  no "without the hash cache and huge pages: outputs differ"; sed 's/^/     /' "$w/diff" | head -5
fi
files=$(find "$w/san" -type f | wc -l)
[ "$files" -ge 4 ] && ok "$files output files compared" || no "only $files output files"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
