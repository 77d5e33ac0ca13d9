#!/bin/sh
# The appendix tables (附表) of every example unit: build it, compare every
# amount of the workbook with the CSVs, look for the tables in the PDF and
# compare the chart sheet 图表 with the PDF's charts (check_tables.py); build
# again and compare the workbooks byte for byte.
# Run from the project root; closing line "N passed, N failed".
. tests/e2e/lib.sh
for u in input/*/; do
  u=${u%/}; id=$(basename "$u")
  [ -f "$u/unit.yaml" ] || continue
  [ -d "$u/tables" ] || continue # no disclosure: no appendix tables
  if ! "$bin" build "$u" -o "$w/a" >/dev/null 2>"$w/err" || ! "$bin" build "$u" -o "$w/b" >/dev/null 2>>"$w/err"; then
    fail=$((fail + 1)); echo "FAIL $id: juesuan build exited non-zero"; sed 's/^/     /' "$w/err" | head; continue
  fi
  xlsx=$(ls "$w/a/$id"/*.xlsx); pdf=$(ls "$w/a/$id"/*.xlsx | sed 's/附表\.xlsx$/.pdf/')
  if "$py" tests/e2e/check_tables.py "$u" "$xlsx" "$pdf" >"$w/out" 2>&1; then
    pass=$((pass + 1)); echo "ok   $id tables ($(tail -1 "$w/out"))"
  else
    fail=$((fail + 1)); echo "FAIL $id tables"; sed 's/^/     /' "$w/out" | head -30
  fi
  if cmp -s "$xlsx" "$w/b/$id/$(basename "$xlsx")"; then
    pass=$((pass + 1)); echo "ok   $id XLSX byte-identical on a second build"
  else
    fail=$((fail + 1)); echo "FAIL $id XLSX differs between two builds"
  fi
done
finish
