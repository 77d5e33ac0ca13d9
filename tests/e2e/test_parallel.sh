#!/bin/sh
# End to end, a run split by folder with GNU parallel (issue 12 item 6):
# the unit folders go in shards of 3 to `juesuan build` through
# `parallel --sshlogin :` (":" is this machine; a list of hosts is the same
# command on several), each shard into its own output folder as separate
# machines would; then `juesuan manifest merge` joins the shards' manifests
# into one record, checking every output against its SHA-256. A changed
# output and two shards that built one unit differently are refused. Skips
# (with the reason) when parallel is not installed; make deps installs it.
# Run from the project root.
. tests/e2e/lib.sh
if ! command -v parallel >/dev/null 2>&1; then
  echo "skip: GNU parallel: not installed (Debian package parallel; make deps installs it)"
  echo "$pass passed, $fail failed"
  exit 0
fi
"$py" tests/tools/gen_units.py "$w/units" 6 11
case "$bin" in /*) abs=$bin ;; *) abs=$PWD/$bin ;; esac
# shards of 3 unit folders; shard N into out/shard-N (as if on its own machine)
ls -d "$w"/units/*/ | parallel --will-cite --sshlogin : -j 2 -N 3 \
  env JUESUAN_HOME="$PWD" "$abs" build {} -o "$w/out/shard-{#}" -j 1 >"$w/par" 2>"$w/par.err"; rc=$?
shards=$(ls "$w/out" | wc -l)
[ $rc = 0 ] && [ "$shards" = 2 ] && [ "$(grep -c '^共 3 个单位：生成 3' "$w/par")" = 2 ] \
  && ok "parallel --sshlogin : built 2 shards of 3 units (exit 0)" || no "parallel: exit $rc, $shards shards" "$w/par.err"
"$bin" manifest merge "$w"/out/shard-* -o "$w/all.txt" >"$w/m" 2>&1; rc=$?
units=$(grep -c '^unit	' "$w/all.txt" 2>/dev/null)
outs=$(grep -c '^output	' "$w/all.txt" 2>/dev/null)
[ $rc = 0 ] && [ "$units" = 6 ] && [ "$outs" -ge 12 ] && head -1 "$w/all.txt" | grep -q '^juesuan-manifests	1$' \
  && ok "manifest merge: one record of $units units, $outs outputs, each checked" || no "manifest merge: exit $rc, $units units" "$w/m"
# the merged record, checked again with a standard tool: sha256sum -c
(cd "$w/out" && for s in shard-*; do for u in "$s"/*/; do
   awk -F'\t' -v d="$u" '$1 == "output" { print $2 "  " d $3 }' "$u/juesuan-manifest.txt"; done; done) >"$w/sums"
(cd "$w/out" && sha256sum -c --quiet "$w/sums") >"$w/c" 2>&1 && [ "$(wc -l <"$w/sums")" = "$outs" ] \
  && ok "sha256sum -c agrees with every output line" || no "sha256sum -c" "$w/c"
# a changed output is refused
x=$(ls "$w"/out/shard-1/*/*.xlsx | head -1)
printf 'x' >>"$x"
"$bin" manifest merge "$w"/out/shard-* -o "$w/all2.txt" >"$w/m" 2>&1; rc=$?
[ $rc = 1 ] && grep -q '与清单不符' "$w/m" && [ ! -e "$w/all2.txt" ] && ok "a changed output: exit 1, named, no record written" \
  || no "a changed output: exit $rc" "$w/m"
# the same unit built differently in two shards (overlapping shards) is refused
xu=$(basename "$(dirname "$x")")
"$bin" build "$w/units/$xu" -o "$w/out/shard-1" >/dev/null 2>&1 # the edited workbook is noticed and rebuilt
"$bin" manifest merge "$w"/out/shard-* >/dev/null 2>"$w/m" && ok "the edited output rebuilt: merge passes again" || no "merge after the rebuild" "$w/m"
mkdir -p "$w/other"; cp -r "$w/units/gen-0001" "$w/other/"
sed -i 's/^\(  published: \).*/\12025-10-09/' "$w/other/gen-0001/unit.yaml"
"$bin" build "$w/other/gen-0001" -o "$w/out/shard-3" >/dev/null 2>&1
"$bin" manifest merge "$w"/out/shard-* >"$w/all3.txt" 2>"$w/m"; rc=$?
[ $rc = 1 ] && grep -q '分片重叠' "$w/m" && ok "overlapping shards with different builds of one unit: exit 1" || no "overlapping shards: exit $rc" "$w/m"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
