# header-mismatch — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a header cell renamed
sed -i '1s/,金额,/,金额（万元）,/' "$(csv 01)"
