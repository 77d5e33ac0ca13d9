# accepted-crlf — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# Windows line ends: accepted
for f in tables/*.csv unit.yaml; do sed -i 's/$/\r/' "$f"; done
