# dept-in-disclosure-type — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the switch that prints the report in 第四部分 written as a word, not true/false
rm -rf "$U"/*
cp -r "$R/input/demo-dept-2024/." "$U/"
D=performance/department.yaml
subst $D "
in_disclosure: true" "
in_disclosure: 是"
L=$(line_of $D '^in_disclosure:')
