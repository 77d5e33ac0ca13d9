# unit-path-with-dotdot — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# "../" inside the path is fine: the unit is the folder it names, and the
# output goes to OUT/leshan-2024 and nowhere else
mkdir -p "$W/a/b"
CMD=build
ARG=$W/a/b/../../leshan-2024
