# csv-invalid-utf8 — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a stray byte that is neither UTF-8 nor GBK
printf '\377\n' >> "$(csv 01)"
L=$(wc -l < "$(csv 01)")
