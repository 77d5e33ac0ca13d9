# dept-from-tables — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a unit with tables/ types its 项目支出 in department.yaml as well: the
# figure is 公开03表's (one figure, one place), so typing it is refused
rm -rf "$U"/*
cp -r "$R/input/demo-dept-2024/." "$U/"
D=performance/department.yaml
subst $D "    label: 支出" "    label: 支出
    project: 956.35"
L=$(line_of $D '^    project: 956.35')
