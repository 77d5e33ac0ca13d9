#!/bin/sh
# End to end, an interrupted build leaves nothing behind (issue 11 item 5).
# The output folder holds a good build of the Leshan example (A); a changed
# copy (B: another 公开时间, so both files differ) is built over it and
# stopped by `timeout -s INT|TERM|HUP` at 20 moments spread over the build.
# After each, the folder holds A's two files and manifest or B's, byte for
# byte (never a new PDF beside an old XLSX), no `.juesuan-XXXXXX` file, and
# TMPDIR holds no juesuan file. Then the same signals (and SIGKILL) are sent
# at a moment a temporary file is known to exist; after SIGKILL the next
# good build removes the stale files. Run from the project root. Closing
# line: "N passed, N failed".
. tests/e2e/lib.sh

mkdir -p "$w/a" "$w/b" "$w/tmp"
cp -r input/leshan-2024 "$w/a/leshan-2024"
cp -r input/leshan-2024 "$w/b/leshan-2024"
sed -i 's/^\(  published: \).*/\12025-10-01/' "$w/b/leshan-2024/unit.yaml"
export TMPDIR="$w/tmp"

"$bin" build "$w/a/leshan-2024" -o "$w/good" >/dev/null 2>"$w/err" || { no "build A" "$w/err"; echo "$pass passed, $fail failed"; exit 1; }
t0=$(date +%s%N)
"$bin" build "$w/b/leshan-2024" -o "$w/new" >/dev/null 2>"$w/err" || { no "build B" "$w/err"; echo "$pass passed, $fail failed"; exit 1; }
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
sums() { (cd "$1" && sha256sum -- *) 2>/dev/null | sort; }
A=$(sums "$w/good/leshan-2024"); B=$(sums "$w/new/leshan-2024")
[ "$(echo "$A" | wc -l)" = 3 ] && [ "$( (echo "$A"; echo "$B") | cut -c1-64 | sort -u | wc -l)" = 6 ] \
  && ok "A and B differ in both files and the manifest (a build takes ${ms} ms)" || no "A and B differ in both files and the manifest"

out="$w/o/leshan-2024"
reset() { rm -rf "$w/o"; mkdir -p "$w/o"; cp -r "$w/good/leshan-2024" "$out"; }
# what an interrupted build left: "A", "B", or what is wrong
state() {
  leftover=$(ls -A "$out" | grep '^\.juesuan-' | tr '\n' ' ')
  tmpleft=$(ls -A "$TMPDIR" | grep 'juesuan' | tr '\n' ' ')
  now=$(sums "$out")
  if [ -n "$leftover" ]; then echo "temporary files left in the output folder: $leftover"
  elif [ -n "$tmpleft" ]; then echo "temporary files left in TMPDIR: $tmpleft"
  elif [ "$now" = "$A" ]; then echo A
  elif [ "$now" = "$B" ]; then echo B
  else echo "mixed or damaged output: $(ls -A "$out" | tr '\n' ' ')"; fi
}

# 20 moments over the build's duration: INT, TERM and HUP
stopped=0; done_=0
i=1
while [ $i -le 20 ]; do
  case $((i % 5)) in 0) sig=TERM ;; 3) sig=HUP ;; *) sig=INT ;; esac
  at=$(awk -v ms="$ms" -v i="$i" 'BEGIN { printf "%.3f", ms * i / 21 / 1000 }')
  reset
  timeout -s $sig "$at" "$bin" build "$w/b/leshan-2024" -o "$w/o" >/dev/null 2>"$w/err"
  rc=$?
  s=$(state)
  case "$rc:$s" in
    124:A) stopped=$((stopped + 1)); ok "SIG$sig at ${at}s: stopped, previous output intact" ;;
    124:B) stopped=$((stopped + 1)); ok "SIG$sig at ${at}s: stopped after the commit, new output complete" ;;
    0:B) done_=$((done_ + 1)); ok "SIG$sig at ${at}s: finished first, new output complete" ;;
    *) no "SIG$sig at ${at}s: exit $rc, $s" "$w/err" ;;
  esac
  i=$((i + 1))
done
[ $stopped -ge 10 ] && ok "$stopped of 20 builds were stopped by the signal ($done_ finished first)" \
  || no "only $stopped of 20 builds were stopped by the signal: the moments do not cover the build"

# start building B in the background and wait until a temporary file
# exists (polled without forking) or the build ends; sets pid and seen
start_until_temp() {
  reset
  # a background job of sh starts with SIGINT and SIGQUIT ignored (and
  # juesuan keeps an ignored signal ignored): give them their default back
  env --default-signal=INT,QUIT "$bin" build "$w/b/leshan-2024" -o "$w/o" >/dev/null 2>"$w/err" &
  pid=$!
  n=0
  while [ $n -lt 200000 ]; do
    set -- "$out"/.juesuan-*
    [ -e "$1" ] && break
    kill -0 $pid 2>/dev/null || break
    n=$((n + 1))
  done
  seen=no; [ -e "$1" ] && seen=yes
}

for sig in INT TERM HUP; do
  start_until_temp
  kill -$sig $pid 2>/dev/null
  wait $pid
  rc=$?
  s=$(state)
  case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
  if [ $seen = yes ] && [ $rc = $want ] && [ "$s" = A ]; then
    ok "SIG$sig while a temporary file exists: removed, exit $rc (ended by the signal), previous output intact"
  elif [ $seen = no ]; then
    no "SIG$sig: no temporary file was seen before the build ended"
  else
    no "SIG$sig while a temporary file exists: exit $rc (want $want), $s" "$w/err"
  fi
done

# SIGKILL cannot be caught: the next good build sweeps what it left
start_until_temp
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
stale=$(ls -A "$out" | grep -c '^\.juesuan-')
[ "$stale" -ge 1 ] && [ "$(sums "$out")" = "$A" ] && ok "SIGKILL: $stale stale temporary file(s) left, previous output intact" \
  || no "SIGKILL: want stale temporary files beside the intact previous output ($stale stale)"
: >"$out/.juesuan-notOurs.txt" # not juesuan's pattern: must stay
"$bin" build "$w/b/leshan-2024" -o "$w/o" >/dev/null 2>"$w/err" && [ -e "$out/.juesuan-notOurs.txt" ] \
  && rm -f "$out/.juesuan-notOurs.txt" && [ "$(state)" = B ] \
  && ok "the next good build removes the stale files (and only juesuan's own)" \
  || no "the next good build removes the stale files: $(state)" "$w/err"

finish
