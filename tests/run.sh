#!/bin/sh
# Run every test: the cmocka unit tests (built under ASan/UBSan) and the
# end-to-end tests. Run from the project root (make test does).
# Prints one line per suite and a closing "N passed, N failed". A clone
# without ../shared (JUESUAN_SHARED names another folder) runs everything
# that does not need it; each part skipped is named ("skip SUITE: what:
# why") and counted in the closing line ("…, N skipped"). With
# JUESUAN_REQUIRE_SHARED=1 (.ci/run) a missing ../shared is a failure.
set -u
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
B=${BUILD:-build}
export JUESUAN_BIN=${JUESUAN_BIN:-$B/san/juesuan}
export JUESUAN_SHARED=${JUESUAN_SHARED:-../shared}
if [ ! -d "$JUESUAN_SHARED" ]; then
  if [ "${JUESUAN_REQUIRE_SHARED:-0}" = 1 ]; then
    echo "FAIL $JUESUAN_SHARED not found: JUESUAN_REQUIRE_SHARED=1 needs the shared material beside the clone"
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "note: $JUESUAN_SHARED not found: the tests that need it are skipped, each named below"
fi
pass=0
fail=0
skipped=0
failed=""
# the parts of a suite that were skipped, from its log ("skip: what: why")
skips() {
  n=$(grep -c '^skip: ' "$1")
  [ "$n" -gt 0 ] || return 0
  skipped=$((skipped + n))
  grep '^skip: ' "$1" | sed "s/^skip: /skip $2: /"
}
for t in $B/san/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  if "$t" > "$B/san/tests/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name ($(grep -E 'PASSED|passed' "$B/san/tests/$name.log" | tail -1))"
    skips "$B/san/tests/$name.log" "$name"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -40 "$B/san/tests/$name.log"
  fi
done
for t in tests/e2e/test_*.sh; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .sh)
  if sh "$t" > "$B/san/tests/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name ($(tail -1 "$B/san/tests/$name.log"))"
    skips "$B/san/tests/$name.log" "$name"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -40 "$B/san/tests/$name.log"
  fi
done
[ -n "$failed" ] && echo "failed:$failed"
if [ $skipped -gt 0 ]; then echo "$pass passed, $fail failed, $skipped skipped (see the skip lines above)"
else echo "$pass passed, $fail failed"; fi
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
