#!/bin/sh
# End to end: `juesuan import` reads juesuan's own workbook of each example
# back into the same CSVs (byte for byte), which build byte-identical PDF and
# XLSX; reads a workbook laid out as the official forms (made here with
# openpyxl: tests/e2e/official_workbook.py — merged multi-row headers, 栏次,
# codes in their own column or before the name, amounts in 元 as numbers and
# as text) into the same figures; and refuses, naming the sheet!cell, what
# it cannot read exactly. Run from the project root.
. tests/e2e/lib.sh

same_tables() { # UNIT_A UNIT_B: every CSV byte-identical
  for f in "$1"/tables/*.csv; do cmp -s "$f" "$2/tables/$(basename "$f")" || { echo "differs: $(basename "$f")"; return 1; }; done
}

# --- juesuan's own workbook round-trips ---
for u in input/*/; do
  u=${u%/}; id=$(basename "$u")
  [ -d "$u/tables" ] || continue
  "$bin" build "$u" -o "$w/a" >/dev/null 2>"$w/err" || { no "$id: build" "$w/err"; continue; }
  book=$(ls "$w/a/$id"/*.xlsx | head -1)
  mkdir -p "$w/r" && cp -r "$u" "$w/r/$id" && rm -r "$w/r/$id/tables" # unit.yaml, profile, catalog
  "$bin" import "$book" -o "$w/r/$id" >"$w/out" 2>"$w/err"; rc=$?
  t "$id: import of its own workbook exits 0" [ $rc = 0 ]
  [ $rc = 0 ] || sed 's/^/     /' "$w/err" | head
  t "$id: import prints the 13 CSVs" [ "$(wc -l <"$w/out")" = 13 ]
  same_tables "$u" "$w/r/$id" >"$w/diff" 2>&1 && ok "$id: the same CSVs, byte for byte" || no "$id: the same CSVs, byte for byte" "$w/diff"
  "$bin" check "$w/r/$id" >/dev/null 2>"$w/err"; t "$id: check accepts them" [ $? = 0 ]
  "$bin" build "$w/r/$id" -o "$w/b" >/dev/null 2>"$w/err"
  for f in "$w/a/$id"/*; do
    t "$id: rebuilt $(basename "$f" | sed 's/.*\(附表\)*\.\(pdf\|xlsx\)$/\2/') byte-identical" cmp -s "$f" "$w/b/$id/$(basename "$f")"
  done
done

# --- a workbook laid out as the official forms, in 元 ---
"$py" tests/e2e/official_workbook.py input/leshan-2024 "$w/official.xlsx" 2>"$w/err" || no "official workbook made" "$w/err"
o="$w/official"; mkdir -p "$o" && cp input/leshan-2024/unit.yaml "$o/" && cp -r input/leshan-2024/performance "$o/"
"$bin" import "$w/official.xlsx" -o "$o" >"$w/out" 2>"$w/err"; rc=$?
t "official layout: import exits 0" [ $rc = 0 ]
[ $rc = 0 ] || sed 's/^/     /' "$w/err" | head
same_tables input/leshan-2024 "$o" >"$w/diff" 2>&1 && ok "official layout: the same figures (元 → 万元), the same CSVs" || no "official layout: the same figures (元 → 万元), the same CSVs" "$w/diff"
"$bin" check "$o" >/dev/null 2>&1; t "official layout: check accepts them" [ $? = 0 ]
"$bin" facts "$o" >"$w/f1" 2>/dev/null; "$bin" facts input/leshan-2024 >"$w/f2" 2>/dev/null
t "official layout: the same facts" cmp -s "$w/f1" "$w/f2"

# in 元 when asked (no unit.yaml yet)
"$bin" import "$w/official.xlsx" -o "$w/yuan" --money-unit 元 >/dev/null 2>"$w/err"; rc=$?
t "--money-unit 元: exit 0" [ $rc = 0 ]
t "--money-unit 元: amounts in 元" grep -qx "一、一般公共预算财政拨款收入,1,31538200.00,一、一般公共服务支出,13," "$w/yuan/tables/01_收入支出决算总表.csv"
t "--money-unit 元: 4-decimal 万元 figures exact" grep -qx "公务接待费,17312.00,7305.00" "$w/yuan/tables/13_财政拨款三公经费支出决算表.csv"
# without unit.yaml or option: the sheets' unit
"$bin" import "$w/official.xlsx" -o "$w/auto" >/dev/null 2>"$w/err"
t "no unit.yaml: the sheets' unit (元)" grep -q "金额单位：元（工作表的单位）" "$w/err"

# existing figures are not replaced without --force; init's blank CSVs are
echo "x" >>"$o/tables/02_收入决算表.csv"
"$bin" import "$w/official.xlsx" -o "$o" >/dev/null 2>"$w/err"; rc=$?
t "figures in the way: exit 1" [ $rc = 1 ]
t "…naming the CSV" grep -q "02_收入决算表.csv: 错误: 已有数据" "$w/err"
t "…and writing nothing" grep -qx "x" "$o/tables/02_收入决算表.csv"
"$bin" import "$w/official.xlsx" -o "$o" --force >/dev/null 2>&1; t "--force replaces them" [ $? = 0 ]
same_tables input/leshan-2024 "$o" >/dev/null 2>&1; t "…with the workbook's figures" [ $? = 0 ]
"$bin" init "$w/fresh" >/dev/null 2>&1 && "$bin" import "$w/official.xlsx" -o "$w/fresh" >/dev/null 2>"$w/err"
t "into a folder from juesuan init" [ $? = 0 ]
t "…in init's money unit (万元)" grep -q "金额单位：万元（同 unit.yaml）" "$w/err"

# what cannot be read exactly is refused at its sheet!cell, nothing written
"$py" tests/e2e/official_workbook.py input/leshan-2024 "$w/bad.xlsx" --bad-decimal
"$bin" import "$w/bad.xlsx" -o "$w/bad" >/dev/null 2>"$w/err"; rc=$?
t "元 amount with 3 decimals: exit 1" [ $rc = 1 ]
t "…at its sheet!cell" grep -q "bad.xlsx:表2!C6: 错误: “本年收入合计”列的金额“1234.567”小数位太多：按工作表的单位（元）只能精确到分，换算会丢掉数字" "$w/err"
t "…nothing written" [ ! -e "$w/bad/tables" ]
echo "not a workbook" >"$w/text.xlsx"
"$bin" import "$w/text.xlsx" -o "$w/t" >/dev/null 2>"$w/err"; rc=$?
t "not an XLSX file: exit 1" [ $rc = 1 ]
t "…said so" grep -q "text.xlsx: 错误: 无法打开工作簿" "$w/err"
"$bin" import "$w/official.xlsx" >/dev/null 2>&1; t "no -o: exit 2" [ $? = 2 ]
"$bin" import -o "$w/x" >/dev/null 2>&1; t "no workbook: exit 2" [ $? = 2 ]
"$bin" import "$w/official.xlsx" -o "$w/x" --money-unit 千元 >/dev/null 2>&1; t "bad --money-unit: exit 2" [ $? = 2 ]

finish
