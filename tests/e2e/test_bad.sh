#!/bin/sh
# The bad-input catalog: every case under tests/bad/ (see tests/bad/README.md)
# is a recipe applied to a fresh copy of input/leshan-2024, run through
# juesuan, and checked for its exit code and message fragments; the cases
# marked `guard` also check that `build` writes nothing and leaves an earlier
# output folder byte-identical. Run from the project root (tests/run.sh does).
#   sh tests/e2e/test_bad.sh [CASE...]     (default: every case)
# Closes with "N passed, N failed" (one per case).
set -u
bin=${JUESUAN_BIN:-build/san/juesuan}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
R=$(pwd)
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0; fail=0; failed=""

# ---- helpers a recipe may use ----------------------------------------------
# csv NN: the path of table NN's CSV in the unit copy ("csv 01").
csv() { ls "$U"/tables/"$1"_*.csv; }
# pos_of FILE TEXT: line:col (col in characters) of TEXT's first occurrence.
pos_of() {
  python3 - "$1" "$2" <<'PY'
import sys
text = sys.argv[2]
for n, line in enumerate(open(sys.argv[1], encoding="utf-8-sig", newline=""), 1):
    i = line.find(text)
    if i >= 0:
        print(f"{n}:{i + 1}")
        break
else:
    sys.exit("pos_of: text not found: " + text)
PY
}
# line_of FILE REGEX: the line number of the first line matching REGEX.
line_of() { grep -n -m1 -e "$2" "$1" | cut -d: -f1; }
# subst FILE OLD NEW: replace the first occurrence of OLD (literal) by NEW;
# NEW may hold \n escapes written as the two characters \ n for YAML strings.
subst() {
  python3 - "$@" <<'PY'
import sys
p, old, new = sys.argv[1:4]
s = open(p, encoding="utf-8", newline="").read()
if old not in s:
    sys.exit("subst: not found in " + p + ": " + old)
open(p, "w", encoding="utf-8", newline="").write(s.replace(old, new, 1))
PY
}
# project_copy: a project folder of our own (templates, fonts) for recipes
# that break it; sets P and exports JUESUAN_HOME.
project_copy() {
  P=$W/project
  mkdir -p "$P/fonts"
  cp -r "$R/templates" "$P/templates"
  cp "$R/fonts/fonts.yaml" "$P/fonts/"
  for f in "$R"/fonts/*.ttf "$R"/fonts/*.ttc "$R"/fonts/*.otf; do
    [ -e "$f" ] && ln -s "$f" "$P/fonts/"
  done
  JUESUAN_HOME=$P; export JUESUAN_HOME
}

# Expand ${NAME} in an expectation from the recipe's exported variables.
expand() { awk '{
  out = ""; s = $0
  while (match(s, /\$\{[A-Za-z_][A-Za-z_0-9]*\}/)) {
    name = substr(s, RSTART + 2, RLENGTH - 3)
    out = out substr(s, 1, RSTART - 1) ENVIRON[name]
    s = substr(s, RSTART + RLENGTH)
  }
  print out s }'; }

hashes() { (cd "$1" 2>/dev/null && find . -type f -exec sha256sum {} + | sort); }

# ---- one good build, the "earlier output" of the guard cases ---------------
good=$w/good
"$bin" build "$R/input/leshan-2024" -o "$good" >/dev/null 2>"$w/good.err" \
  || { echo "FAIL the example does not build:"; sed 's/^/     /' "$w/good.err" | head; }

# ---- one case --------------------------------------------------------------
run_case() {
  d=$1; name=$(basename "$d")
  W=$w/$name; mkdir -p "$W"
  # the environment of the recipe and of juesuan (a subshell: JUESUAN_HOME
  # and the recipe's variables stay in it)
  (
    set -u
    U=$W/leshan-2024
    cp -r "$R/input/leshan-2024" "$U"
    [ -d "$d/files" ] && cp -r "$d/files/." "$U/"
    CMD=check; ARG=$U; OUT=$W/out; OPTS=
    guard=false; grep -qx 'guard' "$d/expect" && guard=true && CMD=build
    export U W R
    if [ -f "$d/recipe.sh" ]; then
      # in the unit copy; every variable it sets is exported (for ${NAME}
      # in expect); a failing command fails the case
      cd "$U"
      set -ea
      . "$d/recipe.sh" >"$W/recipe.log" 2>&1
      set +ea
    fi
    if $guard; then
      cp -r "$good" "$OUT"
      before=$(hashes "$OUT")
    fi
    cd "$R"
    case $CMD in
      build) "$bin" build $OPTS "$ARG" -o "$OUT" >"$W/stdout" 2>"$W/stderr" ;;
      import) "$bin" import "$ARG" -o "$OUT" >"$W/stdout" 2>"$W/stderr" ;;
      *) "$bin" "$CMD" $OPTS "$ARG" >"$W/stdout" 2>"$W/stderr" ;;
    esac
    rc=$?
    # a fragment "错误: …" also matches a rule's "错误 [RULE-ID]: …" (give the
    # ID in the fragment to require it)
    sed 's/\(错误\|警告\) \[[A-Za-z0-9_-]*\]:/\1:/' "$W/stderr" >"$W/stderr.plain"
    ok=true
    why() { ok=false; echo "     $*"; }
    while IFS= read -r line || [ -n "$line" ]; do
      line=$(printf '%s\n' "$line" | expand)
      kind=${line%% *}; arg=${line#* }
      case $kind in
        exit) [ "$rc" = "$arg" ] || why "exit $rc, expected $arg" ;;
        stderr) grep -qF -- "$arg" "$W/stderr" || grep -qF -- "$arg" "$W/stderr.plain" || why "stderr lacks: $arg" ;;
        stdout) grep -qF -- "$arg" "$W/stdout" || why "stdout lacks: $arg" ;;
        not-stdout-line) grep -qxF -- "$arg" "$W/stdout" && why "stdout has the line: $arg" ;;
        not-stderr) grep -qF -- "$arg" "$W/stderr" && why "stderr has: $arg" ;;
        run) (cd "$W" && sh -c "$arg") >/dev/null 2>&1 || why "failed: $arg" ;;
        guard|'#'*|'') ;;
        *) why "unknown expectation: $line" ;;
      esac
    done <"$d/expect"
    if $guard; then
      [ "$(hashes "$OUT")" = "$before" ] || why "the earlier output changed"
      [ -z "$(find "$OUT" -name '.juesuan-*')" ] || why "temporary files left in the output folder"
      "$bin" build "$ARG" -o "$W/fresh" >/dev/null 2>&1
      [ -z "$(find "$W/fresh" \( -name '*.pdf' -o -name '*.xlsx' -o -name '.juesuan-*' \) 2>/dev/null)" ] \
        || why "a PDF/XLSX was written"
      [ -z "$(find "$W" -maxdepth 1 \( -name '*.pdf' -o -name '*.xlsx' \))" ] \
        || why "a PDF/XLSX was written outside the output folder"
    fi
    if ! $ok; then
      echo "     stderr:"; sed 's/^/       /' "$W/stderr" | head -8
      exit 1
    fi
    exit 0
  ) >"$w/$name.log" 2>&1
}

if [ $# -gt 0 ]; then cases=$(for c in "$@"; do echo "tests/bad/${c#tests/bad/}"; done)
else cases=$(ls -d tests/bad/*/ | sed 's#/$##'); fi
for d in $cases; do
  [ -f "$d/expect" ] || continue
  name=$(basename "$d")
  if run_case "$R/$d"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; cat "$w/$name.log"
    [ -s "$w/$name/recipe.log" ] && { echo "     recipe:"; sed 's/^/       /' "$w/$name/recipe.log" | head -8; }
  fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
