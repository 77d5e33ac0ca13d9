# project-amount-text — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# an amount typed with full-width digits
subst performance/projects/01-51110025T000013637008.yaml 'adjusted: 1.30, spent: 1.30}   # 总额' 'adjusted: 1.30, spent: １.30}   # 总额'
P=$(pos_of performance/projects/01-51110025T000013637008.yaml '１.30')
