# three-public-budget-total — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# 公开13表 预算数 合计 0.0288 off its parts (21.90 over 4.95 + 15.19 + 1.7312)
subst "$(csv 13)" '合计,21.8712,20.8705' '合计,21.90,20.8705'
