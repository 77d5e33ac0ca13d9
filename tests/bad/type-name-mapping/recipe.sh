# type-name-mapping — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
subst unit.yaml '  name: 乐山市人力资源和社会保障局（机关）' '  name: {全称: 乐山市人力资源和社会保障局（机关）}'
L=$(line_of unit.yaml '^  name:')
