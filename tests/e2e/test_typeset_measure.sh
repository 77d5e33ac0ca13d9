#!/bin/sh
# End to end, issue 13's typesetting points on every example PDF
# (tests/e2e/typeset_measure.py, pdfminer from Debian's python3-pdfminer):
# the blank left before a chart that opens its page (at most 3 body
# lines), charts at their full height (aspect ratio kept), 续表 on every
# continuation page, at least 5 body rows on a continuation page where the
# page before can give them, one font size per table (公开表 and 自评表), and body lines whose
# glyphs stand in content order (pdfplumber reads "32.“三公”经费" in order).
# Run from the project root. Closing line: "N passed, N failed".
set -u
bin=${JUESUAN_BIN:-build/san/juesuan}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0; fail=0
for u in input/*/; do
  name=$(basename "$u")
  if ! "$bin" build "$u" -o "$w/o" >/dev/null 2>"$w/err"; then
    fail=$((fail + 1)); echo "FAIL build $name"; sed 's/^/     /' "$w/err" | head; continue
  fi
done
for pdf in "$w"/o/*/*.pdf; do
  "$py" tests/e2e/typeset_measure.py "$pdf" >"$w/m" 2>&1
  p=$(grep -c '^ok' "$w/m"); f=$(grep -c '^FAIL' "$w/m")
  pass=$((pass + p)); fail=$((fail + f))
  cat "$w/m"
  grep -q . "$w/m" || { fail=$((fail + 1)); echo "FAIL measure $pdf"; }
done
# every example's PDFs were measured (none left out by a failed build)
n=$(ls "$w"/o/*/*.pdf | wc -l)
[ "$n" -ge 7 ] && { pass=$((pass + 1)); echo "ok   $n PDFs measured"; } || { fail=$((fail + 1)); echo "FAIL only $n PDFs"; }
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
