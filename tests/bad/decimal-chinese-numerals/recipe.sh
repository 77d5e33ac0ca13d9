# decimal-chinese-numerals — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst "$(csv 03)" '1019.89' '一千零一十九点八九'
POS=$(pos_of "$(csv 03)" '一千零一十九点八九')
