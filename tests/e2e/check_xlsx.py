"""Check the workbook of a built unit against its CSVs: the 公开01表 sheet
exists with its title, label and merged header cells, and every amount in
01_收入支出决算总表.csv is in the sheet as a number (not text) with a
#,##0.00 format, next to its 项目 label. Usage: check_xlsx.py BOOK.xlsx UNIT_DIR"""
import csv, re, sys
from decimal import Decimal
import openpyxl

book, unit = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(book)
problems = []
ws = next((s for s in wb.worksheets if "收入支出决算总表" in s.title), None)
if ws is None:
    sys.exit("no sheet for 收入支出决算总表: " + ", ".join(wb.sheetnames))
texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
for want in ("收入支出决算总表", "公开01表", "单位：万元", "收入", "支出", "项目", "金额"):
    if want not in texts:
        problems.append(f"text {want} not in the sheet")
if not ws.merged_cells.ranges:
    problems.append("no merged cells")
# label → (row, col) of every text cell
where = {}
for row in ws.iter_rows():
    for c in row:
        if isinstance(c.value, str):
            where.setdefault(re.sub(r"\s+", "", c.value), []).append((c.row, c.column))
rows = list(csv.reader(open(f"{unit}/tables/01_收入支出决算总表.csv", encoding="utf-8-sig")))
n = 0
for r in rows[1:]:
    for side in (0, 1):
        label, amount = r[side * 3], r[side * 3 + 2]
        if not label.strip() or not amount.strip():
            continue
        want = Decimal(amount.replace(",", ""))
        found = False
        for (rr, cc) in where.get(re.sub(r"\s+", "", label), []):
            cell = ws.cell(row=rr, column=cc + 2)
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                if Decimal(str(round(cell.value, 2))) == want:
                    found = True
                    if "#,##0.00" not in (cell.number_format or ""):
                        problems.append(f"{label}: number format {cell.number_format}")
        if not found:
            problems.append(f"{label}: {amount} not found as a number beside its label")
        n += 1
for p in problems[:20]:
    print(p)
print(f"{n} amounts of 公开01表 checked; {len(problems)} problems")
sys.exit(1 if problems or n < 10 else 0)
