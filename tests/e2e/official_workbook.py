#!/usr/bin/python3
"""Write a workbook laid out as the official 公开表 are, from a unit's CSVs.

    official_workbook.py UNIT_DIR OUT.xlsx [--bad-decimal]

The figures are the unit's (tables/*.csv, money_unit 万元), stated in 元
(×10000); the layout is not juesuan's: sheets named 表1…表13, titles with
the unit's name in front, the 公开NN表 label only on some, 编制单位 and
单位：元 lines, merged headers over several rows, a 栏次 row, 科目编码 in its
own column for some tables and "2080101 行政运行" in one cell for others,
some amounts as numbers and some as text with thousands separators, blank
cells for nothing, 公开08表 two-sided (人员经费 | 公用经费, each side's total
row at the foot) and 公开13表 transposed in the grouped order (all 预算数,
then all 决算数). --bad-decimal puts 3 decimals into one 元 amount.
"""
import csv
import glob
import os
import sys
from decimal import Decimal

import openpyxl
import yaml
from openpyxl.utils import get_column_letter

unit_dir, out = sys.argv[1], sys.argv[2]
bad_decimal = "--bad-decimal" in sys.argv
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NAME = "乐山市人力资源和社会保障局（机关）"

wb = openpyxl.Workbook()
wb.remove(wb.active)


def yuan(text, as_text):
    """A 万元 CSV amount as the 元 cell value (None: blank)."""
    text = text.strip()
    if not text:
        return None
    v = Decimal(text) * 10000
    if as_text:
        return f"{v:,.2f}"
    return int(v) if v == v.to_integral_value() else float(v)


def header_rows(ws, top, columns, first_col=1):
    """Header cells from each column's path (groups + header): a group over
    neighbours with the same path prefix is merged across, a path shorter
    than the deepest is merged down to the bottom row. Returns the depth."""
    depth = max(len(p) for p in columns)
    n = len(columns)
    for level in range(depth):
        c = 0
        while c < n:
            path = columns[c]
            if level >= len(path):
                c += 1
                continue
            if level == len(path) - 1:  # the leaf: down to the bottom
                ws.cell(top + level, first_col + c, path[level])
                if depth - 1 > level:
                    ws.merge_cells(start_row=top + level, start_column=first_col + c,
                                   end_row=top + depth - 1, end_column=first_col + c)
                c += 1
                continue
            e = c
            while e + 1 < n and columns[e + 1][:level + 1] == path[:level + 1] and len(columns[e + 1]) > level + 1:
                e += 1
            ws.cell(top + level, first_col + c, path[level])
            if e > c:
                ws.merge_cells(start_row=top + level, start_column=first_col + c,
                               end_row=top + level, end_column=first_col + e)
            c = e + 1
    return depth


def title(ws, spec, ncols, with_label, prefix):
    r = 1
    if with_label:
        ws.cell(1, 1, spec["label"])
        r = 2
    ws.cell(r, 1, (NAME + "2024年度" if prefix else "") + spec["title"])
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    ws.cell(r + 1, 1, "编制单位：" + NAME)
    ws.cell(r + 1, ncols, "单位：元")
    return r + 2


