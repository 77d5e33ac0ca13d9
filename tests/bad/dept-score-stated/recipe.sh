# dept-score-stated — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# demo-dept's part two quotes the 部门整体 self-score 92.5 (unit.yaml
# other.performance.department.score); once its department.yaml scores a
# section, the 自评总分 is 90 and the quoted figure no longer agrees
rm -rf "$U"/*
cp -r "$R/input/demo-dept-2024/." "$U/"
D=performance/department.yaml
subst $D "    - 社会保障卡" "    - title: 特定目标类项目
      score: 90
      text: 社会保障卡"
L=$(line_of unit.yaml '^      score: 92.5')
