#!/bin/sh
# Several documents per unit folder: the standalone 部门整体支出绩效自评报告
# examples (seeds 000, 001, 004) build one PDF each and print its path; every
# score total and derived figure they print is computed (change one scored
# item: the 自评总分 and the sentence quoting it move; leave a typed total
# that then disagrees: exit 1, nothing written); a unit with tables/ and
# department.yaml builds both documents, the report's 收入 from the same
# table as the disclosure; --doc picks one; in_disclosure: true prints the
# report (either layout) in the disclosure's 第四部分 as well, in the 目录 and
# the outline; the Guangdong chapters are numbered by what is printed; the
# 附件 label. Run from the project root.
. tests/e2e/lib.sh
txt() { pdftotext "$1" - 2>/dev/null | tr -d ' \n'; }
has() { # has NAME FILE TEXT…: every TEXT is in the PDF's text
  name=$1 f=$2; shift 2
  t=$(txt "$f")
  for s in "$@"; do
    case $t in *"$s"*) ;; *) no "$name: “$s” not in $(basename "$f")"; return ;; esac
  done
  ok "$name"
}

# --- the three examples: one report each, its path printed ---
for u in jinkouhe-2024 lechang-2024 ebian-2024; do
  if "$bin" build "input/$u" -o "$w/o" >"$w/out" 2>"$w/err"; then
    # ebian-2024 also holds three 项目支出绩效自评报告 (performance/projects/): a second PDF
    want=1; [ $u = ebian-2024 ] && want=2
    n=$(grep -c '\.pdf$' "$w/out"); x=$(grep -c '\.xlsx$' "$w/out"); first=$(head -1 "$w/out")
    [ "$n" = $want ] && [ "$x" = 0 ] && [ -f "$first" ] && ok "build $u: $(basename "$first")" \
      || no "build $u prints the PDFs it wrote" "$w/out"
  else
    no "build $u" "$w/err"
  fi
