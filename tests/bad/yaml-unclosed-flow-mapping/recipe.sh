# yaml-unclosed-flow-mapping — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a flow mapping {…} whose closing brace is lost
subst unit.yaml '    held: {total: 4, sedans: 4, suvs: 0, buses: 0}' '    held: {total: 4, sedans: 4, suvs: 0, buses: 0'
E=$(( $(line_of unit.yaml '^    held:') + 2 ))
