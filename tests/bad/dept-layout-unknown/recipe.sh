# dept-layout-unknown — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a layout no template folder has
rm -rf "$U"/*
cp -r "$R/input/jinkouhe-2024/." "$U/"
D=performance/department.yaml
subst $D "layout: sichuan" "layout: sichaun"
L=$(line_of $D '^layout:')
