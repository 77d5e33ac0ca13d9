# doc-not-in-folder — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# --doc department for a unit folder without performance/department.yaml
CMD=markup
OPTS="--doc department"
