"""One quantity, one figure: every quantity a built document shows — in the
facts, the rendered text (juesuan markup), the PDF's text, the PDF's tables
and charts, and the workbook's table and chart cells — must show one value
everywhere (compared as printed: rounded to 0.01 万元).

Usage: one_figure.py FACTS.json MARKUP.txt DOC.pdf BOOK.xlsx

The quantities: 收、支总计, 本年收入合计 and each income, 本年支出合计, 基本支出,
项目支出, 财政拨款收、支总计, 一般公共预算财政拨款支出 and each of its 类 and 项,
its 基本支出, 人员经费 and 公用经费, 政府性基金预算财政拨款支出, “三公” 决算 and
预算 and each item. Each is looked up in every place that prints it; a
quantity found in fewer places than expected fails too (so a template change
cannot make the test pass by printing nothing).
Prints one line per quantity that fails and "N passed, N failed"."""
import json
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP

import openpyxl

from pdf_tables import by_label, read_tables
from tally import check, finish

facts_path, markup_path, pdf, book = sys.argv[1:5]


def shown(v):
    """A value as printed: Decimal rounded to 0.01 (None stays None)."""
    if v is None or v == "":
        return None
    if isinstance(v, float) or isinstance(v, int):
        v = repr(v)
    return Decimal(str(v).replace(",", "")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


places = {}  # quantity -> [(where, value)]


def put(q, where, v):
    if v is not None:
        places.setdefault(q, []).append((where, shown(v)))


# ---- sources -------------------------------------------------------------------

facts = json.load(open(facts_path, encoding="utf-8"))
markup = "".join(l for l in open(markup_path, encoding="utf-8").read().split("\n") if not l.startswith("@"))
raw = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
pdf_text = "".join(l for l in raw.replace("\f", "\n").split("\n")
                   if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", l)).replace(" ", "")
# the text of the PDF: 第二部分 (where the figures are told), not the tables
m = re.search(r"第二部分\d{4}年度(?:单位|部门)决算情况说明一、", pdf_text)
pdf_text = pdf_text[m.start():pdf_text.find("第三部分名词解释", m.end())] if m else ""
wb = openpyxl.load_workbook(book)
sheets = {name[:2]: wb[name] for name in wb.sheetnames if name[:2].isdigit()}


def fget(path):
    v = facts
    for k in path.split("."):
        if isinstance(v, dict):
            v = v.get(k)
        elif isinstance(v, list) and k.isdigit() and int(k) < len(v):
            v = v[int(k)]
        else:
            return None
    return v


# ---- workbook cells -----------------------------------------------------------------

def xrows(no):
    ws = sheets.get(no)
    return [list(r) for r in ws.iter_rows(values_only=True)] if ws else []


def xlabel(no, label, offset):
    """The cell `offset` columns right of the cell reading `label` (fixed tables)."""
    for r in xrows(no)[5:]:
        for i, v in enumerate(r):
            if v == label and i + offset < len(r):
                return r[i + offset]
    return None


def xsubject(no, code, header):
    """Row `code` ("合计" for the total row) of a subject sheet, column `header`."""
    rows = xrows(no)
    col = None
    for r in rows[3:6]:
        if header in r:
            col = r.index(header)
            break
    for r in rows[5:]:
        if col is not None and r and str(r[0]) == code:
            return r[col]
    return None


def xchart(caption):
    """label -> amount of the chart data under `caption` on the sheet 图表."""
    out = {}
    if "图表" not in wb.sheetnames:
        return out
    rows = [list(r) for r in wb["图表"].iter_rows(values_only=True)]
    for i, r in enumerate(rows):
        if r and r[0] == caption:
            for x in rows[i + 2:]:
                if not x or x[0] is None:
                    break
                out[str(x[0])] = x[1]
    return out


xt13 = None
for r in xrows("13"):
    if len(r) >= 12 and all(isinstance(v, (int, float)) for v in r[:12]):
        xt13 = r[:12]

# ---- PDF tables (cell by cell, by position: pdf_tables.py) -----------------------------

ptables = by_label(read_tables(pdf))


def pline(no, label):
    """The amounts of the body row with a cell `label` (a blank cell: 0.00)."""
    t = ptables.get(no)
    return t.amounts(t.row_with(label)) if t else []


def prow(no, code):
    """The first amount of the row of subject `code`."""
    n = pline(no, code)
    return n[0] if n else None


t13 = ptables.get("13")
pt13 = t13.amounts(t13.body()[0]) if t13 and t13.body() else []

# ---- the text (markup and PDF alike) -----------------------------------------------

A = r"(\d[\d,]*\.\d+)"


def texts(q, pattern, group=1):
    for where, t in (("markup", markup), ("PDF text", pdf_text)):
        for m in re.finditer(pattern, t):
            put(q, f"{where} “{m.group(0)[:40]}”", m.group(group))


# ---- the quantities -------------------------------------------------------------------

put("收、支总计", "facts totals.income", fget("totals.income"))
put("收、支总计", "facts totals.expenditure", fget("totals.expenditure"))
put("收、支总计", "workbook 公开01表 收入总计", xlabel("01", "总计", 2))
put("收、支总计", "workbook 公开01表 支出总计", [r for r in xrows("01") if r.count("总计") == 2 and r][0][5]
    if any(r.count("总计") == 2 for r in xrows("01")) else None)
for i, v in enumerate(pline("01", "总计")):
    put("收、支总计", f"PDF 公开01表 总计 #{i + 1}", v)
texts("收、支总计", r"(?<!拨款)收、支总计均为" + A)
ch1 = xchart("图1：收、支决算总计变动情况")
put("收、支总计", "workbook 图1", ch1.get(f"{fget('unit.year')}年度"))

put("本年收入合计", "facts income.total", fget("income.total"))
put("本年收入合计", "workbook 公开01表", xlabel("01", "本年收入合计", 2))
put("本年收入合计", "workbook 公开02表 合计", xsubject("02", "合计", "本年收入合计"))
put("本年收入合计", "PDF 公开01表", (pline("01", "本年收入合计") or [None])[0])
texts("本年收入合计", r"本年收入合计" + A)
for i, item in enumerate(fget("income.items") or []):
    q = item["name"]
    put(q, "facts income.items", item["amount"])
    put(q, "workbook 公开01表", next((r[2] for r in xrows("01")[5:] if isinstance(r[0], str) and r[0].endswith("、" + q)), None))
    put(q, "workbook 图2", xchart("图2：收入决算结构").get(q))
    texts(q, "；?" + re.escape(q) + A + "万元，占")

put("本年支出合计", "facts expenditure.total", fget("expenditure.total"))
put("本年支出合计", "workbook 公开01表", xlabel("01", "本年支出合计", 2))
put("本年支出合计", "workbook 公开03表 合计", xsubject("03", "合计", "本年支出合计"))
put("本年支出合计", "PDF 公开03表 合计", (pline("03", "合计") or [None])[0])
texts("本年支出合计", r"本年支出合计" + A)
for key, name in (("basic", "基本支出"), ("project", "项目支出")):
    q = "本年" + name
    put(q, f"facts expenditure.{key}", fget(f"expenditure.{key}"))
    put(q, "workbook 公开03表 合计", xsubject("03", "合计", name))
    put(q, "workbook 图3", xchart("图3：支出决算结构").get(name))
    texts(q, "其中：基本支出" + A if key == "basic" else "；项目支出" + A)

put("财政拨款收、支总计", "facts fiscal.income", fget("fiscal.income"))
put("财政拨款收、支总计", "facts fiscal.expenditure", fget("fiscal.expenditure"))
put("财政拨款收、支总计", "workbook 公开04表 收入总计", xlabel("04", "总计", 2))
put("财政拨款收、支总计", "PDF 公开04表 总计", (pline("04", "总计") or [None])[0])
put("财政拨款收、支总计", "workbook 图4", xchart("图4：财政拨款收、支决算总计变动情况").get(f"{fget('unit.year')}年度"))
texts("财政拨款收、支总计", r"财政拨款收、支总计均为" + A)

q = "一般公共预算财政拨款支出"
put(q, "facts general_budget.amount", fget("general_budget.amount"))
put(q, "facts general_budget.budget.final", fget("general_budget.budget.final"))
put(q, "workbook 公开04表 本年支出合计", xlabel("04", "本年支出合计", 3))
put(q, "workbook 公开05表 合计", xsubject("05", "合计", "一般公共预算财政拨款"))
put(q, "workbook 公开06表 合计", xsubject("06", "合计", "合计"))
put(q, "workbook 公开07表 合计", xsubject("07", "合计", "合计"))
put(q, "PDF 公开06表 合计", (pline("06", "合计") or [None])[0])
put(q, "workbook 图5", xchart("图5：一般公共预算财政拨款支出决算变动情况").get(f"{fget('unit.year')}年度"))
texts(q, r"一般公共预算财政拨款支出" + A + "万元，占本年")
texts(q, r"一般公共预算财政拨款支出决算数为" + A)

ch6 = xchart("图6：一般公共预算财政拨款支出决算结构")
rows06 = [r for r in xrows("06")[5:] if r and isinstance(r[0], str) and r[0].isdigit()]
for r in rows06:
    code, name = r[0], r[1]
    if len(code) == 3:
        q = f"{code} {name}（一般公共预算财政拨款）"
        put(q, "workbook 公开06表", r[2])
        put(q, "workbook 公开04表", next((x[6] for x in xrows("04")[5:] if isinstance(x[3], str) and x[3].endswith("、" + name)), None))
        put(q, "PDF 公开06表", prow("06", code))
        put(q, "workbook 图6", ch6.get(name))
        for c in fget("general_budget.classes") or []:
            if c["name"] == name:
                put(q, "facts general_budget.classes", c["amount"])
        texts(q, re.escape(name) + "（类）" + A + "万元，占")
    elif len(code) == 7:
        q = f"{code} {name}（项）"
        put(q, "workbook 公开06表", r[2])
        put(q, "PDF 公开06表", prow("06", code))
        for it in fget("general_budget.items") or []:
            if it.get("code") == code:
                put(q, "facts general_budget.items", it["final"])
        texts(q, "（款）" + re.escape(name) + r"（项）：支出决算为" + A)

q = "一般公共预算财政拨款基本支出"
put(q, "facts basic.total", fget("basic.total"))
put(q, "workbook 公开06表 合计", xsubject("06", "合计", "基本支出"))
put(q, "workbook 公开08表", None)
put(q, "PDF 公开06表 合计", (pline("06", "合计") or [None, None])[1])
texts(q, r"一般公共预算财政拨款基本支出" + A)
for key, name in (("personnel", "人员经费"), ("public", "公用经费")):
    put(name, f"facts basic.{key}.amount", fget(f"basic.{key}.amount"))
    put(name, "workbook 公开07表 合计", xsubject("07", "合计", name))
    put(name, "workbook 公开08表", xlabel("08", name + "合计", 2))
    put(name, "PDF 公开08表", (pline("08", name + "合计") + [None, None])[key != "personnel"])
    texts(name, ("其中：" if key == "personnel" else "。") + name + A + "万元")

q = "政府性基金预算财政拨款支出"
put(q, "facts government_fund.amount", fget("government_fund.amount"))
put(q, "workbook 公开04表 本年支出合计", xlabel("04", "本年支出合计", 4))
put(q, "workbook 公开05表 合计", xsubject("05", "合计", "政府性基金预算财政拨款"))
put(q, "workbook 公开10表 合计", xsubject("10", "合计", "小计"))
texts(q, r"政府性基金预算财政拨款支出" + A)

# “三公”: 公开13表's 12 columns are 合计, 出国, 用车小计, 购置, 运行, 接待 (预算数, 决算数 each)
THREE = [("合计", "total", 0, None), ("因公出国（境）费", "abroad", 2, "因公出国（境）费"),
         ("公务用车购置及运行维护费", "vehicle", 4, "公务用车购置及运行维护费"), ("公务用车购置费", "vehicle_purchase", 6, None),
         ("公务用车运行维护费", "vehicle_operation", 8, None), ("公务接待费", "reception", 10, "公务接待费")]
ch7 = xchart("图7：“三公”经费财政拨款支出结构")
for name, key, col, label in THREE:
    for k, off in (("budget", 0), ("final", 1)):
        q = f"“三公”{name}（{'预算数' if k == 'budget' else '决算数'}）"
        put(q, f"facts three_public.{key}.{k}", fget(f"three_public.{key}.{k}"))
        put(q, "workbook 公开13表", xt13[col + off] if xt13 else None)
        put(q, "PDF 公开13表", pt13[col + off] if len(pt13) == 12 else None)
        if k == "final" and label:
            put(q, "workbook 图7", ch7.get(label))
            texts(q, re.escape(name) + r"支出决算" + A + "万元，占")
    if key == "total":
        texts(f"“三公”合计（决算数）", r"“三公”经费财政拨款支出决算为" + A)
        texts(f"“三公”合计（预算数）", r"“三公”经费财政拨款支出决算为[\d.,]+万元，完成预算" + A)

# ---- one value each ------------------------------------------------------------------

MIN_PLACES = 2
for q, ps in sorted(places.items()):
    values = sorted({v for _, v in ps})
    check(len(values) == 1, f"{q}: {len(values)} figures — " + "; ".join(f"{w} {v}" for w, v in ps))
    check(len(ps) >= MIN_PLACES or all(v == 0 for _, v in ps),
          f"{q}: found in {len(ps)} places only: " + "; ".join(w for w, _ in ps))
check(len(places) >= 20, f"{len(places)} quantities found")
finish()
