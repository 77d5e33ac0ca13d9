# project-score-over-weight — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# an indicator scored above its weight (20 of 20 typed as 25)
subst performance/projects/01-51110025T000013637008.yaml 'actual: 77, weight: 20, score: 20}' 'actual: 77, weight: 20, score: 25}'
L=$(line_of performance/projects/01-51110025T000013637008.yaml '农村劳动力转移就业率')
