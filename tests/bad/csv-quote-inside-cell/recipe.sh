# csv-quote-inside-cell — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
sed -i '2s/^一、一般/一、"一般/' "$(csv 01)"
