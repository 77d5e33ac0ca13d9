# yaml-only-comments — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
printf '# 乐山市人力资源和社会保障局（机关）\n\n# 待填写\n' > unit.yaml
