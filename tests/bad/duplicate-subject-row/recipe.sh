# duplicate-subject-row — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the same 科目编码 twice
row=$(grep '^2050302,' "$(csv 03)")
printf '%s\n' "$row" >> "$(csv 03)"
L=$(wc -l < "$(csv 03)")
