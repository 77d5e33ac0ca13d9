#!/bin/sh
# One quantity, one figure (one_figure.py): build every example unit and find
# each quantity in the facts, the rendered text, the PDF's text and tables and
# the workbook's table and chart cells — one value everywhere. Then the check
# must see a second figure when one place is garbled (the facts' 收、支总计).
# Run from the project root; closing line "N passed, N failed".
. tests/e2e/lib.sh
for u in input/*/; do
  u=${u%/}; id=$(basename "$u")
  [ -f "$u/unit.yaml" ] && [ -d "$u/tables" ] || continue
  if ! "$bin" build "$u" -o "$w/out" >/dev/null 2>"$w/err" || ! "$bin" facts "$u" >"$w/$id.facts.json" 2>>"$w/err" \
     || ! "$bin" markup "$u" >"$w/$id.markup.txt" 2>>"$w/err"; then
    fail=$((fail + 1)); echo "FAIL $id: juesuan exited non-zero"; sed 's/^/     /' "$w/err" | head; continue
  fi
  pdf=$(ls "$w/out/$id"/*决算.pdf | head -1); xlsx=$(ls "$w/out/$id"/*决算附表.xlsx | head -1)
  if "$py" tests/e2e/one_figure.py "$w/$id.facts.json" "$w/$id.markup.txt" "$pdf" "$xlsx" >"$w/read" 2>&1; then
    pass=$((pass + 1)); echo "ok   $id one figure per quantity ($(tail -1 "$w/read"))"
  else
    fail=$((fail + 1)); echo "FAIL $id one figure per quantity"; sed 's/^/     /' "$w/read" | head -30
  fi
done
# a second figure for one quantity is seen
id=leshan-2024
sed '0,/"income": "3313.32"/s//"income": "3313.33"/' "$w/$id.facts.json" >"$w/garbled.json"
if cmp -s "$w/$id.facts.json" "$w/garbled.json"; then
  fail=$((fail + 1)); echo "FAIL could not garble the facts"
elif "$py" tests/e2e/one_figure.py "$w/garbled.json" "$w/$id.markup.txt" "$(ls "$w/out/$id"/*决算.pdf | head -1)" \
     "$(ls "$w/out/$id"/*决算附表.xlsx | head -1)" >"$w/read" 2>&1; then
  fail=$((fail + 1)); echo "FAIL a second figure for 收、支总计 goes unseen"
elif grep -q "FAIL 收、支总计: 2 figures" "$w/read"; then
  pass=$((pass + 1)); echo "ok   a second figure for 收、支总计 is seen"
else
  fail=$((fail + 1)); echo "FAIL the garbled facts fail for another reason:"; sed 's/^/     /' "$w/read" | head
fi
finish
