# unit-dir-dotdot — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the unit named by "..": no unit id, and no output folder OUT/..
mkdir -p "$W/x"
ARG=$W/x/..
