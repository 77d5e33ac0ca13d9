# subject-code-shape — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a code of 6 digits is neither a 款 nor a 项
subst "$(csv 03)" '2050302,中等职业教育' '205030,中等职业教育'
L=$(line_of "$(csv 03)" '^205030,')
