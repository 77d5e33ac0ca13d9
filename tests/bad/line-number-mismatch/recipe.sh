# line-number-mismatch — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# 行次 2 on the row whose 行次 is 1
subst "$(csv 01)" '一、一般公共预算财政拨款收入,1,' '一、一般公共预算财政拨款收入,2,'
