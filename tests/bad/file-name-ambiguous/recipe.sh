# file-name-ambiguous — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# two files with the prefix 13_ and neither the spec's name: which is the table?
mv tables/13_财政拨款三公经费支出决算表.csv tables/13_三公.csv
cp tables/13_三公.csv tables/13_三公经费（旧）.csv
