# unit-name-newline-build — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a unit name with a line break: an error at its unit.yaml line:col in check and in build alike
subst unit.yaml '  name: 乐山市人力资源和社会保障局（机关）' '  name: "乐山市人力资源\n和社会保障局（机关）"'
L=$(line_of unit.yaml '^  name:')
