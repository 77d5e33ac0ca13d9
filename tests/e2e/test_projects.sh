#!/bin/sh
# 项目支出绩效自评表 and 项目支出绩效自评报告: one figure, everywhere. A copy of
# input/leshan-2024 whose first project gets a report: is built; then one
# indicator score is lowered (20 → 15, with its reason, and the typed 合计
# 100 → 95): the 合计 of the table in 第四部分 (PDF), of its workbook sheet,
# and the report's sentence quoting the score all move together. Also the
# seed-004 example builds its report PDF with the computed 预算执行率. Run from
# the project root.
. tests/e2e/lib.sh
has() { grep -qF "$2" "$1" && ok "$3" || no "$3" "$1"; }
flat() { pdftotext "$1" - 2>/dev/null | tr -d ' \n\t\r\f'; }
P=performance/projects/01-51110025T000013637008.yaml

cp -r input/leshan-2024 "$w/leshan-2024"
# the first project's report: (also used, one key misspelt, by tests/bad/project-report-incomplete)
cat tests/e2e/project_report.yaml >>"$w/leshan-2024/$P"

for round in 1 2; do
  score=$([ $round = 1 ] && echo 100 || echo 95)
  if [ $round = 2 ]; then
    sed -i 's/actual: 77, weight: 20, score: 20}/actual: 77, weight: 20, score: 15, reason: 部分区县未达到}/; s/^total: {weight: 100, score: 100}/total: {weight: 100, score: 95}/' "$w/leshan-2024/$P"
  fi
  rm -rf "$w/out"
  if "$bin" build "$w/leshan-2024" -o "$w/out" >"$w/files" 2>"$w/err"; then ok "round $round: builds"; else no "round $round: builds" "$w/err"; continue; fi
  [ "$(wc -l <"$w/files")" = 3 ] && ok "round $round: prints the PDF, the XLSX and the report PDF" || no "round $round: three files" "$w/files"
  flat "$w/out/leshan-2024/"*单位决算.pdf >"$w/d.txt"
  "$py" -c 'import re, sys; t = open(sys.argv[1], encoding="utf-8").read(); sys.exit(not re.search(r"51110025T000013637008.{0,3}就业创业补助资金（中央）（人社局机关）.{0,900}?总额0\.001\.301\.30100\.00%1010.{0,2500}?合计.{0,20}100" + sys.argv[2], t))' "$w/d.txt" "$score" \
    && ok "round $round: 第四部分 合计 100 $score" || no "round $round: 第四部分 合计 100 $score"
  flat "$w/out/leshan-2024/"*项目支出绩效自评报告.pdf >"$w/r.txt"
  sed 's/—[0-9]*—//g' "$w/r.txt" >"$w/r2.txt" # the page numbers a page break puts inside the sentence
  has "$w/r2.txt" "本项目自评得分${score}分（满分100分），其中预算执行情况得分10分（权重10分，预算执行率100.00%），绩效指标得分$((score - 10))分" \
    "round $round: the report quotes 自评得分 $score"
  has "$w/r.txt" "预算执行数1.30万元，预算执行率100.00%" "round $round: the report's 执行率 is the table's"
  "$py" - "$w/out/leshan-2024/"*附表.xlsx "$score" >"$w/x.txt" 2>&1 <<'PY' && ok "round $round: workbook 合计 $score as a number" || no "round $round: workbook 合计" "$w/x.txt"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[13]
row = [c.row for r in ws.iter_rows() for c in r if c.value == "合计"][0]
assert ws.cell(row=row, column=10).value == int(sys.argv[2]), ws.cell(row=row, column=10).value
PY
done
if [ $round = 2 ] && grep -q "得分15分" "$w/r.txt"; then ok "round 2: the lowered indicator's 得分 15 in the report"; else no "round 2: 得分 15 in the report"; fi

# seed 004: reports only (no tables/), 执行率 computed
rm -rf "$w/out"
if "$bin" build input/ebian-2024 -o "$w/out" >"$w/files" 2>"$w/err"; then ok "ebian-2024 builds"; else no "ebian-2024 builds" "$w/err"; fi
flat "$w/out/ebian-2024/"*项目支出绩效自评报告.pdf >"$w/e.txt"
has "$w/e.txt" "该项目年初预算7.50万元，调整后预算数7.50万元，预算执行数4.66万元，预算执行率62.13%。" "ebian-2024: 4.66 of 7.50 is 62.13%"
has "$w/e.txt" "项目支出绩效自评报告（行政事业单位科级及以下退休人员活动及管理经费）" "ebian-2024: the first report"
finish
