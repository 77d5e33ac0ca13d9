#!/bin/sh
# Several documents per unit folder: the standalone 部门整体支出绩效自评报告
# examples (seeds 000, 001, 004) build one PDF each and print its path; every
# score total and derived figure they print is computed (change one scored
# item: the 自评总分 and the sentence quoting it move; leave a typed total
# that then disagrees: exit 1, nothing written); a unit with tables/ and
# department.yaml builds both documents, the report's 收入 from the same
# table as the disclosure; --doc picks one. Run from the project root.
set -u
bin=${JUESUAN_BIN:-build/san/juesuan}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -20; }
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
[ $rc = 1 ] && grep -q "department.yaml:$ln:14: 错误 \[D-SCORE-TOTAL\]: 自评总分应等于各评分项之和（应为 95.5，实为 96.5）" "$w/err" \
  && [ -z "$(find "$w/o3" -type f 2>/dev/null)" ] && ok "a typed 自评总分 that disagrees: exit 1 at its line, nothing written" \
  || no "typed 自评总分 (rc $rc)" "$w/err"

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

# --- same input, same bytes ---
"$bin" build input/lechang-2024 -o "$w/o6" >/dev/null 2>&1
cmp -s "$l" "$(ls "$w"/o6/lechang-2024/*.pdf)" && ok "a second build gives a byte-identical report" || no "report not byte-identical"

echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
