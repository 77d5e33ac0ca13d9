# unit-kind-unknown — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  kind: 单位' '  kind: 机关'
L=$(line_of unit.yaml '^  kind:')
