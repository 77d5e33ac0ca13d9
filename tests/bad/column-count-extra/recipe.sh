# column-count-extra — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# one cell too many on row 3
sed -i '3s/$/,1/' "$(csv 01)"
