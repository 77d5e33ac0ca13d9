#!/usr/bin/env python3
"""big_unit.py — make a unit with about 10x the table rows of an example,
for `make bench` (the cost of a build should grow with the rows, no faster).

    big_unit.py SRC_UNIT DEST_UNIT [FACTOR]

Copies SRC_UNIT as a unit FACTOR (default 10) times as large: every amount
of the tables and the money figures of unit.yaml (previous year, 三公
amounts, 机关运行经费, 政府采购) are multiplied by FACTOR, and every leaf row
of the subject tables (a 项 of 支出功能分类, 7 digits; a 款 of 支出经济分类,
5 digits: 公开02/03/05/06/07/08/09表) becomes FACTOR rows: the original code
and FACTOR-1 new codes that share all but its last two digits, each with
the original amounts (where a 类 has no room for that many codes, fewer
rows with a multiple of the amounts: 5 rows of 2x, 2 of 5x). Every sum, subtotal and identity within and across
the tables stays exact (the split is linear). The new codes go into a
profile of the unit (DEST_UNIT/profile/catalog/*.csv, named after the
original subject with 分项N); each new 项 gets the original 年初预算
(unit.yaml budget:). Codes of 公开10表 (政府性基金) stay whole. Run from the
project root. Deterministic: the same input gives the same unit.
"""
import csv
import io
import os
import re
import shutil
import sys
from decimal import Decimal

TABLES = ("02_", "03_", "05_", "06_", "07_", "08_", "09_")
# 项 of 支出功能分类 (7 digits: 类 3, 款 2, 项 2) and 款 of 支出经济分类
# (5 digits: 类 3, 款 2): the rows that are split, new codes sharing all
# but the last two digits
LEAF = re.compile(r"\d{7}|3\d{4}")


AMOUNT = re.compile(r"-?\d+\.\d+")


def scaled(text, factor):
    """A decimal figure times `factor`, with as many decimals as it had."""
    d = Decimal(text)
    return str((d * factor).quantize(d))


def main():
    src, dest = sys.argv[1], sys.argv[2]
    factor = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    tdir = os.path.join(dest, "tables")
    names = sorted(os.listdir(tdir))
    fund_codes = set()
    for f in names:
        if f.startswith("10_"):
            with open(os.path.join(tdir, f), encoding="utf-8") as fh:
                fund_codes |= {r[0] for r in csv.reader(fh) if r and r[0]}
    # the new codes of each split 项: the unused two-digit endings of its 款
    used, split_codes = set(), set()
    for f in names:
        with open(os.path.join(tdir, f), encoding="utf-8") as fh:
            codes = {r[0] for r in csv.reader(fh) if r and LEAF.fullmatch(r[0])}
        used |= codes
        if f.startswith(TABLES):
            split_codes |= codes - fund_codes
    catalog, notes = {}, {}
    for cat in ("functions", "economic"):
        with open(f"templates/catalog/{cat}.csv", encoding="utf-8") as fh:
            for r in csv.reader(fh):
                if r and r[0].isdigit():
                    catalog[r[0]] = r[1]
                    notes[r[0]] = r[2] if len(r) > 2 else ""
                    used.add(r[0])
    new_codes, new_names = {}, {}
    for code in sorted(split_codes):
        stem = code[:-2]
        pool = [f"{stem}{k:02d}" for k in range(10, 99) if f"{stem}{k:02d}" not in used]
        # k rows of FACTOR/k times the amounts: the largest divisor k of
        # FACTOR there are free codes for (all FACTOR when the 类 has room)
        k = max(d for d in range(1, factor + 1) if factor % d == 0 and d - 1 <= len(pool))
        mine = pool[: k - 1]
        used |= set(mine)
        new_codes[code] = [code] + mine
        for i, c in enumerate(mine):
            new_names[c] = f"{catalog.get(code, '其他支出')}（分项{i + 2}）"
            notes[c] = notes.get(code, "")
    emitted = set()
    in06 = {}  # the codes each split 项 became in 公开06表 (where budget: belongs)
    for f in names:
        path = os.path.join(tdir, f)
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        out = [rows[0]]
        block = []  # the 项 rows of one 款, to be sorted by code

        def flush():
            out.extend(sorted(block, key=lambda r: r[0]))
            block.clear()

        skip = {i for i, h in enumerate(rows[0]) if h == "行次"}
        for r in rows[1:]:
            code = r[0]
            big = [scaled(x, factor) if i not in skip and AMOUNT.fullmatch(x) else x for i, x in enumerate(r)]
            if not (f.startswith(TABLES) and LEAF.fullmatch(code) and code in new_codes):
                flush()
                out.append(big)
                continue
            for i, c in enumerate(new_codes[code]):
                if i:
                    emitted.add(c)
                if f.startswith("06_"):
                    in06.setdefault(code, []).append(c)
                each = factor // len(new_codes[code])
                vals = [scaled(x, each) if AMOUNT.fullmatch(x) else x for x in r[2:]]
                block.append([c, r[1] if i == 0 else new_names[c]] + vals)
        flush()
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(out)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
    # the profile: the new subjects in the unit's own catalogs
    pdir = os.path.join(dest, "profile", "catalog")
    os.makedirs(pdir, exist_ok=True)
    for cat, economic in (("functions", False), ("economic", True)):
        with open(os.path.join(pdir, cat + ".csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["科目编码", "科目名称", "说明"])
            for c in sorted(emitted):
                if (len(c) == 5) == economic:
                    w.writerow([c, new_names[c], notes[c]])
    # unit.yaml: the profile; money figures scaled; the budget of each new 项
    ypath = os.path.join(dest, "unit.yaml")
    with open(ypath, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    out, block_key = ["profile: ./profile"], ""
    money = re.compile(r"(\b(?:amount|admin_operating|goods|works|services|sme|small_micro)\s*:\s*)(-?\d+(?:\.\d+)?)")
    for line in lines:
        m = re.match(r"^([a-z_]+):", line)
        if m:
            block_key = m.group(1)
        b = re.match(r'^(  "(\d{7})":\s*)([0-9.]+)(.*)$', line) if block_key == "budget" else None
        if b and b.group(2) in in06:
            for c in in06[b.group(2)]:
                out.append(f'  "{c}": {b.group(3)}')
            continue
        r = re.match(r'^(    "(\d{7})":)(.*)$', line) if block_key == "reasons" else None
        if r and r.group(2) in in06:  # reasons.subjects: the same reason for each part
            for c in in06[r.group(2)]:
                out.append(f'    "{c}":{r.group(3)}')
            continue
        if block_key == "previous":
            line = re.sub(r"^(\s+[a-z_]+:\s+)(-?\d+(?:\.\d+)?)", lambda x: x.group(1) + scaled(x.group(2), factor), line)
        elif block_key in ("three_public", "other"):
            line = money.sub(lambda x: x.group(1) + scaled(x.group(2), factor), line)
        out.append(line)
    with open(ypath, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


if __name__ == "__main__":
    main()
