# unknown-key-top-level — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a misspelt optional block: glossary_notes → glossary_nots
subst unit.yaml 'glossary_notes:' 'glossary_nots:'
L=$(line_of unit.yaml '^glossary_nots:')
