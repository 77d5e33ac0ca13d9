# subject-two-names — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a code outside the catalog, named one way in 02 and 03 and another way in 06
for n in 02 03; do subst "$(csv $n)" '2050302,中等职业教育' '2050399,其他职业教育支出'; done
subst "$(csv 06)" '2050302,中等职业教育' '2050399,职业教育其他支出'
subst unit.yaml '"2050302"' '"2050399"'
subst unit.yaml '"2050302"' '"2050399"'
L2=$(line_of "$(csv 02)" '^2050399,')
L=$(line_of "$(csv 06)" '^2050399,')
