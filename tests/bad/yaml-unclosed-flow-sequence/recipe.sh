# yaml-unclosed-flow-sequence — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a flow sequence […] whose closing bracket is lost
subst unit.yaml '物业管理费（市人社局机关）]' '物业管理费（市人社局机关）'
E=$(( $(line_of unit.yaml "^      projects: \[") + 2 ))
