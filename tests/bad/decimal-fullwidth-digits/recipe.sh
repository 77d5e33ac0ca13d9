# decimal-fullwidth-digits — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# full-width digits, as a Chinese input method types them: refused, not converted
subst "$(csv 01)" '3153.82' '１２.３'
POS=$(pos_of "$(csv 01)" '１２.３')
