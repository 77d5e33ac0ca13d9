#!/bin/sh
# End to end, huge input (issue 11 item 7): a 支出决算表 with tens of
# thousands of duplicated rows, and a row of a quarter of a million cells,
# under the sanitized binary. The messages are bounded (the first 10 of a
# kind per file, then one line with the count of the rest) and the time
# grows linearly: four times the input may take at most 8 times the CPU
# (quadratic growth would take 16). tests/tools/huge.sh measures the
# 1,000,000-row case the README records. Run from the project root.
# Closing line: "N passed, N failed".
. tests/e2e/lib.sh
run() { "$py" tests/tools/huge_input.py "$bin" input/leshan-2024 "$1" "$2" "$w" >"$w/$1-$2.json" 2>&1; }
field() { "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$w/$1-$2.json" "$3"; }

run rows 20000; run rows 80000
for n in 20000 80000; do
  hidden=$((n - 10))
  if [ "$(field rows $n exit)" = 1 ] && [ "$(field rows $n stderr_lines)" -le 12 ] \
     && field rows $n last_line | grep -qF "同类错误另有 $hidden 条未列出"; then
    ok "$n duplicated rows: exit 1, $(field rows $n stderr_lines) lines ($(field rows $n stderr_bytes) bytes) on stderr, $(field rows $n cpu_s) s CPU"
  else
    no "$n duplicated rows: bounded messages" "$w/rows-$n.json"
  fi
done
linear() { # KIND SMALL BIG: CPU(BIG) ≤ 8 × CPU(SMALL), SMALL counted as at least 0.1 s
  "$py" - "$w/$1-$2.json" "$w/$1-$3.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if b["cpu_s"] <= 8 * max(a["cpu_s"], 0.1) else 1)
PY
}
linear rows 20000 80000 && ok "rows: 4× the input, $(field rows 20000 cpu_s) s → $(field rows 80000 cpu_s) s CPU (linear)" \
  || no "rows: 4× the input, $(field rows 20000 cpu_s) s → $(field rows 80000 cpu_s) s CPU: worse than linear"

run cols 62500; run cols 250000
[ "$(field cols 250000 exit)" = 1 ] && field cols 250000 last_line | grep -qF "实有 250008 列" \
  && ok "a row of 250,000 more cells: exit 1, the column count named, $(field cols 250000 cpu_s) s CPU" \
  || no "a row of 250,000 more cells" "$w/cols-250000.json"
linear cols 62500 250000 && ok "cells: 4× the input, $(field cols 62500 cpu_s) s → $(field cols 250000 cpu_s) s CPU (linear)" \
  || no "cells: 4× the input, $(field cols 62500 cpu_s) s → $(field cols 250000 cpu_s) s CPU: worse than linear"

finish
