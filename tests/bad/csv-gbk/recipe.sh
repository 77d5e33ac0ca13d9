# csv-gbk — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# saved by Chinese Excel as "CSV (逗号分隔)": GBK/GB18030 — converted, with a warning
iconv -f UTF-8 -t GB18030 "$(csv 01)" > t.gbk && mv t.gbk "$(csv 01)"
