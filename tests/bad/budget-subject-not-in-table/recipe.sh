# budget-subject-not-in-table — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a budget for a 项 the expenditure table does not have
subst unit.yaml '  "2050302": 1046.12' '  "2050399": 1046.12'
L=$(line_of unit.yaml '^  "2050399":')
