# csv-text-after-quote — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
sed -i '2s/^一、一般公共预算财政拨款收入,/"一、一般公共预算财政拨款收入"x,/' "$(csv 01)"
