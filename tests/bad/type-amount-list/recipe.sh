# type-amount-list — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  "2050302": 1046.12' '  "2050302": [1046.12]'
L=$(line_of unit.yaml '^  "2050302": \[')
