"""Check the appendix tables (附表) of a built unit against its CSV input, in
the workbook and in the PDF. Usage: check_tables.py UNIT_DIR BOOK.xlsx DOC.pdf

Independent of the table specs on purpose: what each official form must look
like is written down here, and every amount the CSVs hold is looked for where
the form puts it.

Workbook: 13 table sheets in official order (names <= 31 characters), then
图表; on each table sheet the 公开NN表 label (last column of row 1), the title
(row 2, merged over the width), the 编制单位 line and 单位：万元 (row 3), the
merged header ranges of the form, the header frozen and repeated on printed
pages; every CSV amount as a number with #,##0.00 in its row (found by its 项目
label or 科目编码) and column (found by the header), blank where the CSV is
blank; 公开08表 split into 人员经费 | 公用经费 with their totals; 公开13表 as
one row of 12 columns; the empty-table note where a table has no data (all blank or zero). Then the sheet 图表: per
chart 图1–图7 its caption "图N：…" in column A, in the row above the native
chart (column for 图1/4/5, pie with a legend for 图2/3/6/7, data labels),
whose series refer to that sheet's cells: labels, and amounts (a pie: shares)
as numbers in #,##0.00 (shares in 0.00%) that equal the figures the PDF chart
above the same caption prints; a pie with nothing to show is its caption and the
"无…支出" line (also in the PDF), no chart.
Then one sheet per 项目支出绩效自评表 (performance/projects/*.yaml, in file
order, "自评表NN 名称"): the project code, merged cells, the 总额 row with
its amounts, rate (0.00%) and 权重/得分 as numbers, 合计权重 100.
PDF (pdftotext): each table's page holds its 附表 heading and title (so the
title appears twice there), its label, and the figures of the table that
are not zero (a zero prints blank); the 目录
lists every 附表 heading; an empty table's note is there.
Prints one line per check and "N passed, N failed"."""
import csv, glob, os, re, subprocess, sys
from decimal import Decimal, ROUND_HALF_UP
import openpyxl

from tally import check, finish

unit_dir, book, pdf = sys.argv[1:4]


TABLES = [  # (number, title, landscape, merged header ranges below row 3)
    ("01", "收入支出决算总表", False, ["A4:C4", "D4:F4"]),
    ("02", "收入决算表", True, ["A4:B4", "C4:C5", "D4:D5", "I4:I5"]),
    ("03", "支出决算表", True, ["A4:B4", "C4:C5", "H4:H5"]),
    ("04", "财政拨款收入支出决算总表", True, ["A4:C4", "D4:I4"]),
    ("05", "财政拨款支出决算明细表", False, ["A4:B4", "C4:C5", "F4:F5"]),
    ("06", "一般公共预算财政拨款支出决算表", False, ["A4:B4", "C4:C5", "E4:E5"]),
    ("07", "一般公共预算财政拨款支出决算明细表", False, ["A4:B4", "C4:C5", "D4:E4", "F4:F5"]),
    ("08", "一般公共预算财政拨款基本支出决算表", False, ["A4:C4", "D4:F4"]),
    ("09", "一般公共预算财政拨款项目支出决算表", False, []),
    ("10", "政府性基金预算财政拨款收入支出决算表", True, ["A4:B4", "C4:C5", "D4:D5", "E4:G4", "H4:H5"]),
    ("11", "国有资本经营预算财政拨款收入支出决算表", True, ["A4:B4", "C4:C5", "D4:D5", "E4:G4", "H4:H5"]),
    ("12", "国有资本经营预算财政拨款支出决算表", False, ["A4:B4", "C4:C5", "E4:E5"]),
    ("13", "财政拨款“三公”经费支出决算表", True,
     ["A4:L4", "A5:B6", "C5:D6", "E5:J5", "E6:F6", "G6:H6", "I6:J6", "K5:L6"]),
]
CN = "一二三四五六七八九十"


def cn_number(n):
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def flat(s):
    return re.sub(r"\s+", "", s or "")


yaml_text = open(os.path.join(unit_dir, "unit.yaml"), encoding="utf-8").read()
unit_name = re.search(r"^\s+name:\s*(\S+)", yaml_text, re.M).group(1)
per_wan = Decimal(10000) if re.search(r"^\s+money_unit:\s*元\s*$", yaml_text, re.M) else Decimal(1)


def amount(text):
    """The 万元 figure a CSV cell shows, rounded half up; None when blank."""
    t = text.strip().replace(",", "")
    if not t:
        return None
    return (Decimal(t) / per_wan).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def shown(d):
    return f"{d:,.2f}"


