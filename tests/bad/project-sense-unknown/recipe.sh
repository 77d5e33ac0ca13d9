# project-sense-unknown — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# 指标性质 written in words
subst performance/projects/01-51110025T000013637008.yaml 'name: 农村劳动力转移就业率, sense: "≥"' 'name: 农村劳动力转移就业率, sense: 大于等于'
P=$(pos_of performance/projects/01-51110025T000013637008.yaml '大于等于')
