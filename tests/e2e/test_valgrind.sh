#!/bin/sh
# Memory: the release binary (no sanitizers) under valgrind memcheck —
# `build` of input/leshan-2024 and `check` of input/demo-dept-2024. Any
# invalid read or write, use of uninitialised memory, or leak (definite,
# indirect or possible) fails. `make valgrind` runs this alone; tests/run.sh
# runs it with the other end-to-end tests (about 15 s). Run from the project
# root; JUESUAN_REL_BIN names the binary (default ./juesuan).
set -u
bin=${JUESUAN_REL_BIN:-./juesuan}
if ! command -v valgrind >/dev/null 2>&1; then
  echo "skip: valgrind is not installed (make deps installs it)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0; fail=0
vg() {
  name=$1; shift
  valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes \
    --error-exitcode=1 --log-file="$w/$name.vg" "$bin" "$@" >"$w/$name.out" 2>"$w/$name.err"
  rc=$?
  if [ $rc = 0 ] && [ ! -s "$w/$name.vg" ]; then
    pass=$((pass + 1)); echo "ok   valgrind: juesuan $* (no errors, no leaks)"
  else
    fail=$((fail + 1)); echo "FAIL valgrind: juesuan $* (exit $rc)"
    sed 's/^/     /' "$w/$name.vg" "$w/$name.err" | head -60
  fi
}
vg build build input/leshan-2024 -o "$w/out"
vg check check input/demo-dept-2024
vg report build input/lechang-2024 -o "$w/out" # the 部门整体支出绩效自评报告: figures, scores, @grid tables
echo "$pass passed, $fail failed"
[ $fail = 0 ]
