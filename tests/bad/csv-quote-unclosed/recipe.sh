# csv-quote-unclosed — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
sed -i '2s/^一、/"一、/' "$(csv 01)"
