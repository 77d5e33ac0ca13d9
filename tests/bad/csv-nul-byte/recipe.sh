# csv-nul-byte — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
printf '\0' >> "$(csv 01)"
L=$(( $(wc -l < "$(csv 01)") + 1 ))
