# unit-dir-dotdot — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the unit named by "..": no unit id, and no output folder OUT/.. (x/.. inside
# the unit folder: a ".." that names a folder of unit folders is a batch)
mkdir -p "$W/leshan-2024/x"
ARG=$W/leshan-2024/x/..
