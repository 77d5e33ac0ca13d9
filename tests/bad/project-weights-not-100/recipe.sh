# project-weights-not-100 — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# one weight raised from 20 to 25: the indicators weigh 95, not 90, and 合计 105
subst performance/projects/01-51110025T000013637008.yaml 'actual: 77, weight: 20, score: 20}' 'actual: 77, weight: 25, score: 25}'
L=$(line_of performance/projects/01-51110025T000013637008.yaml '^indicators:')
