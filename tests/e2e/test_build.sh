#!/bin/sh
# End to end: build the Leshan example with the sanitized binary and check
# the PDF (fonts embedded and subset, A4, part-one text via poppler and
# mupdf), the XLSX (公开01表 totals as numbers), determinism, atomic output
# and the CLI's exit codes and messages. Run from the project root.
. tests/e2e/lib.sh
unit=input/leshan-2024

# --- build ---
"$bin" build "$unit" -o "$w/o1" >"$w/out" 2>"$w/err"; rc=$?
t "build exits 0" [ $rc = 0 ]
[ $rc = 0 ] || sed 's/^/     /' "$w/err" | head -20
pdf=$(ls "$w"/o1/leshan-2024/*.pdf 2>/dev/null | head -1)
xlsx=$(ls "$w"/o1/leshan-2024/*.xlsx 2>/dev/null | head -1)
t "PDF written to OUT/leshan-2024/" [ -n "$pdf" ]
t "XLSX written to OUT/leshan-2024/" [ -n "$xlsx" ]
t "no temporary files left" [ -z "$(find "$w/o1" -name '.juesuan-*')" ]
[ -n "$pdf" ] && [ -n "$xlsx" ] || { echo "$pass passed, $((fail + 1)) failed"; exit 1; }

# --- PDF: fonts, page size, text ---
pdffonts "$pdf" >"$w/fonts" 2>&1
t "pdffonts lists fonts" [ "$(tail -n +3 "$w/fonts" | wc -l)" -ge 1 ]
t "every font embedded and subset" sh -c "tail -n +3 '$w/fonts' | awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") bad=1 } END { exit bad }'"
grep -q "Noto" "$w/fonts" && ok "default Noto fonts used" || no "default Noto fonts used" "$w/fonts"
pdfinfo "$pdf" >"$w/info" 2>&1
t "A4 pages (595 x 842 pt)" grep -Eq "Page size: +595(\.[0-9]+)? x 841\.[0-9]+|Page size: +595(\.[0-9]+)? x 842" "$w/info"
pdftotext "$pdf" "$w/p.txt" 2>"$w/p.err"
t "pdftotext prints no syntax warnings" [ ! -s "$w/p.err" ]
mutool draw -q -F txt -o "$w/m.txt" "$pdf" 2>/dev/null
flat() { tr -d ' \n\t\r\f' < "$1"; }
flat "$w/p.txt" > "$w/p.flat"; flat "$w/m.txt" > "$w/m.flat"
for s in 第一部分 单位概况 一、主要职责 二、机构设置 2024年度 乐山市人力资源和社会保障局（机关） 单位决算 公开时间：2025年9月18日 \
         （一）拟订全市人力资源和社会保障事业发展政策、规划并组织实施。 （十三）完成市委、市政府交办的其他事项。 设有办公室、政策法规科; do
  grep -qF "$s" "$w/p.flat" && ok "pdftotext has $s" || no "pdftotext has $s"
  grep -qF "$s" "$w/m.flat" && ok "mutool has $s" || no "mutool has $s"
done
# every duty in unit.yaml appears in the PDF text
"$py" - "$unit/unit.yaml" "$w/p.flat" <<'PY' && ok "every 主要职责 item and 机构设置 in the PDF" || no "every 主要职责 item and 机构设置 in the PDF"
import re, sys
y = open(sys.argv[1], encoding="utf-8").read()
flat = open(sys.argv[2], encoding="utf-8").read()
items = re.findall(r"^\s*-\s+(\S.*)$", y.split("duties:")[1].split("organization:")[0], re.M)
org = re.sub(r"\s+", "", y.split("organization:")[1].split("\n\n")[0].lstrip(" |>\n"))
missing = [i[:20] for i in items if re.sub(r"\s+", "", i) not in flat]
assert len(items) >= 13, items
assert not missing, missing
assert org[:30] in flat, org[:30]
PY

# --- XLSX ---
"$py" tests/e2e/check_xlsx.py "$xlsx" "$unit" >"$w/x" 2>&1 && ok "XLSX 公开01表 holds the CSV figures as numbers" || no "XLSX 公开01表 holds the CSV figures as numbers" "$w/x"

# --- determinism and environment independence ---
TZ=Asia/Shanghai LANG=zh_CN.UTF-8 LC_ALL= "$bin" build "$unit" -o "$w/o2" >/dev/null 2>&1
TZ=America/New_York LANG=C "$bin" build "$unit" -o "$w/o3" >/dev/null 2>&1
t "same input, byte-identical output (TZ/LANG differ)" sh -c "diff -r '$w/o1' '$w/o2' && diff -r '$w/o1' '$w/o3'"
# another day and time of day (libfaketime; make deps installs it). ASan
# must be told not to insist on coming first among the preloaded libraries.
if command -v faketime >/dev/null 2>&1; then
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" TZ=Pacific/Kiritimati \
    faketime '2031-02-28 23:59:58' "$bin" build "$unit" -o "$w/o5" >/dev/null 2>"$w/ft.err"
  t "same input, byte-identical output (another date and time of day, faketime)" diff -r "$w/o1" "$w/o5"
else
  echo "skip faketime is not installed: the build at another time of day is not tested"
fi

# --- CLI ---
"$bin" --version >"$w/v" 2>&1; rc=$?
t "--version exits 0 and names juesuan" sh -c "[ $rc = 0 ] && grep -q '^juesuan ' '$w/v'"
"$bin" --help >"$w/h" 2>&1; rc=$?
t "--help exits 0 and shows build/check" sh -c "[ $rc = 0 ] && grep -q 'juesuan build' '$w/h' && grep -q 'juesuan check' '$w/h'"
"$bin" >/dev/null 2>&1; t "no arguments: exit 2" [ $? = 2 ]
"$bin" frobnicate >/dev/null 2>&1; t "unknown command: exit 2" [ $? = 2 ]
"$bin" build >/dev/null 2>&1; t "build without a unit: exit 2" [ $? = 2 ]
"$bin" build "$unit" -x >/dev/null 2>&1; t "unknown option: exit 2" [ $? = 2 ]
"$bin" check "$unit" >"$w/c" 2>&1; t "check on the example: exit 0" [ $? = 0 ]

# --- bad input: message with file:line:col, exit 1, nothing written, old output kept ---
cp -r "$unit" "$w/bad"
printf 'name: [unclosed\n  : :\n' >> "$w/bad/unit.yaml"
"$bin" check "$w/bad" >"$w/e1" 2>&1; rc=$?
t "broken YAML: exit 1" [ $rc = 1 ]
grep -Eq "unit\.yaml:[0-9]+:[0-9]+: 错误: YAML" "$w/e1" && ok "broken YAML: unit.yaml:line:col: 错误:" || no "broken YAML: unit.yaml:line:col: 错误:" "$w/e1"

rm -rf "$w/bad"; cp -r "$unit" "$w/bad"
csv="$w/bad/tables/01_收入支出决算总表.csv"
sed -i '0,/3153\.82/s//4. 12/' "$csv"
line=$(grep -n '4\. 12' "$csv" | cut -d: -f1)
"$bin" check "$w/bad" >"$w/e2" 2>&1; rc=$?
t "malformed decimal '4. 12': exit 1" [ $rc = 1 ]
grep -Eq "01_收入支出决算总表\.csv:$line:[0-9]+: 错误: .*4\. 12" "$w/e2" && ok "malformed decimal: message names file:line:col and the text" || no "malformed decimal: message names file:line:col and the text" "$w/e2"
before=$(cd "$w/o1" && find . -type f -exec sha256sum {} + | sort)
"$bin" build "$w/bad" -o "$w/o1" >/dev/null 2>&1; rc=$?
after=$(cd "$w/o1" && find . -type f -exec sha256sum {} + | sort)
t "bad build fails and leaves earlier output untouched" sh -c "[ $rc = 1 ] && [ '$before' = '$after' ]"
"$bin" build "$w/bad" -o "$w/o4" >/dev/null 2>&1
t "bad build writes no PDF/XLSX" [ -z "$(find "$w/o4" -name '*.pdf' -o -name '*.xlsx' 2>/dev/null)" ]

finish
