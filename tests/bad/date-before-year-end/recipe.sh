# date-before-year-end — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# published before the year it accounts for has ended
subst unit.yaml '  published: 2025-09-18' '  published: 2024-06-01'
L=$(line_of unit.yaml '^  published:')
