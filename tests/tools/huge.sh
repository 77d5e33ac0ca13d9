#!/bin/sh
# The README's huge-input figures: `juesuan check` (release build, ./juesuan)
# on the Leshan example with 1,000,000 duplicated rows in its 支出决算表,
# and with one row of 250,000 more cells; CPU and wall seconds, peak memory
# and what reaches stderr (tests/tools/huge_input.py). Run from the project
# root after `make`: sh tests/tools/huge.sh [JUESUAN]
set -eu
bin=${1:-./juesuan}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
python3 tests/tools/huge_input.py "$bin" input/leshan-2024 rows 1000000 "$w"
python3 tests/tools/huge_input.py "$bin" input/leshan-2024 cols 250000 "$w"
