# type-reason-mapping — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  three_public_budget: 厉行节约，据实结算。' '  three_public_budget: {原因: 厉行节约，据实结算。}'
L=$(line_of unit.yaml '^  three_public_budget:')
