# type-duty-number — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '    - 完成市委、市政府交办的其他事项。' '    - 13'
L=$(line_of unit.yaml '^    - 13$')
