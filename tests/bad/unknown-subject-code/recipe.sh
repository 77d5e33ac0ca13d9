# unknown-subject-code — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a code outside the catalog with no name in its row: nothing says what it is
subst "$(csv 03)" '2050302,中等职业教育' '2050399,'
L=$(line_of "$(csv 03)" '^2050399,')
