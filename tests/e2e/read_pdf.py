"""Read a finished 决算公开 PDF the way an outside checker does: from the text
pdftotext extracts (not from juesuan's facts), test the document against
itself.

Usage: read_pdf.py DOC.pdf                   (runs pdftotext itself)
       read_pdf.py --text RAW LAYOUT TABLES  (texts made by `pdftotext` and
                                              `pdftotext -layout`, and the
                                              tables by `pdf_tables.py DOC.pdf`,
                                              for self-tests)

The tables' figures are read cell by cell, by the position of the ruled
cells (pdf_tables.py): a blank cell is a zero in its own column.

Checks, each printed as "FAIL what" when it fails:
- narrative figures against the printed tables: 收、支总计 (公开01表), 本年收入合计
  and each income with its share (公开01表), 本年支出合计, 基本支出 and 项目支出
  with their shares (公开01/03表), 财政拨款收、支总计 (公开04表), 一般公共预算财政拨款
  支出 with its share and each 类 with its share (公开06表), each 项's 决算 and
  预算 with the completion rate (公开06表), 基本支出 = 人员经费 + 公用经费 (公开06/
  08表), “三公” 决算, 预算 and each item with its share (公开13表), 政府性基金
  支出 (公开04表). A share or rate is checked against the printed figures
  within what their rounding allows;
- 大于/小于/等于 against 决算 and 预算, 增加/减少 and 增长/下降 against this
  year's and last year's figures (and the difference and rate they print);
- a reason wherever 决算 ≠ 预算;
- every year is the 决算 year, the year before or the year of publication;
  every amount is in 万元 and every table says 单位：万元;
- no leftover placeholders (XXX, ××, 【】, {{ }}) and no doubled words or
  punctuation in 第一部分 and 第二部分;
- every empty or all-zero table carries its 本表无数据 note (and only those);
- the 目录 lists as many 附表 as the document prints, with the same titles.
Prints "N passed, N failed"; exits 1 when a check failed."""
import re
import subprocess
import sys
from decimal import Decimal

from pdf_tables import by_label, load, read_tables
from tally import check, finish



def D(s):
    return s if isinstance(s, Decimal) else Decimal(s.replace(",", ""))


AMOUNT = r"(\d[\d,]*\.\d+)"
CENT = Decimal("0.01")


def share_ok(pct, part, whole):
    """A printed share of printed (2-decimal, rounded) figures: the exact
    share may lie anywhere their rounding allows, then rounded to 0.01%."""
    pct, part, whole = D(pct), D(part), D(whole)
    if whole == 0:
        return pct == 0
    h = Decimal("0.005")
    lo = (max(part - h, Decimal(0)) / (whole + h)) * 100
    hi = ((part + h) / max(whole - h, Decimal("0.001"))) * 100
    return lo - h <= pct <= hi + h


def same(a, b):
    return D(a) == D(b)


def near(a, b, cents=1):
    """Printed figures that were rounded separately: within `cents` × 0.01."""
    return abs(D(a) - D(b)) <= CENT * cents


# ---- the text ----------------------------------------------------------------

if sys.argv[1] == "--text":
    raw = open(sys.argv[2], encoding="utf-8").read()
    layout = open(sys.argv[3], encoding="utf-8").read()
    T = by_label(load(open(sys.argv[4], encoding="utf-8").read()))
else:
    pdf = sys.argv[1]
    raw = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    layout = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    T = by_label(read_tables(pdf))

