# type-year-fraction — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  year: 2024' '  year: 2024.5'
L=$(line_of unit.yaml '^  year:')
