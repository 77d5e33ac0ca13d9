# import-sheet-missing-column — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024:
# juesuan's own workbook of the unit with the header of 收入决算表's 事业收入 column cleared
"$bin" build "$U" -o "$W/book" >/dev/null
/usr/bin/python3 - "$W"/book/leshan-2024/*.xlsx "$W/book.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["02收入决算表"]
for rng in list(ws.merged_cells.ranges):
    if str(rng) == "F4:F5":
        ws.unmerge_cells(str(rng))
assert ws["F4"].value == "事业收入", ws["F4"].value
ws["F4"] = None
wb.save(sys.argv[2])
PY
CMD=import
ARG=$W/book.xlsx
