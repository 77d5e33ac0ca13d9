# decimal-misplaced-separator — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst "$(csv 01)" '3153.82' '"1,0.2"'
POS=$(pos_of "$(csv 01)" '"1,0.2"')
