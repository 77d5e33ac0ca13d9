# project-report-incomplete — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a project's report: without its 三（二）项目效益情况 (its key misspelt: benefit)
F=performance/projects/01-51110025T000013637008.yaml
cat "$R/tests/e2e/project_report.yaml" >>$F
subst $F "  benefits:" "  benefit:"
L=$(line_of $F '^report:')
K=$(line_of $F '^  benefit:')
