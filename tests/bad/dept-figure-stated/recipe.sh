# dept-figure-stated — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a published figure that the data do not give: 支出率 94.16% typed as 94.61%
rm -rf "$U"/*
cp -r "$R/input/lechang-2024/." "$U/"
D=performance/department.yaml
subst $D "stated: 94.16" "stated: 94.61"
P=$(pos_of $D '94.61')
