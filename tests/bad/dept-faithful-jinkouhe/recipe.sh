# dept-faithful-jinkouhe — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# seed 000 as published: "财政资金支出946.05万元，其中一般公共预算财政拨款支出
# 946.59万元，占100%" — a part larger than its total
rm -rf "$U"/*
cp -r "$R/input/jinkouhe-2024/." "$U/"
D=performance/department.yaml
subst $D "  expenditure:
    items:" "  expenditure:
    total: 946.05
    items:"
subst $D "一般公共预算财政拨款支出, amount: 946.05" "一般公共预算财政拨款支出, amount: 946.59"
L=$(line_of $D '^    total: 946.05')
