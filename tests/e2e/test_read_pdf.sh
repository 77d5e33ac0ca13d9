#!/bin/sh
# The finished document read the way an outside checker does (read_pdf.py):
# every example unit's PDF, as pdftotext extracts it, must agree with itself —
# narrative figures with their tables, words with signs, reasons, years, the
# money unit, no placeholders or doubled words, 本表无数据 notes, the 目录.
# Then the reader must find what it is for: the demo built with 公开13表's
# empty_note taken out (the bug it found: an all-zero 三公 table without its
# note), and Leshan's text (or its tables, read cell by cell by position:
# tests/e2e/pdf_tables.py) with one figure, word or reason garbled.
# Run from the project root; closing line "N passed, N failed".
. tests/e2e/lib.sh
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
for u in input/*/; do
  u=${u%/}; id=$(basename "$u")
  [ -f "$u/unit.yaml" ] && [ -d "$u/tables" ] || continue
  if ! "$bin" build "$u" -o "$w/out" >/dev/null 2>"$w/err"; then
    bad "$id: juesuan build exited non-zero"; sed 's/^/     /' "$w/err" | head; continue
  fi
  pdf=$(ls "$w/out/$id"/*决算.pdf | head -1)
  if "$py" tests/e2e/read_pdf.py "$pdf" >"$w/read" 2>&1; then
    ok "$id read back ($(tail -1 "$w/read"))"
  else
    bad "$id read back"; sed 's/^/     /' "$w/read" | head -30
  fi
done

# the bug it found: without 公开13表's empty_note the demo's all-zero 三公 table has no note
P=$w/project; mkdir -p "$P/fonts"
cp -r templates "$P/templates"; cp fonts/fonts.yaml "$P/fonts/"
for f in fonts/*.ttf fonts/*.ttc fonts/*.otf; do [ -e "$f" ] && ln -s "$(pwd)/$f" "$P/fonts/"; done
grep -v '^empty_note:' templates/tables/13.yaml >"$P/templates/tables/13.yaml"
if JUESUAN_HOME=$P "$bin" build input/demo-dept-2024 -o "$w/old" >/dev/null 2>"$w/err"; then
  if "$py" tests/e2e/read_pdf.py "$(ls "$w/old/demo-dept-2024"/*决算.pdf | head -1)" >"$w/read" 2>&1; then
    bad "the reader misses an all-zero 公开13表 without its 本表无数据 note"
  elif grep -q "FAIL 公开13表: all-zero or empty but lacks the 本表无数据 note" "$w/read"; then
    ok "the reader finds an all-zero 公开13表 without its 本表无数据 note"
  else
    bad "the reader fails the old demo for another reason:"; sed 's/^/     /' "$w/read" | head
  fi
else
  bad "the demo does not build without 公开13表's empty_note"; sed 's/^/     /' "$w/err" | head
fi

# garbled Leshan texts: each must fail with its reason
"$bin" build input/leshan-2024 -o "$w/l" >/dev/null 2>&1
pdf=$(ls "$w/l/leshan-2024"/*决算.pdf | head -1)
pdftotext "$pdf" "$w/raw.txt"; pdftotext -layout "$pdf" "$w/layout.txt"; "$py" tests/e2e/pdf_tables.py "$pdf" >"$w/tables.json"
garble() { # NAME FILE OLD NEW EXPECTED-FAIL-TEXT
  "$py" - "$w/$2" "$3" "$4" "$w/g.$2" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] not in s:
    sys.exit("garble: not found: " + sys.argv[2])
open(sys.argv[4], "w", encoding="utf-8").write(s.replace(sys.argv[2], sys.argv[3], 1))
PY
  r=$w/raw.txt; l=$w/layout.txt; j=$w/tables.json
  case $2 in raw.txt) r=$w/g.raw.txt ;; layout.txt) l=$w/g.layout.txt ;; tables.json) j=$w/g.tables.json ;; esac
  if "$py" tests/e2e/read_pdf.py --text "$r" "$l" "$j" >"$w/read" 2>&1; then
    bad "the reader misses $1"
  elif grep -qF -- "$5" "$w/read"; then
    ok "the reader finds $1"
  else
    bad "the reader fails on $1 without “$5”:"; sed 's/^/     /' "$w/read" | head
  fi
}
garble "a narrative total off its table" raw.txt "均为3313.32万元" "均为3313.23万元" "收、支总计 3313.23 = 公开01表 总计 3,313.32"
garble "减少 where the figure grew" raw.txt "各减少697.26万元" "各增加697.26万元" "3313.32 against 4010.58: 增加"
garble "a 决算 ≠ 预算 without its reason" raw.txt "小于预算数的主要原因是学校学生人数有流动，免学费、助学" "小于预算数。" "中等职业教育（项）: 决算 ≠ 预算 needs a reason"
garble "a wrong share" raw.txt "占95.19%" "占95.91%" "一般公共预算财政拨款收入: 95.91% of 3313.07"
garble "a placeholder" raw.txt "设有办公室" "设有XXX办公室" "leftover placeholder XXX"
garble "a doubled word" raw.txt "设有办公室" "设有办公室办公室" "doubled words 办公室办公室"
garble "a table figure garbled in print" tables.json '"1,153.24", "公用经费合计"' '"1,135.24", "公用经费合计"' "人员/公用经费 1153.24/494.60 = 公开08表 1,135.24/494.60"
garble "a blank 三公 cell read in its own column" tables.json '"4.95", "15.19", "15.19", "", ""' '"4.95", "15.19", "", "", ""' "“三公” 公务用车购置及运行维护费 15.19 = 公开13表 0.00"
garble "a 目录 entry missing" raw.txt "十三、财政拨款“三公”经费支出决算表 ." "" "目录 lists 12 附表, the document prints 13"
finish
