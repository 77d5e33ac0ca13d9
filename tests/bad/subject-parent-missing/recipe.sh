# subject-parent-missing — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a 项 outside the catalog whose 款 (20598) is neither in the catalog nor a row of the tables
subst "$(csv 03)" '2050302,中等职业教育' '2059802,某项教育支出'
L=$(line_of "$(csv 03)" '^2059802,')
