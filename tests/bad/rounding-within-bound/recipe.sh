# rounding-within-bound — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a real 尾差: 公开03表 款 20801 typed 0.01 above the sum of its 5 项 and of its
# 基本支出 + 项目支出 (bound 5 × 0.005 and 2 × 0.005 万元); 公开03表 is in no identity
# while the unit has 结转和结余, so this is a warning and the build goes ahead
subst "$(csv 03)" '20801,人力资源和社会保障管理事务,1784.97' '20801,人力资源和社会保障管理事务,1784.98'
L=$(line_of "$(csv 03)" '^20801,')
CMD=build