def read_csv(num):
    path = glob.glob(os.path.join(unit_dir, "tables", num + "_*.csv"))[0]
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    return rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]


def cell_is(ws, row, col, want, what):
    """`want` a Decimal (a number with #,##0.00) or None (blank)."""
    c = ws.cell(row=row, column=col)
    if want is None:
        check(c.value is None, f"{what}: blank expected, found {c.value!r}")
        return
    ok = isinstance(c.value, (int, float)) and not isinstance(c.value, bool)
    ok = ok and Decimal(str(c.value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == want
    check(ok, f"{what}: {want} expected, found {c.value!r}")
    if ok:
        check("#,##0.00" in (c.number_format or ""), f"{what}: number format {c.number_format}")


def find_rows(ws, col, text, first):
    return [r for r in range(first, ws.max_row + 1) if flat(str(ws.cell(row=r, column=col).value or "")) == flat(text)]


wb = openpyxl.load_workbook(book)
projects = sorted(glob.glob(os.path.join(unit_dir, "performance", "projects", "*.yaml")))
check(len(wb.sheetnames) == 14 + len(projects) and wb.sheetnames[13 + len(projects)] == "图表",
      f"13 table sheets, {len(projects)} 自评表 sheets and 图表, found {len(wb.sheetnames)}: {wb.sheetnames[13:]}")
# --- the 项目支出绩效自评表 sheets (one per performance/projects/*.yaml) ---
for k, path in enumerate(projects):
    if 13 + k >= len(wb.worksheets):
        break
    ws = wb.worksheets[13 + k]
    code = re.search(r"^code:\s*(\S+)", open(path, encoding="utf-8").read(), re.M).group(1)
    what = f"自评表 sheet {ws.title}"
    check(ws.title.startswith(f"自评表{k + 1:02d} ") and len(ws.title) <= 31, f"{what}: name")
    cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row if c.value is not None}
    check(any(code in str(c.value) for c in cells.values()), f"{what}: project code {code}")
    check(len(ws.merged_cells.ranges) >= 10, f"{what}: merged cells ({len(ws.merged_cells.ranges)})")
    total = [c for c in cells.values() if c.value == "总额"]
    heji = [c for c in cells.values() if c.value == "合计"]
    check(len(total) == 1 and len(heji) == 1, f"{what}: one 总额 row and one 合计 row")
    if total and heji:
        row = [cells.get((total[0].row, col)) for col in range(1, 12)]
        nums = [c for c in row if c is not None and isinstance(c.value, (int, float))]
        check(len(nums) == 6, f"{what}: 总额 row has 3 amounts, a rate and 权重/得分 as numbers ({len(nums)})")
        check(any("0.00%" in c.number_format for c in nums), f"{what}: 预算执行率 as a percent")
        w = cells.get((heji[0].row, 9))
        check(w is not None and w.value == 100, f"{what}: 合计权重 100 as a number")
figures = {}  # number -> amounts (Decimal) the table shows
empty = {}    # number -> the table has no data
for i, (num, title, landscape, merges) in enumerate(TABLES):
    if i >= len(wb.worksheets):
        break
    ws = wb.worksheets[i]
    check(len(ws.title) <= 31 and ws.title.startswith(num), f"sheet {i + 1} name {ws.title}")
    check(ws.cell(row=2, column=1).value == title, f"{num}: title {ws.cell(row=2, column=1).value}")
    ranges = {str(r) for r in ws.merged_cells.ranges}
    last = openpyxl.utils.get_column_letter(ws.max_column)
    check(f"A2:{last}2" in ranges, f"{num}: title merged over A2:{last}2")
    check(ws.cell(row=1, column=ws.max_column).value == f"公开{num}表", f"{num}: label 公开{num}表")
    check(ws.cell(row=3, column=1).value == f"编制单位：{unit_name}", f"{num}: 编制单位 line")
    check(ws.cell(row=3, column=ws.max_column).value == "单位：万元", f"{num}: 单位：万元")
    for m in merges:
        check(m in ranges, f"{num}: merged header {m} (has {sorted(ranges)})")
    check((ws.page_setup.orientation == "landscape") == landscape, f"{num}: orientation {ws.page_setup.orientation}")
    check(ws.page_setup.paperSize in (9, "9"), f"{num}: A4")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
          and ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0, f"{num}: fit to one page wide")
    header_rows = {"13": 4, "09": 1}.get(num, 2)
    body = 4 + header_rows
    check(ws.freeze_panes == f"A{body}", f"{num}: header frozen at A{body}, found {ws.freeze_panes}")
    check(ws.print_title_rows == f"$3:${body - 1}", f"{num}: 单位 line and header rows repeated, found {ws.print_title_rows}")

    head, rows = read_csv(num)
    shown_here = []
    if num in ("01", "04"):  # two-sided fixed forms: 项目 | 行次 | amounts on each side
        sides = [(0, 3), (3, len(head))]
        for r in rows:
            for lo, hi in sides:
                label = r[lo]
                if not label.strip():
                    continue
                found = find_rows(ws, lo + 1, label, body)
                check(len(found) == 1, f"{num}: row {label} once in column {lo + 1}, found {found}")
                if not found:
                    continue
                if r[lo + 1].strip():
                    check(ws.cell(row=found[0], column=lo + 2).value == int(r[lo + 1]), f"{num}: {label} 行次")
                for k in range(lo + 2, hi):
                    want = amount(r[k])
                    cell_is(ws, found[0], k + 1, want, f"{num} {label} {head[k]}")
                    if want is not None:
                        shown_here.append(want)
    elif num == "08":  # split: 301/303 left, 302/310/399 right, each 编码 | 名称 | 决算数
        check([ws.cell(row=5, column=c).value for c in range(1, 7)] ==
              ["经济分类科目编码", "科目名称", "决算数"] * 2, f"08: side headers")
        check(ws.cell(row=4, column=1).value == "人员经费" and ws.cell(row=4, column=4).value == "公用经费",
              "08: 人员经费 | 公用经费 groups")
        totals = [Decimal(0), Decimal(0)]
        for r in rows:
            code, name, v = r[0].strip(), r[1], amount(r[2])
            if not code:
                continue
            side = 0 if code[:3] in ("301", "303") else 1
            found = find_rows(ws, side * 3 + 1, code, body)
            check(len(found) == 1, f"08: {code} on the {'left' if side == 0 else 'right'}")
            if found:
                check(ws.cell(row=found[0], column=side * 3 + 2).value == name, f"08: {code} name")
                cell_is(ws, found[0], side * 3 + 3, v, f"08 {code}")
            if len(code) == 3 and v is not None:
                totals[side] += Decimal(r[2].strip()) / per_wan
            if v is not None:
                shown_here.append(v)
        for side, label in ((0, "人员经费合计"), (1, "公用经费合计")):
            found = find_rows(ws, side * 3 + 1, label, body)
            check(len(found) == 1, f"08: {label} row")
            if found:
                want = totals[side].quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                cell_is(ws, found[0], side * 3 + 3, want, f"08 {label}")
                check(f"{openpyxl.utils.get_column_letter(side * 3 + 1)}{found[0]}:"
                      f"{openpyxl.utils.get_column_letter(side * 3 + 2)}{found[0]}" in ranges, f"08: {label} merged")
                shown_here.append(want)
        total = next((amount(r[2]) for r in rows if not r[0].strip()), None)
        if total is not None:  # the CSV 合计 is the two totals together
            check(sum(totals).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == total, "08: 人员 + 公用 = 合计")
    elif num == "13":  # one data row: per item 预算数 | 决算数
        order = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "其中：公务用车购置费", "公务用车运行维护费", "公务接待费"]
        check([ws.cell(row=7, column=c).value for c in range(1, 13)] == ["预算数", "决算数"] * 6, "13: 预算数 | 决算数 row")
        for r in rows:
            k = order.index(r[0].strip())
            for j in (1, 2):
                want = amount(r[j])
                cell_is(ws, body, 2 * k + j, want, f"13 {r[0]} {head[j]}")
                if want is not None:
                    shown_here.append(want)
        after = str(ws.cell(row=body + 1, column=1).value or "")
        check(not after or after.startswith(("注", "说明")), "13: one data row")
    else:  # subject tables: 科目编码 | 科目名称 | amounts as in the CSV
        check([ws.cell(row=body - 1, column=c).value for c in (1, 2)] == ["科目编码", "科目名称"],
              f"{num}: code / name headers")
        cols = {flat(str(ws.cell(row=r, column=c).value or "")): c for c in range(1, ws.max_column + 1)
                for r in range(4, body)}
        for r in rows:
            code = r[0].strip()
            found = find_rows(ws, 1, code if code else r[1], body)
            check(len(found) == 1, f"{num}: row {code or r[1]} once")
            if not found:
                continue
            if code:
                check(ws.cell(row=found[0], column=2).value == r[1], f"{num}: {code} name")
            else:
                check(f"A{found[0]}:B{found[0]}" in ranges, f"{num}: 合计 label merged over A:B")
            for k in range(2, len(head)):
                c = cols.get(flat(head[k]))
                check(c == k + 1, f"{num}: column {head[k]} at {k + 1}, found {c}")
                want = amount(r[k])
                cell_is(ws, found[0], k + 1, want, f"{num} {code or r[1]} {head[k]}")
                if want is not None:
                    shown_here.append(want)
    figures[num] = shown_here
    empty[num] = not any(v != 0 for v in shown_here)  # blank or all zero: no data
    texts = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    has_note = any("故本表无数据" in t for t in texts)
    check(has_note == empty[num], f"{num}: empty-table note {'missing' if empty[num] else 'on a table with data'}")
    check(any(t.startswith("注：本表反映") for t in texts) == (not empty[num]), f"{num}: footnote under the table")
    # text cells never formulas
    check(not any(isinstance(c.value, str) and c.data_type == "f" for row in ws.iter_rows() for c in row),
          f"{num}: no formulas")

