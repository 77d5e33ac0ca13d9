# project-unknown-key — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a typo in an indicator row's key (scroe for score)
subst performance/projects/01-51110025T000013637008.yaml 'actual: 77, weight: 20, score: 20}' 'actual: 77, weight: 20, scroe: 20}'
P=$(pos_of performance/projects/01-51110025T000013637008.yaml 'scroe')
L=$(line_of performance/projects/01-51110025T000013637008.yaml 'scroe')
