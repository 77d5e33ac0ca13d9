# dept-layout-path — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a layout that is a path: refused by markup too (which does not run the checks),
# so no template outside templates/performance/department/ is ever read
rm -rf "$U"/*
cp -r "$R/input/jinkouhe-2024/." "$U/"
D=performance/department.yaml
subst $D "layout: sichuan" "layout: ../../parts/cover"
L=$(line_of $D '^layout:')
CMD=markup
