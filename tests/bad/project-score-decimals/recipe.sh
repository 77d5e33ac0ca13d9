# project-score-decimals — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a score with three decimals (scores are kept to 0.01)
subst performance/projects/01-51110025T000013637008.yaml 'actual: 77, weight: 20, score: 20}' 'actual: 77, weight: 20, score: 19.995}'
P=$(pos_of performance/projects/01-51110025T000013637008.yaml '19.995')
