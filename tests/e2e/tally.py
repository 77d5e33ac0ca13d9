"""tally.py — the count the e2e checkers (read_pdf.py, one_figure.py, check_tables.py) keep:
check(ok, what) prints "FAIL what" when ok is false; finish() prints
"N passed, N failed" and exits 1 when a check failed."""
import sys

passed, failed = 0, 0


def check(ok, what):
    """Count one check; print it when it fails. Returns ok."""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)
    return ok


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
