#!/bin/sh
# Run every test: the cmocka unit tests (built under ASan/UBSan) and the
# end-to-end tests. Run from the project root (make test does).
# Prints one line per suite and a closing "N passed, N failed".
set -u
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
B=${BUILD:-build}
export JUESUAN_BIN=${JUESUAN_BIN:-$B/san/juesuan}
pass=0
fail=0
failed=""
for t in $B/san/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  if "$t" > "$B/san/tests/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name ($(grep -E 'PASSED|passed' "$B/san/tests/$name.log" | tail -1))"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -40 "$B/san/tests/$name.log"
  fi
done
for t in tests/e2e/test_*.sh; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .sh)
  if sh "$t" > "$B/san/tests/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name ($(tail -1 "$B/san/tests/$name.log"))"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -40 "$B/san/tests/$name.log"
  fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
