# yaml-gbk — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# unit.yaml saved as GBK/GB18030 by an old editor
iconv -f UTF-8 -t GB18030 unit.yaml > unit.gbk && mv unit.gbk unit.yaml
# the first non-ASCII byte is in the first comment line, after "# "
