#!/bin/sh
# Run every test: the cmocka unit tests (built under ASan/UBSan) and the
# end-to-end tests. Run from the project root (make test does).
# Prints one line per suite and a closing "N passed, N failed".
set -u
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
pass=0
fail=0
failed=""
for t in build/san/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  if "$t" > "build/san/tests/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name ($(grep -E 'PASSED|passed' "build/san/tests/$name.log" | tail -1))"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -40 "build/san/tests/$name.log"
  fi
done
for t in tests/e2e/test_*.sh; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .sh)
  if sh "$t" > "build/san/tests/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name ($(tail -1 "build/san/tests/$name.log"))"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -40 "build/san/tests/$name.log"
  fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
