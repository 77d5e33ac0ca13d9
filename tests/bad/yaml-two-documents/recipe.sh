# yaml-two-documents — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a second YAML document after "---": it used to be silently ignored
printf -- '---\nunit: {name: 另一个单位}\n' >> unit.yaml
L=$(line_of unit.yaml '^---$')
