"""The one-cell typo sweep: every amount cell of input/leshan-2024's 13 CSVs
typed 0.01 too high (one at a time), each copy run through `juesuan check`.
Counts how many are errors (exit 1), warnings only (exit 0 with 警告) and
silent (exit 0, nothing said).

Usage: python3 tests/tools/typo_sweep.py [--yuan] [--every N] [--expect-all-errors]
  --yuan               first convert the unit to 元 (money_unit: 元, every amount
                       of the CSVs and of unit.yaml × 10000), then +0.01 元
  --every N            only every Nth cell (a sample; default: all)
  --expect-all-errors  exit 1 unless every typo is an error
JUESUAN_BIN names the binary (default ./juesuan). Run from the project root."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

args = sys.argv[1:]
yuan = "--yuan" in args
every = int(args[args.index("--every") + 1]) if "--every" in args else 1
expect_all = "--expect-all-errors" in args
binary = os.path.abspath(os.environ.get("JUESUAN_BIN", "./juesuan"))
NOT_AMOUNT = {"项目", "行次", "科目编码", "科目名称"}
SCALE = Decimal(10000)


def to_yuan(text):
    """An amount in 万元 as 元 (2 decimals)."""
    return f"{Decimal(text) * SCALE:.2f}"


def csv_rows(path):
    return open(path, encoding="utf-8-sig", newline="").read().split("\n")


def amount_cells(path):
    """(line index, column index) of every non-blank amount cell (the CSVs
    of the examples have no quoted cells)."""
    lines = csv_rows(path)
    header = lines[0].split(",")
    out = []
    for i, line in enumerate(lines[1:], 1):
        cells = line.split(",")
        for k, c in enumerate(cells):
            if k < len(header) and header[k] not in NOT_AMOUNT and c.strip():
                out.append((i, k))
    return out


def convert_unit(u):
    """money_unit: 元, every amount × 10000."""
    for name in sorted(os.listdir(f"{u}/tables")):
        p = f"{u}/tables/{name}"
        lines = csv_rows(p)
        header = lines[0].split(",")
        for i in range(1, len(lines)):
            cells = lines[i].split(",")
            for k, c in enumerate(cells):
                if k < len(header) and header[k] not in NOT_AMOUNT and c.strip():
                    cells[k] = to_yuan(c)
            lines[i] = ",".join(cells)
        open(p, "w", encoding="utf-8", newline="").write("\n".join(lines))
    y = open(f"{u}/unit.yaml", encoding="utf-8").read().split("\n")
    section = None
    money_keys = {"admin_operating", "goods", "works", "services", "sme", "small_micro"}
    for i, line in enumerate(y):
        m = re.match(r"([a-z_]+):", line)
        if m:
            section = m.group(1)
        if re.match(r"\s*money_unit:", line):
            y[i] = re.sub(r"money_unit:\s*\S+", "money_unit: 元", line)
            continue
        conv = lambda mm: mm.group(1) + to_yuan(mm.group(2))
        if section in ("previous", "budget"):
            y[i] = re.sub(r"^(\s+(?:\"\d+\"|[a-z_]+):\s*)(\d+(?:\.\d+)?)(?=\s|$)", conv, line)
        elif section == "other":
            k = re.match(r"\s+([a-z_]+):", line)
            if k and k.group(1) in money_keys:
                y[i] = re.sub(r"^(\s+[a-z_]+:\s*)(\d+(?:\.\d+)?)(?=\s|$)", conv, line)
        y[i] = re.sub(r"(amount:\s*)(\d+(?:\.\d+)?)", conv, y[i])
    open(f"{u}/unit.yaml", "w", encoding="utf-8").write("\n".join(y))


def run(u):
    r = subprocess.run([binary, "check", u], capture_output=True, text=True)
    return r.returncode, r.stderr


w = tempfile.mkdtemp()
try:
    base = f"{w}/base/leshan-2024"
    shutil.copytree("input/leshan-2024", base)
    if yuan:
        convert_unit(base)
    rc, err = run(base)
    if rc != 0:
        sys.exit(f"the unscathed unit does not pass (exit {rc}):\n{err[:2000]}")

    def warnings(text, unit):
        """The warning lines, without the unit's folder (a typo's copy is elsewhere)."""
        return {l.replace(unit, "") for l in text.splitlines() if "警告" in l}

    known = warnings(err, base)  # the unit's own documented warnings do not count
    step = Decimal("0.01")
    cells = [(name, i, k) for name in sorted(os.listdir(f"{base}/tables")) for i, k in amount_cells(f"{base}/tables/{name}")]
    counts = {"error": 0, "warning": 0, "silent": 0}
    n = 0
    for idx, (name, i, k) in enumerate(cells):
        if idx % every:
            continue
        n += 1
        u = f"{w}/t/leshan-2024"
        shutil.rmtree(f"{w}/t", ignore_errors=True)
        shutil.copytree(base, u)
        p = f"{u}/tables/{name}"
        lines = csv_rows(p)
        cs = lines[i].split(",")
        old = cs[k]
        places = len(old.split(".")[1]) if "." in old else 0
        cs[k] = f"{Decimal(old) + step:.{max(places, 2)}f}"
        lines[i] = ",".join(cs)
        open(p, "w", encoding="utf-8", newline="").write("\n".join(lines))
        rc, err = run(u)
        kind = "error" if rc == 1 else "warning" if warnings(err, u) - known else "silent" if rc == 0 else f"exit {rc}"
        counts[kind] = counts.get(kind, 0) + 1
        if kind != "error":
            print(f"{kind:8} {name}:{i + 1}:{k + 1} {old} -> {cs[k]}")
    print(f"{'元' if yuan else '万元'}: {n} of {len(cells)} one-cell +0.01 typos: "
          f"{counts['error']} errors, {counts['warning']} warnings only, {counts['silent']} silent")
    if expect_all and counts["error"] != n:
        sys.exit(1)
finally:
    shutil.rmtree(w)