# --- the PDF ---
n_pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
pages = [flat(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                             text=True).stdout) for p in range(1, n_pages + 1)]
where = {}
for p, t in enumerate(pages):
    for num, *_ in TABLES:
        if f"公开{num}表" in t and num not in where:
            where[num] = p
toc = []  # 目录 entries: text, dot leader, page number (the 目录 may run over several pages)
for p in range(1, min(n_pages, 8) + 1):
    out = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                         text=True).stdout
    toc += [flat(m.group(1)) for m in re.finditer(r"^\s*(\S.*?)\s*(?:[.…·]\s*){4,}\d+\s*$", out, re.M)]
for i, (num, title, landscape, merges) in enumerate(TABLES):
    heading = f"{cn_number(i + 1)}、{title}"
    check(heading in toc, f"PDF: 目录 lists {heading}")
    if num not in where:
        check(False, f"PDF: no page with 公开{num}表")
        continue
    p = where[num]
    check(heading in pages[p], f"PDF {num}: heading {heading} on the table's page")
    check(pages[p].count(title) >= 2, f"PDF {num}: title twice on the table's page (heading and table title)")
    check(f"编制单位：{unit_name}" in pages[p] and "单位：万元" in pages[p], f"PDF {num}: 编制单位 / 单位 line")
    following = [q for q in where.values() if q > p]
    text = "".join(pages[p:min(following) if following else n_pages])
    # a zero prints blank (the blank-versus-zero rule): only the other figures are looked for
    missing = [shown(v) for v in figures[num] if v != 0 and shown(v) not in text]
    check(not missing and (figures[num] or empty[num]), f"PDF {num}: figures missing {missing[:5]}")
    if empty[num]:
        check("故本表无数据" in text, f"PDF {num}: empty-table note")
    check(text.count(heading) == 1, f"PDF {num}: the heading once (no stray repeats)")

