# accepted-long-name — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a 300-character unit name: check accepts it, so build builds it, the file
# names cut to NAME_MAX (255) bytes with a hash of the whole title
LONG=$(printf '乐山市人力资源和社会保障局%.0s' $(seq 23))局
subst unit.yaml '  name: 乐山市人力资源和社会保障局（机关）' "  name: $LONG"
CMD=build
