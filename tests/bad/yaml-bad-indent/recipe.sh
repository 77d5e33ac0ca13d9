# yaml-bad-indent — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# one key indented one space too far: libfyaml reads it as the continuation
# of the value above and reports that value
subst unit.yaml '  kind: 单位' '   kind: 单位'
E=$(( $(line_of unit.yaml '^   kind:') - 1 ))
