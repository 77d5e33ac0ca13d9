# date-month-13 — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  published: 2025-09-18' '  published: 2025-13-01'
L=$(line_of unit.yaml '^  published:')
