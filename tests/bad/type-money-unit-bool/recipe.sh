# type-money-unit-bool — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  money_unit: 万元' '  money_unit: true'
L=$(line_of unit.yaml '^  money_unit:')
