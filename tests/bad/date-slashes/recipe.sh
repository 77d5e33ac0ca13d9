# date-slashes — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  published: 2025-09-18' '  published: 2025/9/18'
L=$(line_of unit.yaml '^  published:')
