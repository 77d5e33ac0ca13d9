# decimal-too-many-places — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# 万元 allows 6 decimals (1 分); a seventh is below 1 分
subst "$(csv 01)" '3153.82' '3153.8200001'
POS=$(pos_of "$(csv 01)" '3153.8200001')
