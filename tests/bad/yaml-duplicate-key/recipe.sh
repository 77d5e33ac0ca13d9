# yaml-duplicate-key — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the same key twice in one mapping: which one counts?
subst unit.yaml '  kind: 单位' '  kind: 单位
  kind: 部门'
L=$(( $(line_of unit.yaml '^  kind: 单位') + 1 ))
