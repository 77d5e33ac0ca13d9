# accepted-file-name-differs — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a table file named with the printed title (quotes and all): found by its NN_ prefix, with a warning
mv tables/13_财政拨款三公经费支出决算表.csv tables/13_财政拨款“三公”经费支出决算表.csv
