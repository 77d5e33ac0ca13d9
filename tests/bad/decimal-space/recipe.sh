# decimal-space — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# "4. 12": a blank inside the number (the README's own example)
subst "$(csv 01)" '3153.82' '4. 12'
POS=$(pos_of "$(csv 01)" '4. 12')
