#!/usr/bin/env python3
"""gen_units.py — N synthetic but valid unit folders, for batch tests and
`make bench` (issue 12). Python 3 standard library only.

    gen_units.py OUT_DIR N [SEED]

Writes OUT_DIR/gen-0001 … gen-N (OUT_DIR is emptied first). The same N and
SEED (default 1) give the same folders, byte for byte. Each unit is one of
the three examples with tables, varied:

  - input/leshan-2024: a 单位 with 三公 and 政府性基金 (its 17 项目 自评表
    are kept in one unit of four, so most units build one PDF of ~40 pages);
  - input/demo-dept-2024: a 部门 with five constituent units (部门决算单位
    构成), no 三公 at all, 政府性基金 (without its 部门整体 report and 附件);
  - input/county-agri-2024: a 单位 with no 政府性基金 (公开10表 empty) and,
    in one unit of five, its own profile (./profile).

and then, from the unit's random generator (SEED and the unit number):

  - another place name (乐山市 / 示例市 / 示例县 become one of 40 names);
  - every amount of the tables and the money of unit.yaml (previous year,
    年初预算, 三公, 机关运行经费, 政府采购) times a whole factor F (1–9), so
    every sum and identity stays exact;
  - about a third of the leaf subjects (项 of 支出功能分类, 款 of 支出经济分类,
    outside 公开10表) split in two: the original code keeps A/F of the row
    and a sibling subject from templates/catalog that the unit does not use
    (same 款 or 类, catalog name) gets (F-A)/F; A may be 0 or F, so some
    rows are all zeros (zero rows). Subjects so come from many 类 and 款.
    年初预算 and the 项's reason (reasons.subjects) follow each part (a part
    with nothing gets neither).

Every unit passes `juesuan check` with no error (tests/e2e/test_batch.sh
checks 20). Run from the project root.
"""
import csv
import io
import os
import random
import re
import shutil
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from big_unit import AMOUNT, LEAF, TABLES, scaled  # noqa: E402

BASES = (
    ("input/leshan-2024", "乐山市"),
    ("input/demo-dept-2024", "示例市"),
    ("input/county-agri-2024", "示例县"),
)
PLACES = [a + b for a in "东西南北清河青白云安" for b in "山江湖岭"]


# 三公 经济分类 款 that 公开13表 repeats (templates/checks/identities.yaml): never split
THREE_PUBLIC = {"30212", "30217", "30231", "31013"}


def in_year(span, year):
    """Whether a catalog row's 适用年度 ("2021", "2021-", "-2020", "2019-2020", "") covers `year`."""
    if not span:
        return True
    lo, _, hi = span.partition("-") if "-" in span else (span, "", span)
    return (not lo or int(lo) <= year) and (not hi or year <= int(hi))


def catalog(year=2024):
    """Code -> the catalog name in force in `year`."""
    names = {}
    for cat in ("functions", "economic"):
        with open(f"templates/catalog/{cat}.csv", encoding="utf-8") as fh:
            for r in csv.reader(fh):
                if r and r[0].isdigit() and in_year(r[3] if len(r) > 3 else "", year):
                    names[r[0]] = r[1]
    return names


def times(text, m):
    """A decimal figure times the whole number m, as many decimals as it had."""
    if m == 0:
        d = Decimal(text)
        return str(Decimal(0).quantize(d))
    return scaled(text, m)


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(path, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())


