# project-report-incomplete — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a project's report: without its 三（二）项目效益情况 (and with a misspelt key)
cat >>performance/projects/01-51110025T000013637008.yaml <<'YAML'
report:
  approval: 按中央就业补助资金管理办法申报。
  goals: 开展企业薪酬调查。
  consistency: 申报内容与实施内容相符。
  funds_arrival: 资金按时到位。
  funds_use: 资金按合同支付。
  finance: 财务管理规范。
  organization: 委托专业调查机构实施。
  completion: 出具了本市企业薪酬调查报告。
  benefit: 为掌握薪酬水平提供了数据支撑。
YAML
L=$(line_of performance/projects/01-51110025T000013637008.yaml '^report:')
K=$(line_of performance/projects/01-51110025T000013637008.yaml '^  benefit:')
