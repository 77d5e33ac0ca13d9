# subject-code-empty — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst "$(csv 03)" '2050302,中等职业教育' ',中等职业教育'
L=$(line_of "$(csv 03)" '^,中等职业教育')
