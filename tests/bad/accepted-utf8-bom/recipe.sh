# accepted-utf8-bom — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# Excel's "CSV UTF-8" adds a BOM: accepted, in every table and in unit.yaml
for f in tables/*.csv unit.yaml; do printf '\357\273\277' | cat - "$f" > t && mv t "$f"; done
