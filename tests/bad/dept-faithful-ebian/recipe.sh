# dept-faithful-ebian — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# seed 004 as published: "项目支出2331.57万元，其中项目17个" with 16 projects listed
rm -rf "$U"/*
cp -r "$R/input/ebian-2024/." "$U/"
D=performance/department.yaml
subst $D "    project: 2331.57" "    project: 2331.57
    project_count: 17"
L=$(line_of $D '^    project_count: 17')
P=$(line_of $D '^    projects:')