lines = [l for l in raw.replace("\f", "\n").split("\n") if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", l)]
flat = "".join(lines).replace(" ", "")

m = re.search(r"(\d{4})年度", flat)
year = int(m.group(1)) if check(m, "the cover names the 决算 year") else 0
pub = re.search(r"公开时间：(\d{4})年", flat)
pub_year = int(pub.group(1)) if pub else year + 1

# the narrative: 第二部分 (the heading followed by its first section) up to 第三部分
start = re.search(r"第二部分\d{4}年度(?:单位|部门)决算情况说明一、", flat)
check(start, "第二部分 is there")
end = flat.find("第三部分名词解释", start.end() if start else 0)
narrative = flat[start.start():end] if start else ""
front = flat[:end]  # 目录, 第一部分 and 第二部分

# ---- the tables (layout text) ------------------------------------------------

pages = layout.split("\f")
tables = {}  # "01" -> text of its page(s)
order = []
current = None
for p in pages:
    lab = re.search(r"公开(\d\d)表", p)
    if lab:
        current = lab.group(1)
        order.append(current)
        tables[current] = p
    elif current and not re.search(r"第[一二三四五]部分", p):
        tables[current] += p


def nums(line):
    return re.findall(r"-?\d[\d,]*\.\d{2,6}", line)


def row_amounts(no, label):
    """The amounts of 公开{no}表's body row with a cell `label`, column by
    column (a blank cell: 0.00)."""
    t = T.get(no)
    return t.amounts(t.row_with(label)) if t else []


def subject_rows(no):
    """code -> (name, first amount) of a subject table's rows."""
    out = {}
    t = T.get(no)
    for row in t.body() if t else []:
        if row[0] and re.fullmatch(r"\d{3}|\d{5}|\d{7}", row[0]):
            n = t.amounts(row)
            out[row[0]] = (row[1], n[0] if n else "0.00")
    return out


check(len(tables) > 0, "the 附表 are there")

# every table says 单位：万元; empty or all-zero tables (and only those) carry 本表无数据
for no, text in tables.items():
    check("单位：万元" in text, f"公开{no}表 says 单位：万元")
    body = text.split("单位：万元", 1)[-1]
    amounts = [D(x) for x in nums(body)]
    empty = all(a == 0 for a in amounts)
    note = "本表无数据" in text
    check(empty == note, f"公开{no}表: {'all-zero or empty' if empty else 'has figures'} but "
          f"{'carries' if note else 'lacks'} the 本表无数据 note")

# the 目录 lists the tables the document prints
toc_end = flat.find("第一部分", flat.find("第五部分"))
toc = flat[flat.find("第五部分"):toc_end] if "第五部分" in flat else ""
toc_titles = re.findall(r"[一二三四五六七八九十]+、([^.、]+?)\.\.", toc)
printed_titles = []
for no in order:
    m = re.search(r"公开\d\d表\s*\n\s*\n?\s*(\S+)", tables[no])
    printed_titles.append(m.group(1) if m else "?")
check(len(toc_titles) == len(tables), f"目录 lists {len(toc_titles)} 附表, the document prints {len(tables)}")
check(toc_titles == printed_titles, f"目录 titles {toc_titles} = printed titles {printed_titles}")

# ---- the narrative against the tables ------------------------------------------

t01_grand = row_amounts("01", "总计")
t01_totals = row_amounts("01", "本年收入合计")
m = re.search(r"收、支总计均为" + AMOUNT + "万元", narrative)
if check(m and t01_grand, "收、支总计 is stated"):
    check(same(m.group(1), t01_grand[0]), f"收、支总计 {m.group(1)} = 公开01表 总计 {t01_grand[0]}")

m = re.search(r"本年收入合计" + AMOUNT + r"万元，其中：([^。]*)。", narrative)
if check(m and t01_totals, "本年收入合计 is stated"):
    total = m.group(1)
    check(same(total, t01_totals[0]), f"本年收入合计 {total} = 公开01表 {t01_totals[0]}")
    for name, amount, pct in re.findall(r"([^：；，]+?)" + AMOUNT + r"万元，占(\d+(?:\.\d+)?)%", m.group(2)):
        row = next((r for r in T["01"].body() if r[0] and r[0].endswith("、" + name)), None) if "01" in T else None
        want = T["01"].amounts(row)[:1] if row else []
        check(want and same(amount, want[0]), f"{name} {amount} = 公开01表 {want}")
        check(share_ok(pct, amount, total), f"{name}: {pct}% of {total}")

m = re.search(r"本年支出合计" + AMOUNT + r"万元，其中：基本支出" + AMOUNT + r"万元，占(\d+(?:\.\d+)?)%；项目支出"
              + AMOUNT + r"万元，占(\d+(?:\.\d+)?)%", narrative)
t03 = row_amounts("03", "合计")
if check(m and len(t01_totals) > 1 and len(t03) >= 3, "本年支出合计, 基本支出 and 项目支出 are stated"):
    check(same(m.group(1), t01_totals[1]), f"本年支出合计 {m.group(1)} = 公开01表 {t01_totals[1]}")
    check(same(m.group(2), t03[1]) and same(m.group(4), t03[2]), f"基本/项目支出 {m.group(2)}/{m.group(4)} = 公开03表 {t03}")
    check(share_ok(m.group(3), m.group(2), m.group(1)) and share_ok(m.group(5), m.group(4), m.group(1)),
          "基本/项目支出 shares")

m = re.search(r"财政拨款收、支总计均为" + AMOUNT + "万元", narrative)
t04 = row_amounts("04", "总计")
if check(m and t04, "财政拨款收、支总计 is stated"):
    check(same(m.group(1), t04[0]), f"财政拨款收、支总计 {m.group(1)} = 公开04表 总计 {t04[0]}")

t06 = row_amounts("06", "合计")
rows06 = subject_rows("06")
m = re.search(r"一般公共预算财政拨款支出" + AMOUNT + r"万元，占本年支出合计的(\d+\.\d+)%", narrative)
if check(m and t06, "一般公共预算财政拨款支出 is stated"):
    check(same(m.group(1), t06[0]), f"一般公共预算财政拨款支出 {m.group(1)} = 公开06表 合计 {t06[0]}")
    if len(t01_totals) > 1:
        check(share_ok(m.group(2), m.group(1), t01_totals[1]), f"一般公共预算财政拨款支出 share {m.group(2)}%")
m = re.search(r"主要用于以下方面：([^。]*)。", narrative)
if check(m and t06, "the 类 of 一般公共预算财政拨款支出 are listed"):
    classes = {v[0]: v[1] for k, v in rows06.items() if len(k) == 3}
    listed = re.findall(r"([^：；，]+?)（类）" + AMOUNT + r"万元，占(\d+(?:\.\d+)?)%", m.group(1))
    check(len(listed) == len(classes), f"{len(listed)} 类 listed, 公开06表 has {len(classes)}")
    for name, amount, pct in listed:
        check(name in classes and same(amount, classes[name]), f"{name}（类） {amount} = 公开06表 {classes.get(name)}")
        check(share_ok(pct, amount, t06[0]), f"{name}（类） share {pct}%")

# each 项: 决算, 预算, completion, 大于/小于/等于 and the reason
m = re.search(r"决算数为" + AMOUNT + r"万元，完成预算" + AMOUNT + r"万元的(\d+(?:\.\d+)?)%。其中：", narrative)
if check(m and t06, "the 一般公共预算 决算 against the 预算 is stated"):
    check(same(m.group(1), t06[0]), f"决算数 {m.group(1)} = 公开06表 合计 {t06[0]}")
    check(share_ok(m.group(3), m.group(1), m.group(2)), f"完成预算 {m.group(3)}%")
items = re.findall(r"\d+\.[^：。]*?（款）([^：。（]+)（项）：支出决算为" + AMOUNT + r"万元，(?:完成预算" + AMOUNT
                   + r"万元的(\d+(?:\.\d+)?)%|(年初未安排预算))，决算数(大于|小于|等于)预算数(的主要原因是[^。]+)?。",
                   narrative)
leaves = {v[0]: v[1] for k, v in rows06.items() if len(k) == 7}
check(len(items) == len(leaves), f"{len(items)} 项 described, 公开06表 has {len(leaves)}")
for name, final, budget, rate, none, word, reason in items:
    budget = "0.00" if none else budget
    check(name in leaves and same(final, leaves[name]), f"{name}（项） {final} = 公开06表 {leaves.get(name)}")
    want = "大于" if D(final) > D(budget) else "小于" if D(final) < D(budget) else "等于"
    check(word == want, f"{name}（项）: 决算 {final}, 预算 {budget}, but the text says {word}")
    check(bool(reason) == (D(final) != D(budget)), f"{name}（项）: 决算 ≠ 预算 needs a reason (and only then)")
    if rate:
        check(share_ok(rate, final, budget), f"{name}（项） 完成预算 {rate}%")

# 基本支出 = 人员经费 + 公用经费
m = re.search(r"一般公共预算财政拨款基本支出" + AMOUNT + r"万元，其中：人员经费" + AMOUNT + r"万元.{0,400}?公用经费" + AMOUNT
              + "万元", narrative)
t08 = row_amounts("08", "人员经费合计")
if check(m and len(t08) == 2 and len(t06) > 1, "基本支出, 人员经费 and 公用经费 are stated"):
    check(same(m.group(1), t06[1]), f"基本支出 {m.group(1)} = 公开06表 {t06[1]}")
    check(same(m.group(2), t08[0]) and same(m.group(3), t08[1]),
          f"人员/公用经费 {m.group(2)}/{m.group(3)} = 公开08表 {t08[0]}/{t08[1]}")
    check(near(D(m.group(2)) + D(m.group(3)), m.group(1)), "人员经费 + 公用经费 = 基本支出")

# “三公”
t13 = T["13"].amounts(T["13"].body()[0]) if "13" in T and T["13"].body() else []
check(len(t13) == 12, "公开13表 prints its 12 figures")
m = re.search(r"“三公”经费财政拨款支出决算为" + AMOUNT + r"万元，完成预算" + AMOUNT + r"万元的(\d+(?:\.\d+)?)%", narrative)
if len(t13) == 12 and D(t13[1]) != 0 and check(m, "“三公” 决算 and 预算 are stated"):
    check(same(m.group(1), t13[1]) and same(m.group(2), t13[0]), f"“三公” {m.group(1)}/{m.group(2)} = 公开13表 {t13[1]}/{t13[0]}")
    check(share_ok(m.group(3), m.group(1), m.group(2)), f"“三公” 完成预算 {m.group(3)}%")
    tail = narrative[m.end():m.end() + 400]
    differs = D(t13[1]) != D(t13[0])
    word = "小于" if D(t13[1]) < D(t13[0]) else "大于"
    check((f"决算数{word}预算数的主要原因" in tail) == differs, "“三公” 决算 ≠ 预算 has its reason (and the right word)")
    for name, i in (("因公出国（境）费", 3), ("公务用车购置及运行维护费", 5), ("公务接待费", 11)):
        s = re.search(re.escape(name) + r"支出决算" + AMOUNT + r"万元，占(\d+(?:\.\d+)?)%", narrative)
        if check(s, f"“三公” {name} is stated"):
            check(same(s.group(1), t13[i]), f"“三公” {name} {s.group(1)} = 公开13表 {t13[i]}")
            check(share_ok(s.group(2), s.group(1), t13[1]), f"“三公” {name} share {s.group(2)}%")
elif len(t13) == 12:
    check(not m or D(m.group(1)) == 0, "no “三公” spending: the text states none")

t04_exp = row_amounts("04", "本年支出合计")
m = re.search(r"政府性基金预算财政拨款支出" + AMOUNT + "万元", narrative)
if m and len(t04_exp) >= 4:
    check(same(m.group(1), t04_exp[3]), f"政府性基金预算财政拨款支出 {m.group(1)} = 公开04表 {t04_exp[3]}")

# ---- words against signs -------------------------------------------------------

compare = re.compile(AMOUNT + r"万元(?:。与\d{4}年度|，比\d{4}年度|，较上年度|决算比\d{4}年度|比\d{4}年度)" + AMOUNT
                     + r"万元(?:相比，)?[^，。]*?(增加|减少)" + AMOUNT + r"万元，(增长|下降)(\d+(?:\.\d+)?)%")
n_compare = 0
for cur, prev, word, diff, word2, pct in compare.findall(narrative):
    n_compare += 1
    c, p = D(cur), D(prev)
    check((word == "增加") == (c > p) and c != p, f"{cur} against {prev}: {word}")
    check((word2 == "增长") == (word == "增加"), f"{word} goes with {word2}")
    check(near(abs(c - p), diff), f"{cur} − {prev}: the text says {diff}")
    if p != 0:
        check(share_ok(pct, diff, prev), f"{diff} of {prev}: the text says {pct}%")
# last year 0: the whole figure is the increase
for cur, word, diff, word2, pct in re.findall(AMOUNT + r"万元(?:，占[^。]*?)?。与\d{4}年度相比，[^，。]*?(增加|减少)" + AMOUNT
                                             + r"万元，(增长|下降)(\d+(?:\.\d+)?)%", narrative):
    n_compare += 1
    check(word == "增加" and word2 == "增长" and same(cur, diff) and D(pct) == 100,
          f"from nothing last year to {cur}: the text says {word} {diff}, {word2} {pct}%")
for cur, prev in re.findall(AMOUNT + r"万元。与\d{4}年度" + AMOUNT + r"万元相比[^。]*?持平", narrative):
    n_compare += 1
    check(same(cur, prev), f"持平 but {cur} against {prev}")
check(n_compare >= 3, f"the comparisons with last year are found ({n_compare})")

# ---- year, unit, placeholders, doubles -----------------------------------------

for y in re.findall(r"(\d{4})年", front):
    check(int(y) in (year - 1, year, pub_year), f"year {y} in the text (决算 year {year})")
for hit in re.findall(r"\d(?:\.\d+)?元", narrative):
    check(False, f"an amount in 元, not 万元: …{hit}")
for bad in ("XXX", "xxx", "××", "【", "】", "{{", "}}", "null", "NaN", "undefined"):
    check(bad not in flat, f"leftover placeholder {bad}")
for hit in re.findall(r"([，。、；：！？（）“”])\1", front):
    check(False, f"doubled punctuation {hit}{hit}")
for hit in re.findall(r"([\u4e00-\u9fff]{2,12})\1", front):
    check(False, f"doubled words {hit}{hit}")

finish()
