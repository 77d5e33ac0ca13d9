# dept-score-total — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# one scored item of seed 001 changed: the typed 自评总分 96.5 no longer is the sum
rm -rf "$U"/*
cp -r "$R/input/lechang-2024/." "$U/"
D=performance/department.yaml
subst $D "score: 3.5" "score: 4.5"
L=$(line_of $D '^score_total:')