done
j=$(ls "$w"/o/jinkouhe-2024/*.pdf); l=$(ls "$w"/o/lechang-2024/*.pdf); e=$(ls "$w"/o/ebian-2024/*部门整体*.pdf)
has "jinkouhe: 收入 shares, 结转结余 change, staff change, figures" "$j" \
  "财政资金收入946.61万元，其中一般公共预算财政拨款收入946.59万元，占100.00%" \
  "较上年增加0.69万元，增长12.08%" "较上年增加1人，增加3.57%" "覆盖率达到100.00%" \
  "全年预算收入1064.18万元" "乐山市金口河区人力资源和社会保障局2025年3月21日"
has "lechang: 自评总分, 预决算 table and its 执行率, changes, figures" "$l" \
  "自评总分为96.5分" "增加607.17万元，增长22.33%" "减少1356.42万元，下降30.35%" \
  "预算执行率93.61%" "住房保障支出95.50万元" "118.7395.5023.2380.43%" "3,325.833,113.18212.6593.61%" \
  "（1）预算编制合理性（自评4分）" "人员管理。（自评2分）" "加减分项。（自评3.5分）" \
  "支出率为94.16%" "人均支出95.82元/人次" "累计结案率99.32%，调解成功率81.02%"
has "ebian: 收入 and 支出 shares, projects counted" "$e" \
  "财政拨款预算收入3295.63万元" "基本支出964.06万元，占29.25%" "项目支出涉及项目16个"

# --- change one scored item: the total and its sentence move ---
cp -r input/lechang-2024 "$w/lc"
sed -i 's/score: 3.5$/score: 2.5/; /^score_total:/d' "$w/lc/performance/department.yaml"
if "$bin" build "$w/lc" -o "$w/o2" >/dev/null 2>"$w/err"; then
  has "a changed score moves the 自评总分 and its sentence" "$(ls "$w"/o2/lc/*.pdf)" "自评总分为95.5分" "加减分项。（自评2.5分）"
  txt "$(ls "$w"/o2/lc/*.pdf)" | grep -q "96.5分" && no "the old total 96.5 is still printed" || ok "the old total is gone"
else
  no "build after changing a score" "$w/err"
fi
# the typed total left as it was: exit 1, the rule at the typed total, nothing written
cp -r input/lechang-2024 "$w/ld"
sed -i 's/score: 3.5$/score: 2.5/' "$w/ld/performance/department.yaml"
ln=$(grep -n '^score_total:' "$w/ld/performance/department.yaml" | cut -d: -f1)
"$bin" build "$w/ld" -o "$w/o3" >"$w/out" 2>"$w/err"; rc=$?
[ $rc = 1 ] && grep -q "department.yaml:$ln:14: 错误 \[D-SCORE-TOTAL\]: 所写自评总分与各评分项之和不等（前者为 96.5，后者为 95.5，相差 1）" "$w/err" \
  && [ -z "$(find "$w/o3" -type f 2>/dev/null)" ] && ok "a typed 自评总分 that disagrees: exit 1 at its line, nothing written" \
  || no "typed 自评总分 (rc $rc)" "$w/err"

# --- the Sichuan layout likewise: scored sections (seed 000 has none; here
# its 评价结论 gets two) print （自评N分）, the 自评总分 sentence sums them
cp -r input/jinkouhe-2024 "$w/js"
"$py" - "$w/js/performance/department.yaml" <<'P'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
a = "evaluation:\n  conclusion: "
assert a in s
s = s.replace(a, "evaluation:\n  conclusion:\n    - {title: 预算执行, score: 18, max: 20}\n    - {title: 履职效能, score: 76.5, max: 80}\n    - ", 1)
open(p, "w", encoding="utf-8").write(s)
P
for round in 1 2; do
  [ $round = 2 ] && sed -i 's/score: 18, max: 20/score: 17, max: 20/' "$w/js/performance/department.yaml"
  rm -rf "$w/o12"
  if "$bin" build "$w/js" -o "$w/o12" >/dev/null 2>"$w/err"; then
    s=$([ $round = 1 ] && echo 18 || echo 17); tot=$([ $round = 1 ] && echo 94.5 || echo 93.5)
    has "Sichuan, round $round: （自评${s}分） and the 自评总分 ${tot}" "$(ls "$w"/o12/js/*.pdf)" "1.预算执行（自评${s}分）" \
      "2.履职效能（自评76.5分）" "年度部门整体支出绩效自评总分为${tot}分"
  else
    no "Sichuan, round $round: build with scored sections" "$w/err"
  fi
done
txt "$(ls "$w"/o12/js/*.pdf)" | grep -q "总分为94.5分" && no "Sichuan: the old 自评总分 is still printed" || ok "Sichuan: the old 自评总分 is gone"

# --- both documents in one folder: the report's 收入 comes from 公开01表 ---
cp -r input/leshan-2024 "$w/both"
mkdir -p "$w/both/performance"
cat > "$w/both/performance/department.yaml" <<'Y'
layout: sichuan
title: 部门整体支出绩效自评报告
basics:
  organization: 本单位为行政单位。
management:
  duties: 按要求开展了绩效自评。
Y
"$bin" build "$w/both" -o "$w/o4" >"$w/out" 2>"$w/err"
if [ $? = 0 ] && [ "$(wc -l <"$w/out")" = 3 ] && [ "$(grep -c '\.pdf$' "$w/out")" = 2 ]; then
  ok "a unit with tables/ and department.yaml: three files, each printed"
  has "the report's 收入 is 公开01表's" "$(grep '自评报告\.pdf$' "$w/out")" "财政资金收入3313.07万元" "占95.19%"
else
  no "build of both documents" "$w/err"; cat "$w/out"
fi
"$bin" build --doc department "$w/both" -o "$w/o5" >"$w/out" 2>"$w/err"
[ $? = 0 ] && [ "$(wc -l <"$w/out")" = 1 ] && grep -q '自评报告\.pdf$' "$w/out" && ok "--doc department builds the report alone" \
  || no "--doc department" "$w/err"
"$bin" markup --doc department "$w/both" >"$w/m" 2>"$w/err" && grep -q '^# 部门整体支出绩效自评报告$' "$w/m" \
  && ok "markup --doc department" || no "markup --doc department" "$w/err"
"$bin" markup "$w/both" >"$w/m" 2>"$w/err" && grep -q '^@cover' "$w/m" && ok "markup without --doc: the first document (the disclosure)" \
  || no "markup without --doc" "$w/err"

# --- the report inside the disclosure's 第四部分 (department.yaml in_disclosure: true) ---
# demo-dept-2024 asks for it: the disclosure holds the report (its title in the
# 目录 and, with its 一、二、…, in the outline under 第四部分), the standalone PDF too
"$bin" build input/demo-dept-2024 -o "$w/o7" >"$w/out" 2>"$w/err"
dd=$(grep '部门决算\.pdf$' "$w/out"); ds=$(grep '自评报告\.pdf$' "$w/out")
if [ -n "$dd" ] && [ -n "$ds" ]; then
  has "demo-dept: the department report in 第四部分 of the disclosure" "$dd" \
    "纳入本部门2024年度部门决算编制范围的二级预算单位共5个" \
    "2024年收入5695.53万元，其中一般公共预算财政拨款收入5267.36万元" "年末结转结余18.65万元，其中基本支出结转0.00万元，项目支出结转18.65万元" \
    "项目支出涉及项目11个" "占项目支出的24.76%"
  pdftotext -f 2 -l 3 "$dd" - | tr -d ' .' | grep -q '^部门整体支出绩效自评报告[0-9]' \
    && ok "the report's title is a 目录 entry" || no "the report's title is not in the 目录"
  mutool show "$dd" outline >"$w/ol" 2>&1
  awk '/第四部分 附件/ {p=1} /第五部分/ {p=0} p' "$w/ol" | grep -qP '^[|+-]\t\t"部门整体支出绩效自评报告"' \
    && awk '/部门整体支出绩效自评报告/ {p=1} /第五部分/ {p=0} p' "$w/ol" | grep -qP '^[|+-]\t\t\t"四、评价结论及建议"' \
    && ok "the report and its 一、… sections are bookmarks under 第四部分" || no "outline of the report in 第四部分" "$w/ol"
  pdftotext -l 1 "$ds" - | tr -d ' \n' | grep -q '^附件1部门整体支出绩效自评报告示例市' \
    && ok "the standalone PDF starts with its 附件1 label, on the title's page" \
    || no "the standalone report's 附件1 label"
  # unit.yaml lists the report as 附件1: in the disclosure that entry is the
  # label over the report's title, not a second line of its own
  txt "$dd" | grep -q '第四部分附件附件1部门整体支出绩效自评报告示例市' \
    && ok "in the disclosure the report's attachments entry is its 附件1 label over the title" \
    || no "the 附件1 label over the report's title in the disclosure"
  txt "$dd" | grep -q '附件1：部门整体支出绩效自评报告' && no "the report listed a second time in 第四部分" \
    || ok "the report is not listed a second time in 第四部分"
else
  no "build of demo-dept-2024 (disclosure and report)" "$w/err"; cat "$w/out"
fi
# the switch off: the report leaves the disclosure (the standalone PDF stays)
cp -r input/demo-dept-2024 "$w/off"
sed -i 's/^in_disclosure: true/in_disclosure: false/' "$w/off/performance/department.yaml"
"$bin" build "$w/off" -o "$w/o8" >"$w/out" 2>"$w/err"
if [ $? = 0 ] && [ "$(grep -c '\.pdf$' "$w/out")" = 2 ]; then
  txt "$(grep '部门决算\.pdf$' "$w/out")" | grep -q '年末结转结余18.65万元' && no "in_disclosure: false still prints the report in the disclosure" \
    || ok "in_disclosure: false: the report is not in the disclosure"
else
  no "build with in_disclosure: false" "$w/err"
fi
# beside the 17 项目支出绩效自评表 of a leshan-style unit: tables first, then the report
sed -i 's/^layout: sichuan$/layout: sichuan\nin_disclosure: true/' "$w/both/performance/department.yaml"
"$bin" build "$w/both" -o "$w/o9" >"$w/out" 2>"$w/err"
lb=$(grep '单位决算\.pdf$' "$w/out")
if [ -n "$lb" ]; then
  mutool show "$lb" outline | awk '/第四部分 附件/ {p=1} /第五部分/ {p=0} p' >"$w/ol"
  [ "$(grep -c '"（[一二三四五六七八九十]*）' "$w/ol")" = 17 ] && grep -P '^[|+-]\t\t"' "$w/ol" | tail -1 | grep -q '部门整体支出绩效自评报告' \
    && ok "leshan + in_disclosure: 17 project tables, then the report, in 第四部分's outline" || no "leshan 第四部分 outline" "$w/ol"
else
  no "build leshan with the report in the disclosure" "$w/err"
fi
# the Guangdong layout in the disclosure too (same template set, one level deeper)
cp -r input/demo-dept-2024 "$w/gd"
cat > "$w/gd/performance/department.yaml" <<'Y'
layout: guangdong
in_disclosure: true
conclusion: 部门整体支出绩效目标基本完成。
analysis:
  - {title: 预算编制, score: 8, max: 10, text: 预算编制基本合理。}
problems: 个别项目预算编制不够精准。
suggestions: 加强项目前期论证。
Y
sed -i 's/^      score: 92.5$/      score: 8/' "$w/gd/unit.yaml" # part two quotes the 自评总分 [D-SCORE-STATED]
"$bin" build "$w/gd" -o "$w/o10" >"$w/out" 2>"$w/err"
gd=$(grep '部门决算\.pdf$' "$w/out")
if [ -n "$gd" ]; then
  has "Guangdong layout in 第四部分: 自评总分, and 四/五 numbered among the chapters printed" "$gd" \
    "2024年度部门整体支出绩效自评报告" "自评总分为8分" "四、存在问题" "五、相关建议"
  txt "$gd" | grep -q '六、相关建议' && no "a chapter number skipped (六 without 主要绩效)" || ok "no gap in the numbering"
else
  no "build of a Guangdong report in the disclosure" "$w/err"
fi
# the standalone Guangdong report without 主要绩效: 四、存在问题 五、相关建议 (no gap)
cp -r input/lechang-2024 "$w/gn"
python3 - "$w/gn/performance/department.yaml" <<'P'
import re, sys
p = sys.argv[1]; s = open(p).read()
s2 = re.sub(r'(?ms)^achievements:.*?(?=^problems:)', '', s)
assert s2 != s; open(p, 'w').write(s2)
P
"$bin" build "$w/gn" -o "$w/o11" >/dev/null 2>"$w/err" && \
  has "lechang without achievements: 四、存在问题 五、相关建议" "$(ls "$w"/o11/gn/*.pdf)" "四、存在问题" "五、相关建议" \
  || no "build lechang without achievements" "$w/err"
# in_disclosure without tables/: a warning, the report alone
cp -r input/lechang-2024 "$w/nt"
sed -i 's/^layout: guangdong$/layout: guangdong\nin_disclosure: true/' "$w/nt/performance/department.yaml"
"$bin" check "$w/nt" >/dev/null 2>"$w/err"; rc=$?
[ $rc = 0 ] && grep -q 'department.yaml:5:16: 警告 \[D-IN-DISCLOSURE\]' "$w/err" && ok "in_disclosure without tables/: a warning at its line" \
  || no "in_disclosure without tables/ (rc $rc)" "$w/err"
# with tables/, the listed projects and the 结转结余 split against 公开03表 and 公开01表
cp -r input/demo-dept-2024 "$w/ds"
sed -i 's/amount: 40.00}/amount: 41.00}/; s/^    project: 18.65/    project: 18.66/' "$w/ds/performance/department.yaml"
"$bin" check "$w/ds" >/dev/null 2>"$w/err"; rc=$?
[ $rc = 1 ] && grep -q '错误 \[D-SUM\]: 项目支出（公开03表合计行）与所列各项目（.*）之和不等（前者为 956.35，后者为 957.35，相差 1.00）' "$w/err" \
  && grep -q '错误 \[D-SUM\]: 年末结转和结余（公开01表）与（基本支出结转、项目支出结转）之和不等（前者为 18.65，后者为 18.66' "$w/err" \
  && ok "with tables/: projects against 公开03表, 结转结余 split against 公开01表" || no "D-SUM against the tables (rc $rc)" "$w/err"

# --- same input, same bytes ---
"$bin" build input/lechang-2024 -o "$w/o6" >/dev/null 2>&1
cmp -s "$l" "$(ls "$w"/o6/lechang-2024/*.pdf)" && ok "a second build gives a byte-identical report" || no "report not byte-identical"

finish
