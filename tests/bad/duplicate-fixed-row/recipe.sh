# duplicate-fixed-row — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# the same 项目 row twice
sed -n 2p "$(csv 01)" >> "$(csv 01)"
L=$(wc -l < "$(csv 01)")