def make_unit(dest, index, seed, names):
    rng = random.Random(seed * 1000003 + index)
    src, place = BASES[index % len(BASES)]
    shutil.copytree(src, dest)
    if (src.endswith("leshan-2024") and index % 4 != 0) or src.endswith("demo-dept-2024"):
        # 自评表 in one Leshan unit of four; demo-dept's 部门整体 report states
        # figures of single subjects, which the split below would move
        shutil.rmtree(os.path.join(dest, "performance"), ignore_errors=True)
    factor = rng.randint(1, 9)
    tdir = os.path.join(dest, "tables")
    files = sorted(os.listdir(tdir))
    fund, used = set(), set()
    for f in files:
        codes = {r[0] for r in read_rows(os.path.join(tdir, f))[1:] if r and r[0]}
        used |= codes
        if f.startswith("10_"):
            fund |= codes
    # which leaf subjects are split, into which sibling, at which share
    leaves = sorted({r[0] for f in files if f.startswith(TABLES)
                     for r in read_rows(os.path.join(tdir, f))[1:] if r and LEAF.fullmatch(r[0])} - fund - THREE_PUBLIC)
    split = {}  # code -> (sibling, share of the original out of factor)
    for code in leaves:
        if rng.random() >= 0.35:
            continue
        stem = code[:-2]
        free = sorted(c for c in names if len(c) == len(code) and c.startswith(stem) and c not in used | THREE_PUBLIC)
        if not free:
            continue
        sib = rng.choice(free)
        used.add(sib)
        split[code] = (sib, rng.randint(0, factor))
    for f in files:
        path = os.path.join(tdir, f)
        rows = read_rows(path)
        skip = {i for i, h in enumerate(rows[0]) if h == "行次"}
        out, block = [rows[0]], []

        def flush():
            out.extend(sorted(block, key=lambda r: r[0]))
            block.clear()

        for r in rows[1:]:
            code = r[0] if r else ""
            leaf = f.startswith(TABLES) and LEAF.fullmatch(code)
            if not leaf:
                flush()
                out.append([times(x, factor) if i not in skip and AMOUNT.fullmatch(x) else x for i, x in enumerate(r)])
                continue
            if code not in split:
                block.append([times(x, factor) if AMOUNT.fullmatch(x) else x for x in r])
                continue
            sib, a = split[code]
            block.append(r[:2] + [times(x, a) if AMOUNT.fullmatch(x) else x for x in r[2:]])
            block.append([sib, names[sib]] + [times(x, factor - a) if AMOUNT.fullmatch(x) else x for x in r[2:]])
        flush()
        write_rows(path, out)
    # unit.yaml: the place, money times the factor, budget and reasons per part
    ypath = os.path.join(dest, "unit.yaml")
    with open(ypath, encoding="utf-8") as fh:
        lines = fh.read().replace(place, PLACES[rng.randrange(len(PLACES))] + place[-1]).split("\n")
    if src.endswith("county-agri-2024") and index % 5 != 2:  # the profile in one county unit of five
        lines = [l for l in lines if not l.startswith("profile:")]
        shutil.rmtree(os.path.join(dest, "profile"))
    if src.endswith("demo-dept-2024"):  # 附件1 was that report
        drop, kept = False, []
        for l in lines:
            if re.match(r"^[a-z_]+:", l):
                drop = l.startswith("attachments:")
            if not drop:
                kept.append(l)
        lines = kept
    money = re.compile(r"(\b(?:amount|admin_operating|goods|works|services|sme|small_micro)\s*:\s*)(-?\d+(?:\.\d+)?)")
    out, key = [], ""
    for line in lines:
        m = re.match(r"^([a-z_]+):", line)
        if m:
            key = m.group(1)
        b = re.match(r'^(\s+)"(\d{7})":\s*([0-9.]+)(.*)$', line) if key == "budget" else None
        if b:
            indent, code, amount = b.group(1), b.group(2), b.group(3)
            parts = [(code, split[code][1]), (split[code][0], factor - split[code][1])] if code in split \
                else [(code, factor)]
            out += [f'{indent}"{c}": {times(amount, k)}' for c, k in parts if k]
            continue
        r = re.match(r'^(\s+)"(\d{7})":(.*)$', line) if key == "reasons" else None
        if r:
            code = r.group(2)
            parts = [(code, split[code][1]), (split[code][0], factor - split[code][1])] if code in split \
                else [(code, factor)]
            out += [f'{r.group(1)}"{c}":{r.group(3)}' for c, k in parts if k]
            continue
        if key == "previous":
            line = re.sub(r"^(\s+[a-z_]+:\s+)(-?\d+(?:\.\d+)?)", lambda x: x.group(1) + times(x.group(2), factor), line)
        elif key in ("three_public", "other"):
            line = money.sub(lambda x: x.group(1) + times(x.group(2), factor), line)
        out.append(line)
    with open(ypath, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    names = catalog()
    width = max(4, len(str(n)))
    for i in range(1, n + 1):
        make_unit(os.path.join(out, f"gen-{i:0{width}d}"), i, seed, names)


if __name__ == "__main__":
    main()
