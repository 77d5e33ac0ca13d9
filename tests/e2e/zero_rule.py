"""zero_rule.py — the blank-versus-zero rule (README "Blank versus zero")
holds in every table of the given PDFs and workbooks:

  an amount of zero prints blank, except in a row that shows a rate
  (执行率: a percent, or "-" where there is none), where every amount of
  the row is printed, 0.00 included.

Usage: zero_rule.py FILE.pdf|FILE.xlsx ...

PDF: every ruled table (the 公开表, the 自评表, a report's tables), read
cell by cell by position (pdf_tables.py): outside a rate's row (a cell
such as 100.00% or "-") no cell reads 0.00; in a rate's row of amounts the
cells between the row's label and its rate are all figures (none blank).
XLSX: every table sheet: a cell holding the number 0 under an amount format
(#,##0.00) shows blank (its format's zero section is empty) outside a
rate's row (a cell in 0.00% or "-"), and 0.00 in one.
Prints one line per problem, "ok FILE: N tables, M zeros" per file and
"N passed, N failed"; exit 1 on a problem."""
import re
import sys

from pdf_tables import read_tables
from tally import check, finish

ZERO = re.compile(r"-?0\.00")               # an amount of zero as printed
AMOUNT = re.compile(r"-?\d[\d,]*\.\d{2}")
RATE = re.compile(r"-?[\d,]+\.\d{2}%|-")     # a rate of amounts (an indicator's "100%" is not one)
CJK = re.compile(r"[\u4e00-\u9fff]")


def pdf_rule(path):
    tables = read_tables(path)
    zeros = 0
    for t in tables:
        name = f"{path.rsplit('/', 1)[-1]}: {'公开' + t.label + '表' if t.label else t.title[:24]}"
        for row in t.rows:
            cells = row
            rate = next((i for i, c in enumerate(cells) if c is not None and RATE.fullmatch(c)), None)
            if rate is None:
                for c in cells:
                    if c is not None and ZERO.fullmatch(c):
                        check(False, f"{name}: a zero printed outside a rate's row: {[c for c in row if c]}")
                continue
            label = max((i for i in range(rate) if cells[i] and CJK.search(cells[i])), default=-1)
            figures = [c for c in cells[label + 1:rate] if c is not None]
            if not any(AMOUNT.fullmatch(c) for c in figures):
                continue  # not a row of amounts (an indicator's)
            zeros += sum(1 for c in figures if ZERO.fullmatch(c))
            check(all(AMOUNT.fullmatch(c) for c in figures),
                  f"{name}: a rate's row with a blank figure: {[c for c in row if c is not None]}")
    print(f"ok   {path.rsplit('/', 1)[-1]}: {len(tables)} tables, {zeros} zeros printed beside a rate")


def zero_section_blank(fmt):
    """A number format whose zero section (the third) is empty: 0 shows blank."""
    parts = (fmt or "").split(";")
    return len(parts) >= 3 and parts[2] == ""


def xlsx_rule(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    zeros = blanks = 0
    for ws in wb.worksheets:
        if ws.title == "图表":
            continue
        for row in ws.iter_rows():
            rate = any((isinstance(c.value, (int, float)) and "%" in (c.number_format or ""))
                       or c.value == "-" for c in row)
            for c in row:
                if not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
                    continue
                if "#,##0.00" not in (c.number_format or ""):
                    continue
                blank = zero_section_blank(c.number_format)
                if c.value != 0:
                    continue
                if rate:
                    zeros += 1
                    check(not blank, f"{path.rsplit('/', 1)[-1]}: {ws.title}!{c.coordinate}: a zero beside a rate "
                                     f"shows blank ({c.number_format})")
                else:
                    blanks += 1
                    check(blank, f"{path.rsplit('/', 1)[-1]}: {ws.title}!{c.coordinate}: a zero shows "
                                 f"0.00 outside a rate's row ({c.number_format})")
    print(f"ok   {path.rsplit('/', 1)[-1]}: {len(wb.worksheets)} sheets, {blanks} zeros blank, "
          f"{zeros} printed beside a rate")


for p in sys.argv[1:]:
    (xlsx_rule if p.endswith(".xlsx") else pdf_rule)(p)
finish()
