# unknown-key-typo — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# short_name misspelt: an optional key, so without a schema the typo would
# silently drop the short name from every sentence
subst unit.yaml '  short_name:' '  short_nmae:'
L=$(line_of unit.yaml '^  short_nmae:')
