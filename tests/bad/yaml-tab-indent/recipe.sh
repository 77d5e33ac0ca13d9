# yaml-tab-indent — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a tab used for indentation (editors that insert tabs)
subst unit.yaml '  kind: 单位' '	kind: 单位'
L=$(line_of unit.yaml '	kind:')