# --- the sheet 图表 against the PDF's charts ---
CHARTS = [(1, "收、支决算总计变动情况", "bar"), (2, "收入决算结构", "pie"), (3, "支出决算结构", "pie"),
          (4, "财政拨款收、支决算总计变动情况", "bar"), (5, "一般公共预算财政拨款支出决算变动情况", "bar"),
          (6, "一般公共预算财政拨款支出决算结构", "pie"), (7, "“三公”经费财政拨款支出结构", "pie")]
EXPECT_CHARTS = {"leshan-2024": 7, "demo-dept-2024": 6}  # demo: no 三公 spending, 图7 has nothing to show


def pdf_chart_text(caption):
    """The PDF text of the chart over `caption`: from the sentence before it to the caption."""
    for t in pages:
        at = t.find(caption)
        if at >= 0:
            return t[t.rfind("。", 0, at) + 1:at]
    return None


def range_cells(ws, ref):
    """The cells of a series reference such as '图表'!$B$3:$B$4 (on sheet 图表)."""
    sheet, _, area = ref.rpartition("!")
    check(sheet.strip("'") == "图表", f"图表: series on its own sheet, found {ref}")
    c0, r0, c1, r1 = openpyxl.utils.cell.range_boundaries(area.replace("$", ""))
    return [ws.cell(row=r, column=c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


ws = wb["图表"] if "图表" in wb.sheetnames else None
if ws is None:
    check(False, "no sheet 图表")
else:
    caption_at = {str(ws.cell(row=r, column=1).value): r for r in range(1, ws.max_row + 1)}
    by_row = {ch.anchor._from.row: ch for ch in ws._charts}  # 0-based anchor row = 1-based row above
    uid = os.path.basename(unit_dir.rstrip("/"))
    if uid in EXPECT_CHARTS:
        check(len(ws._charts) == EXPECT_CHARTS[uid], f"图表: {EXPECT_CHARTS[uid]} charts, found {len(ws._charts)}")
    n_charts = 0
    for n, title, kind in CHARTS:
        caption = f"图{n}：{title}"
        r = caption_at.get(caption)
        seg = pdf_chart_text(caption)
        check(r is not None, f"图表: caption {caption} in column A")
        check(seg is not None, f"PDF: caption {caption}")
        if r is None or seg is None:
            continue
        # its chart: anchored under its table, before the next caption
        nxt = min([q for q in caption_at.values() if q > r and str(ws.cell(row=q, column=1).value).startswith("图")]
                  + [ws.max_row + 100])
        ch = next((c for a, c in sorted(by_row.items()) if r <= a < nxt), None)
        if ch is None:  # nothing to show: the line the PDF prints instead
            line = str(ws.cell(row=r + 1, column=1).value or "")
            check(kind == "pie" and re.fullmatch(r"\d{4}年度本(单位|部门)无.+支出。", line) is not None,
                  f"图{n}: no chart, and the 无…支出 line under the caption, found {line!r}")
            check(line in "".join(pages), f"图{n}: {line} in the PDF too")
            continue
        n_charts += 1
        want = "PieChart" if kind == "pie" else "BarChart"
        check(type(ch).__name__ == want and (kind == "pie" or ch.type == "col"),
              f"图{n}: a {want}, found {type(ch).__name__}")
        check(len(ch.series) == 1, f"图{n}: one series")
        if not ch.series:
            continue
        s = ch.series[0]
        check(s.dLbls is not None, f"图{n}: data labels")
        if kind == "pie":
            check(ch.legend is not None, f"图{n}: legend")
        labels = range_cells(ws, s.cat.strRef.f) if s.cat is not None and s.cat.strRef is not None else []
        values = range_cells(ws, s.val.numRef.f) if s.val is not None and s.val.numRef is not None else []
        check(len(labels) == len(values) >= 2, f"图{n}: categories and values, found {len(labels)}/{len(values)}")
        # the values: a column's amount cells, a pie's share cells (beside the amounts)
        off = 2 if kind == "pie" else 1
        for lc, vc in zip(labels, values):
            label = str(lc.value)
            check(vc.row == lc.row and vc.column == lc.column + off,
                  f"图{n}: {label}: the series value is the {'share' if off == 2 else 'amount'} cell of its row")
            ac = ws.cell(row=lc.row, column=lc.column + 1)
            ok = isinstance(ac.value, (int, float)) and "#,##0.00" in (ac.number_format or "")
            check(ok, f"图{n}: {label}: amount a number in #,##0.00, found {ac.value!r} {ac.number_format}")
            if not ok:
                continue
            v = Decimal(str(ac.value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            check(label in seg and f"{v:.2f}" in seg, f"图{n}: {label} {v:.2f} not in the PDF chart ({seg[:80]}…)")
            if kind == "pie":
                sc = ws.cell(row=ac.row, column=ac.column + 1)
                ok = isinstance(sc.value, (int, float)) and "0.00%" in (sc.number_format or "")
                check(ok, f"图{n}: {label}: share a number in 0.00%, found {sc.value!r} {sc.number_format}")
                if ok:
                    p = (Decimal(str(sc.value)) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                    # a zero share prints as "0%" (facts.yaml zero_percent_plain, the default)
                    shown = [f"{p:.2f}%"] + (["0%"] if p == 0 else [])
                    check(any(t in seg for t in shown), f"图{n}: {label} {p:.2f}% not in the PDF chart")
    check(n_charts == len(ws._charts), f"图表: every chart under a caption ({n_charts} of {len(ws._charts)})")
    if uid == "leshan-2024":  # the figures the text prints, spelled out once
        r1 = caption_at.get("图1：收、支决算总计变动情况")
        ch = next((c for a, c in sorted(by_row.items()) if r1 is not None and a >= r1), None)
        fig1 = [c.value for c in range_cells(ws, ch.series[0].val.numRef.f)] if ch and ch.series else None
        check(fig1 == [4010.58, 3313.32], f"Leshan 图1: 4010.58 and 3313.32, found {fig1}")

if os.path.basename(unit_dir.rstrip("/")) == "leshan-2024":
    check(empty.get("11") and "本单位本年度无国有资本经营预算财政拨款收入和支出，故本表无数据。" in "".join(pages),
          "Leshan: 国有资本经营 empty-table note in the PDF")

finish()
