#!/bin/sh
# End to end, the blank-versus-zero rule (README "Blank versus zero") in
# every table of every example: the PDFs' tables read cell by cell by
# position and every table sheet of the workbooks (tests/e2e/zero_rule.py):
# a zero amount blank, except in a row that shows a rate, where it prints
# 0.00. Then the checker must see a workbook zero shown as 0.00 outside a
# rate's row. Run from the project root; closing line "N passed, N failed".
. tests/e2e/lib.sh
for u in input/*/; do
  "$bin" build "$u" -o "$w/o" >/dev/null 2>"$w/err" || no "build $(basename "$u")" "$w/err"
done
"$py" tests/e2e/zero_rule.py "$w"/o/*/*.pdf "$w"/o/*/*.xlsx >"$w/out" 2>&1
t "every table follows the rule ($(tail -1 "$w/out"))" [ $? = 0 ]
grep -v '^ok' "$w/out" | head -20
grep '^ok' "$w/out"
# what it checked: tables with blank zeros and zeros beside a rate, in both kinds of file
t "leshan's PDF: 30 tables read, zeros printed beside a rate" grep -q '单位决算.pdf: 30 tables, [1-9][0-9]* zeros printed beside a rate' "$w/out"
t "lechang's report: its tables read, zeros beside a rate" grep -q '乐昌.*\.pdf: 2 tables, [1-9][0-9]* zeros printed' "$w/out"
t "workbooks: zeros blank and zeros beside a rate" grep -q 'xlsx: [0-9]* sheets, [1-9][0-9]* zeros blank, [1-9][0-9]* printed beside a rate' "$w/out"
# a zero shown as 0.00 in a 公开表 sheet is caught
book=$(ls "$w"/o/leshan-2024/*.xlsx)
"$py" - "$book" "$w/bad.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = next(s for s in wb.worksheets if s.title.startswith("13"))
c = next(c for row in ws.iter_rows() for c in row if c.value == 0 and isinstance(c.value, (int, float)))
c.number_format = "#,##0.00"
wb.save(sys.argv[2])
PY
"$py" tests/e2e/zero_rule.py "$w/bad.xlsx" >"$w/out" 2>&1
t "a zero shown as 0.00 in 公开13表's sheet is caught" grep -q "FAIL bad.xlsx: 13.*a zero shows 0.00 outside a rate's row" "$w/out"
finish
