# three-public-final-total — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# 公开13表 决算数 合计 typed 20.88 over parts that add up to 20.8705 (4.95 + 15.19 +
# 0.7305): the parts carry 4 decimals, so rounding explains at most 3 × 0.00005
subst "$(csv 13)" '合计,21.8712,20.8705' '合计,21.8712,20.88'
