#!/bin/sh
# The one-cell typo sweep (tests/tools/typo_sweep.py) on a sample: Leshan
# converted to 元, every 20th amount cell typed 0.01 元 too high, one at a
# time — each must be an error. The full sweep (all cells, 元 and 万元) is
# `python3 tests/tools/typo_sweep.py [--yuan]`; README records its result.
# Run from the project root; closing line "N passed, N failed".
set -u
export JUESUAN_BIN=${JUESUAN_BIN:-build/san/juesuan}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
if out=$("$py" tests/tools/typo_sweep.py --yuan --every 20 --expect-all-errors 2>&1); then
  echo "ok   $(echo "$out" | tail -1)"; echo "1 passed, 0 failed"
else
  echo "FAIL the 元 typo sample:"; echo "$out" | sed 's/^/     /' | tail -20; echo "0 passed, 1 failed"; exit 1
fi
