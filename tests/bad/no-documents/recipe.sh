# no-documents — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a unit folder with unit.yaml only (no tables/, no performance/): nothing to build
rm -rf "$U/tables"
L=$(line_of unit.yaml '^overview:')
