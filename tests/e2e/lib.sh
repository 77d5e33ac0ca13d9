# lib.sh — the preamble of the end-to-end tests, sourced from the project
# root (`. tests/e2e/lib.sh`): unset variables are errors; `bin` is the
# binary under test (JUESUAN_BIN, default build/san/juesuan), `py` python3,
# `w` a scratch folder removed on exit, `pass` and `fail` the counts; and
#   ok NAME          count a passed check, print "ok   NAME"
#   no NAME [FILE]   count a failed check, print "FAIL NAME" and FILE's first lines
#   t NAME CMD…      ok NAME when CMD succeeds, else no NAME
#   finish           the closing line "N passed, N failed"; fails unless
#                    nothing failed and something passed
set -u
bin=${JUESUAN_BIN:-build/san/juesuan}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -20; }
t() { name=$1; shift; if "$@"; then ok "$name"; else no "$name"; fi; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" = 0 ] && [ "$pass" -gt 0 ]; }
