# header-column-missing — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
sed -i '1s/,对附属单位补助支出$//' "$(csv 03)"
