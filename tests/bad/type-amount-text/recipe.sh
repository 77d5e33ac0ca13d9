# type-amount-text — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  total: 4010.58 ' '  total: 约四千万 '
POS=$(pos_of unit.yaml '约四千万')
