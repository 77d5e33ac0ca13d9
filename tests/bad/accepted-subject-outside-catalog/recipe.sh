# accepted-subject-outside-catalog — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a 项 outside the catalog, named alike in every table, under a known 款: accepted with a warning
for n in 02 03 06; do subst "$(csv $n)" '2050302,中等职业教育' '2050399,其他职业教育支出'; done
subst unit.yaml '"2050302"' '"2050399"'
subst unit.yaml '"2050302"' '"2050399"'
L=$(line_of "$(csv 02)" '^2050399,')
