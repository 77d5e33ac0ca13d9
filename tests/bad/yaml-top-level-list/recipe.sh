# yaml-top-level-list — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the file holds a list, not the key: value blocks
