# doc-unknown-name — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# --doc names a kind of document the registry does not have: a usage error
CMD=markup
OPTS="--doc nonesuch"
