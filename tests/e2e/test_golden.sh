#!/bin/sh
# Golden tests: for every example unit under input/, the facts tree
# (juesuan facts) and the rendered document markup (juesuan markup) must equal
# the reviewed files tests/golden/<unit>.facts.json and <unit>.markup.txt.
# After a deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
. tests/e2e/lib.sh
for u in input/*/; do
  u=${u%/}; id=$(basename "$u")
  [ -f "$u/unit.yaml" ] || continue
  for kind in facts markup; do
    ext=$([ $kind = facts ] && echo json || echo txt)
    want=tests/golden/$id.$kind.$ext
    if ! "$bin" $kind "$u" >"$w/got" 2>"$w/err"; then
      fail=$((fail + 1)); echo "FAIL $id $kind: juesuan $kind exited non-zero"; sed 's/^/     /' "$w/err" | head; continue
    fi
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$w/got" "$want"; fi
    if [ ! -f "$want" ]; then
      fail=$((fail + 1)); echo "FAIL $id $kind: no golden file $want (UPDATE_GOLDEN=1 makes it)"
    elif diff -u "$want" "$w/got" >"$w/diff"; then
      pass=$((pass + 1)); echo "ok   $id $kind"
    else
      fail=$((fail + 1)); echo "FAIL $id $kind differs from $want:"; head -40 "$w/diff"
    fi
  done
done
finish
