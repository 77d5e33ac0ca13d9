# yaml-alias — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# an anchor and an alias (*name) instead of writing the value out
subst unit.yaml '  state_capital: 0 ' '  state_capital: &zero 0 '
subst unit.yaml '  admin_operating: 477.94' '  admin_operating: *zero'
POS=$(pos_of unit.yaml '*zero')
