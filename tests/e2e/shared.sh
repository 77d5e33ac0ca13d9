# shared.sh — sourced by the end-to-end tests that use ../shared (the
# project's shared material beside the clone: acceptance checks, the
# Mustache spec, seeds). A clone without it runs everything else: each part
# that needs it prints "skip: WHAT: …" (tests/run.sh lists those lines and
# counts them), unless JUESUAN_REQUIRE_SHARED=1 (.ci/run), where a missing
# file is a failure. JUESUAN_SHARED names another folder.
SHARED=${JUESUAN_SHARED:-../shared}

# have_shared PATH WHAT: true when $SHARED/PATH exists; else says what is
# skipped and why (or fails, through the test's `no`, when required).
have_shared() {
  [ -e "$SHARED/$1" ] && return 0
  if [ "${JUESUAN_REQUIRE_SHARED:-0}" = 1 ]; then
    no "$2: $SHARED/$1 not found (JUESUAN_REQUIRE_SHARED=1)"
  else
    echo "skip: $2: $SHARED/$1 not found (no ../shared beside this clone)"
  fi
  return 1
}
