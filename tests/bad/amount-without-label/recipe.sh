# amount-without-label — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst "$(csv 01)" '一、一般公共预算财政拨款收入,1,' ',1,'