bad_done = False
for n, path in enumerate(sorted(glob.glob(os.path.join(root, "templates/tables/[0-9][0-9].yaml"))), 1):
    spec = yaml.safe_load(open(path, encoding="utf-8"))
    rows = list(csv.reader(open(os.path.join(unit_dir, "tables", spec["file"]), encoding="utf-8")))[1:]
    ws = wb.create_sheet(f"表{n}")
    as_text = n in (3, 6)  # amounts typed as text with separators
    with_label = n % 2 == 1
    prefix = n in (2, 7, 9)
    cols = spec["csv"]
    if spec["id"] == "t08":  # two-sided by class
        ncols = 6
        top = title(ws, spec, ncols, with_label, prefix)
        paths = [[side, h] for side in ("人员经费", "公用经费") for h in ("科目编码", "科目名称", "决算数")]
        depth = header_rows(ws, top, paths)
        sides = {"人员经费": [], "公用经费": []}
        totals = {"人员经费": Decimal(0), "公用经费": Decimal(0)}
        for code, name, amount in rows:
            if not code:
                continue
            side = "人员经费" if code[:3] in ("301", "303") else "公用经费"
            sides[side].append((code, name, amount))
            if len(code) == 3 and amount.strip():
                totals[side] += Decimal(amount)
        r = top + depth
        for i in range(max(len(v) for v in sides.values())):
            for k, side in enumerate(("人员经费", "公用经费")):
                if i < len(sides[side]):
                    code, name, amount = sides[side][i]
                    ws.cell(r, 1 + 3 * k, code)
                    ws.cell(r, 2 + 3 * k, name)
                    ws.cell(r, 3 + 3 * k, yuan(amount, False))
            r += 1
        for k, side in enumerate(("人员经费", "公用经费")):
            ws.cell(r, 1 + 3 * k, side + "合计")
            ws.merge_cells(start_row=r, start_column=1 + 3 * k, end_row=r, end_column=2 + 3 * k)
            ws.cell(r, 3 + 3 * k, yuan(str(totals[side]), False))
        ws.cell(r + 1, 1, "注：本表反映本单位本年度一般公共预算财政拨款基本支出明细情况。")
        ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=ncols)
        continue
    if spec["id"] == "t13":  # transposed, grouped order
        items = [("合计", ["合计"]), ("因公出国（境）费", ["因公出国（境）费"]),
                 ("公务用车购置及运行维护费", ["公务用车购置及运行维护费", "小计"]),
                 ("其中：公务用车购置费", ["公务用车购置及运行维护费", "公务用车购置费"]),
                 ("公务用车运行维护费", ["公务用车购置及运行维护费", "公务用车运行维护费"]),
                 ("公务接待费", ["公务接待费"])]
        paths = [["财政拨款“三公”经费", which] + p for which in ("预算数", "决算数") for _, p in items]
        ncols = len(paths)
        top = title(ws, spec, ncols, with_label, prefix)
        depth = header_rows(ws, top, paths)
        by_label = {r[0]: r for r in rows}
        for k, (which, (label, _)) in enumerate((w, it) for w in ("预算数", "决算数") for it in items):
            v = by_label[label][1 if which == "预算数" else 2]
            ws.cell(top + depth, 1 + k, yuan(v, False))
        continue
    # the CSV columns, as the official form heads them
    combined = spec["kind"] == "subject" and n in (3, 5, 9, 12)
    paths, take = [], []
    for i, c in enumerate(cols):
        if combined and c.get("role") == "code":
            continue
        if combined and c.get("role") == "name":
            paths.append(["项目"])
        else:
            paths.append(list(c.get("group", [])) + [c["header"]])
        take.append(i)
    ncols = len(paths)
    top = title(ws, spec, ncols, with_label, prefix)
    depth = header_rows(ws, top, paths)
    r = top + depth
    if n in (2, 5):  # a 栏次 row under the header
        ws.cell(r, 1, "栏次")
        k = 1
        for j, i in enumerate(take):
            if "key" in cols[i]:
                ws.cell(r, 1 + j, k)
                k += 1
        r += 1
    for row in rows:
        for j, i in enumerate(take):
            c = cols[i]
            text = row[i]
            if combined and c.get("role") == "name":
                code = row[i - 1]
                value = "合计" if not code else f"{code} {text}"
            elif "key" in c:
                value = yuan(text, as_text)
                if bad_decimal and not bad_done and value is not None and n == 2:
                    value, bad_done = 1234.567, True
            elif c.get("role") == "line":
                value = int(text) if text else None
            else:
                value = "  " + text if c.get("role") == "name" and len(row[0]) == 7 else (text or None)
            ws.cell(r, 1 + j, value)
        r += 1
    ws.cell(r, 1, "注：本表反映本单位本年度情况。")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    for c in range(1, ncols + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14

wb.save(out)
