# dept-faithful-lechang — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# seed 001 as published: 住房保障支出 96.78 in the 预决算 table, while the 合计
# 3113.18 (and the text) need 95.50: the classes no longer add up to the 执行数
rm -rf "$U"/*
cp -r "$R/input/lechang-2024/." "$U/"
D=performance/department.yaml
subst $D "budget: 118.73, final: 95.50" "budget: 118.73, final: 96.78"
L=$(line_of $D '^    final: 3113.18')
