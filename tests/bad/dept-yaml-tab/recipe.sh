# dept-yaml-tab — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a tab used for indentation in department.yaml
rm -rf "$U"/*
cp -r "$R/input/jinkouhe-2024/." "$U/"
D=performance/department.yaml
subst $D "  income:" "	income:"
L=$(line_of $D '^	income:')
