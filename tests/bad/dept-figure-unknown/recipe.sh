# dept-figure-unknown — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a text quotes {name} that figures does not define
rm -rf "$U"/*
cp -r "$R/input/jinkouhe-2024/." "$U/"
D=performance/department.yaml
subst $D "覆盖率达到{targets_coverage}%" "覆盖率达到{coverage}%"
L=$(line_of $D '覆盖率达到{coverage}')
