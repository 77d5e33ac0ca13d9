# identity-class-02-04-06 — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# 类 221 住房保障支出 typed 80.64 in 公开02表 (its 款 and 项 too, so 公开02表 adds
# up), 80.63 in 公开04表 and 公开06表: the same quantity with two figures
sed -i 's/^\(221\|22102\|2210201\),\([^,]*\),80.63,80.63/\1,\2,80.64,80.64/' "$(csv 02)"
L02=$(line_of "$(csv 02)" '^221,'); L04=$(line_of "$(csv 04)" '十九、住房保障支出'); L06=$(line_of "$(csv 06)" '^221,')
