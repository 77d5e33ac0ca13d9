#!/bin/sh
# End to end, how every example's workbook prints (tests/e2e/xlsx_print.py,
# from the file: openpyxl, zipfile, xml.etree): each sheet's print scale
# computed from its column widths, A4 orientation and margins (85–100%),
# the PDF's margins, the footer "第 &P 页 共 &N 页", a print area, the 单位
# line and header rows repeated, no "number stored as text" flags; on 图表
# the style's chart colours, labels from the cells and no chart across a
# page break. The LibreOffice print is the slow test (make test-slow).
# Run from the project root. Closing line: "N passed, N failed".
set -u
bin=${JUESUAN_BIN:-build/san/juesuan}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
for u in input/*/; do "$bin" build "$u" -o "$w/o" >/dev/null 2>"$w/err" || { cat "$w/err"; echo "0 passed, 1 failed"; exit 1; }; done
n=$(ls "$w"/o/*/*.xlsx | wc -l)
if [ "$n" -lt 3 ]; then echo "FAIL only $n workbooks"; echo "0 passed, 1 failed"; exit 1; fi
"$py" tests/e2e/xlsx_print.py templates/style.yaml "$w"/o/*/*.xlsx
