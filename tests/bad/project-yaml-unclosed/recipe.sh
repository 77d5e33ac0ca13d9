# project-yaml-unclosed — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a flow mapping of an indicator row left open
subst performance/projects/01-51110025T000013637008.yaml 'actual: 77, weight: 20, score: 20}' 'actual: 77, weight: 20, score: 20'
