#!/bin/sh
# End to end: `juesuan init` writes a new unit folder (commented unit.yaml
# with every schema key, 13 CSVs with their headers, README stub), refuses to
# overwrite, and `juesuan check` on it lists everything still missing in one
# run; the keys marked required are exactly those juesuan cannot do without
# (each, removed from a copy of the Leshan example, makes `facts` fail; any
# other key removed is not reported missing). Run from the project root.
. tests/e2e/lib.sh

u="$w/new-unit"
"$bin" init "$u" >"$w/out" 2>"$w/err"; rc=$?
t "init exits 0" [ $rc = 0 ]
t "init prints the 15 files it wrote" [ "$(wc -l <"$w/out")" = 15 ]
t "unit.yaml written" [ -f "$u/unit.yaml" ]
t "README.md written" grep -q "数字从哪里来" "$u/README.md"
t "13 table CSVs written" [ "$(ls "$u"/tables/*.csv | wc -l)" = 13 ]
for f in templates/tables/[0-9][0-9].yaml; do
  file=$(sed -n 's/^file: *//p' "$f")
  t "tables/$file exists" [ -f "$u/tables/$file" ]
done
t "01: header row as the spec" [ "$(head -1 "$u/tables/01_收入支出决算总表.csv")" = "项目,行次,金额,项目,行次,金额" ]
t "01: fixed rows pre-filled, totals paired" grep -qx "本年收入合计,9,,本年支出合计,39," "$u/tables/01_收入支出决算总表.csv"
t "03: header row only" [ "$(cat "$u/tables/03_支出决算表.csv")" = "科目编码,科目名称,本年支出合计,基本支出,项目支出,上缴上级支出,经营支出,对附属单位补助支出" ]
t "13: the six rows" [ "$(wc -l <"$u/tables/13_财政拨款三公经费支出决算表.csv")" = 7 ]
t "unit.yaml marks required keys" grep -q "name: .*# 【必填】单位全称" "$u/unit.yaml"

# every key of the schema appears (the README lists them too)
"$py" - "$u/unit.yaml" gen/check/schema.c >"$w/keys.log" 2>&1 <<'EOF' && ok "every schema key is in unit.yaml" || no "every schema key is in unit.yaml" "$w/keys.log"
import re, sys, yaml
tree = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
paths = re.findall(r'^\s*\{"([a-z_0-9.#*]+)", Y_', open(sys.argv[2], encoding="utf-8").read(), re.M)
missing = []
for p in paths:
    if "#" in p or "*" in p:
        continue
    node = tree
    for part in p.split("."):
        if not isinstance(node, dict) or part not in node:
            missing.append(p); break
        node = node[part]
print("missing:", missing)
sys.exit(1 if missing or len(paths) < 50 else 0)
EOF

# refuses to overwrite: every file in the way named, nothing changed
cp "$u/unit.yaml" "$w/unit.yaml.before"
echo "# mine" >>"$u/unit.yaml"
"$bin" init "$u" >"$w/out2" 2>"$w/err2"; rc=$?
t "init into an existing unit exits 1" [ $rc = 1 ]
t "…naming unit.yaml" grep -q "new-unit/unit.yaml: 错误: 已经存在" "$w/err2"
t "…naming each table" [ "$(grep -c "tables/.*已经存在" "$w/err2")" = 13 ]
t "…and changing nothing" grep -q "^# mine" "$u/unit.yaml"
"$bin" init >/dev/null 2>&1; t "init without a folder exits 2" [ $? = 2 ]
"$bin" init "$w/a" "$w/b" >/dev/null 2>&1; t "init with two folders exits 2" [ $? = 2 ]
mkdir -p "$w/other" && echo x >"$w/other/book.xlsx"
"$bin" init "$w/other" >/dev/null 2>&1; t "init into a folder holding other files exits 0" [ $? = 0 ]

# check lists everything still missing, in one run
cp "$w/unit.yaml.before" "$u/unit.yaml"
"$bin" check "$u" >/dev/null 2>"$w/check"; rc=$?
t "check of the new unit exits 1" [ $rc = 1 ]
for k in unit.name unit.kind unit.year; do  # unit.published: only build needs it
  t "check: $k missing" grep -q "unit.yaml:[0-9]*:[0-9]*: 错误: unit.yaml 缺少 $k" "$w/check"
done
t "check: 01 has no data yet" grep -q "01_收入支出决算总表.csv:1:1: 错误 \[Y-MISSING\]" "$w/check"
sed -n 's/.*错误 \[Y-MISSING\]: unit.yaml 还缺 \([a-z_.]*\)：.*/\1/p' "$w/check" | sort >"$w/required"
t "check: at least 8 required keys listed" [ "$(wc -l <"$w/required")" -ge 8 ]
t "check: no other kind of error" [ "$(grep -c 错误 "$w/check")" = $(( $(wc -l <"$w/required") + 4 )) ]

# the required keys are those facts cannot do without
"$py" - "$w" "$bin" "$w/required" >"$w/req.log" 2>&1 <<'EOF' && ok "required keys = the keys facts needs" || no "required keys = the keys facts needs" "$w/req.log"
import os, shutil, subprocess, sys, yaml
w, bin_, req = sys.argv[1], sys.argv[2], sys.argv[3]
required = set(open(req, encoding="utf-8").read().split())
base = yaml.safe_load(open("input/leshan-2024/unit.yaml", encoding="utf-8"))
def leaves(node, prefix):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, f"{prefix}.{k}" if prefix else str(k))
        if prefix:
            yield prefix
    elif prefix:
        yield prefix
bad = []
for path in sorted(set(leaves(base, ""))):
    if path == "unit" or path.startswith("unit."):
        continue
    if any(r.startswith(path + ".") for r in required):
        continue  # a block holding required keys: its keys are tried one by one
    tree = yaml.safe_load(open("input/leshan-2024/unit.yaml", encoding="utf-8"))
    parts = path.split(".")
    node = tree
    for p in parts[:-1]:
        node = node[p]
    del node[parts[-1]]
    d = os.path.join(w, "req-unit")
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree("input/leshan-2024", d)
    with open(os.path.join(d, "unit.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(tree, f, allow_unicode=True, sort_keys=False)
    r = subprocess.run([bin_, "facts", d], capture_output=True, text=True)
    missing = r.returncode != 0 and ("缺少 " + path) in r.stderr or (path.startswith("overview.") and "overview." in r.stderr)
    if missing != (path in required):
        bad.append(f"{path}: required={path in required}, facts exit {r.returncode}: {r.stderr.strip()[:200]}")
print("\n".join(bad) or "all agree")
sys.exit(1 if bad else 0)
EOF

finish
