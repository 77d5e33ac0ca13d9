# dept-unknown-key — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a misspelt key of department.yaml
rm -rf "$U"/*
cp -r "$R/input/lechang-2024/." "$U/"
D=performance/department.yaml
subst $D "achievements:" "achievments:"
L=$(line_of $D '^achievments:')
