# overflow-yaml-amount — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  total: 4010.58 ' '  total: 99999999999999999999 '
POS=$(pos_of unit.yaml '99999999999999999999')
