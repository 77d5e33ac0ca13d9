#!/bin/sh
# End to end, batch and incremental builds (issue 12 items 1, 2, 5 and 6):
# generated units pass `juesuan check`; a folder of the examples, generated
# units and one broken unit builds in parallel with a summary, the broken
# unit reported and every other built; a second run skips every unit;
# changing one CSV rebuilds exactly that unit (touching it does not);
# deleting or editing an output rebuilds its unit; --force rebuilds all; a
# terminal gets the redrawn progress line; SIGINT to the batch (or to its
# whole process group, as Ctrl-C does) leaves no temporary file and no
# half-written output; one unit alone prints its files as before; a font
# changed in place keeping its size (with a new mtime, or with its old
# mtime put back) is noticed through the hash cache. Run from the project
# root. GEN_UNITS (default 6) sets how many generated units
# the batch holds (the 200-unit run of the README is GEN_UNITS=200).
. tests/e2e/lib.sh
n_gen=${GEN_UNITS:-4}
# a project of our own with one font copied (not linked), made now so that
# its times are more than a second old when the hash cache sees it (below)
P=$w/project; mkdir -p "$P/fonts"
cp -r templates "$P/"; cp fonts/fonts.yaml "$P/fonts/"
for f in fonts/*.ttf; do ln -s "$PWD/$f" "$P/fonts/"; done
font=$P/fonts/NotoSansSC-Bold.ttf
rm "$font"; cp fonts/NotoSansSC-Bold.ttf "$font"

# --- the generator: 20 units, each passes check; the same seed, the same bytes
"$py" tests/tools/gen_units.py "$w/g20" 20 5 || no "gen_units.py 20 units"
"$py" tests/tools/gen_units.py "$w/g20b" 20 5
[ "$(cd "$w/g20" && find . -type f -exec sha256sum {} + | sort)" = "$(cd "$w/g20b" && find . -type f -exec sha256sum {} + | sort)" ] \
  && ok "gen_units.py is deterministic (same seed, same files)" || no "gen_units.py is deterministic"
"$bin" check "$w"/g20/gen-* >"$w/chk" 2>"$w/err"; rc=$?
[ $rc = 0 ] && ! grep -q '错误' "$w/err" && ok "20 generated units pass juesuan check with no error" || no "20 generated units pass check: exit $rc" "$w/err"
kinds=$(grep -h '^  kind:' "$w"/g20/*/unit.yaml | sed 's/ *#.*//; s/^  kind: //' | sort | uniq -c | awk '{ printf "%s %s, ", $1, $2 }')
three=$(for u in "$w"/g20/*; do awk -F, 'NR==2 {print $3}' "$u"/tables/13_*.csv; done | grep -c '^0\.00*$')
fund=$(for u in "$w"/g20/*; do awk -F, 'NR==2 {print $4}' "$u"/tables/10_*.csv; done | grep -c '^$')
zero=$(cat "$w"/g20/*/tables/03_*.csv | grep -c '^[0-9]\{7\},[^,]*,0\.00*,')
[ "$three" -ge 1 ] && [ "$fund" -ge 1 ] && [ "$zero" -ge 1 ] && echo "$kinds" | grep -q 部门 \
  && ok "generated: ${kinds}$three without 三公, $fund without 政府性基金, $zero zero 项 rows" \
  || no "generated units vary: $kinds three=$three fund=$fund zero=$zero"

# --- a batch: the examples, generated units and one broken unit
mkdir -p "$w/units"
for u in input/*/; do [ -f "$u/unit.yaml" ] && cp -r "$u" "$w/units/"; done
"$py" tests/tools/gen_units.py "$w/gen" "$n_gen" 3
cp -r "$w"/gen/* "$w/units/"
cp -r "$w/gen/gen-0001" "$w/units/broken"
sed -i 's/^\(  kind: \).*/\1机关/' "$w/units/broken/unit.yaml"
total=$(ls "$w/units" | wc -l)
"$bin" build "$w/units" -o "$w/out" -j 2 >"$w/s1" 2>"$w/e1"; rc=$?
built=$(grep -c '  生成 ' "$w/s1")
lines=$(grep -c '^\[ *[0-9]*/'"$total"'\] ' "$w/s1")
if [ $rc = 1 ] && [ "$built" = $((total - 1)) ] && [ "$lines" = "$total" ] \
   && grep -q "^共 $total 个单位：生成 $((total - 1))，跳过 0，失败 1" "$w/s1" \
   && grep -q '^  broken：.*unit.yaml:[0-9]*:[0-9]*: 错误: unit.kind' "$w/s1" && grep -q 'broken/unit.yaml.*错误' "$w/e1"; then
  ok "batch of $total: exit 1, $built built, the broken unit listed with its first message, $lines progress lines"
else
  no "batch of $total: exit $rc, built $built, progress lines $lines" "$w/s1"
fi
missing=""
for u in "$w"/units/*; do
  id=$(basename "$u"); [ "$id" = broken ] && continue
  ls "$w/out/$id"/*.pdf >/dev/null 2>&1 && [ -f "$w/out/$id/juesuan-manifest.txt" ] || missing="$missing $id"
done
[ -z "$missing" ] && [ ! -e "$w/out/broken" ] && ok "every other unit has its PDF and manifest; nothing for the broken one" \
  || no "outputs missing for:$missing"
# the summary's documents and pages agree with the files
"$py" - "$w/s1" "$w/out" <<'PY' && ok "summary: documents and pages agree with the PDFs (pdfinfo)" || no "summary documents and pages"
import glob, os, re, subprocess, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^(\S+)\s+生成\s+(\d+)\s+(\d+)\s", line)
    if m:
        rows[m.group(1)] = (int(m.group(2)), int(m.group(3)))
assert len(rows) > 3, rows
for unit, (docs, pages) in rows.items():
    pdfs = glob.glob(os.path.join(sys.argv[2], unit, "*.pdf"))
    n = sum(int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", p], capture_output=True, text=True).stdout).group(1)) for p in pdfs)
    assert (docs, pages) == (len(pdfs), n), (unit, docs, pages, len(pdfs), n)
PY

# --- incremental: nothing changed → every unit skipped
rm -rf "$w/units/broken"
total=$((total - 1))
sums() { (cd "$w/out" && find . -type f -exec sha256sum {} + | grep -v "gen-0002/juesuan-manifest" | sort); }
before=$(sums)
"$bin" build "$w/units" -o "$w/out" -j 2 >"$w/s2" 2>"$w/e2"; rc=$?
[ $rc = 0 ] && grep -q "^共 $total 个单位：生成 0，跳过 $total，失败 0" "$w/s2" && [ "$before" = "$(sums)" ] \
  && ok "second run: all $total skipped, exit 0, outputs untouched" || no "second run: exit $rc" "$w/s2"

# the status of one unit in a summary
status() { awk -v u="$1" '$1 == u { print $2 }' "$2"; }
one_rebuilt() { # WHAT UNIT SUMMARY: exactly UNIT built, the others skipped
  if [ "$(status "$2" "$3")" = 生成 ] && grep -q "^共 $total 个单位：生成 1，跳过 $((total - 1))，失败 0" "$3"; then
    ok "$1 rebuilds exactly $2"
  else no "$1 rebuilds exactly $2" "$3"; fi
}
g=gen-0002
csv=$(ls "$w/units/$g"/tables/03_*.csv)
touch "$csv"
"$bin" build "$w/units" -o "$w/out" -j 2 >"$w/s3" 2>&1
grep -q "^共 $total 个单位：生成 0，跳过 $total" "$w/s3" && ok "touch (same content) rebuilds nothing: the manifest holds hashes" \
  || no "touch rebuilds nothing" "$w/s3"
sed -i 's/$/\r/' "$csv" # CRLF line ends: other bytes, the same figures
"$bin" build "$w/units" -o "$w/out" -j 2 >"$w/s4" 2>&1
one_rebuilt "changing one CSV's bytes" $g "$w/s4"
grep -q "$(sha256sum "$csv" | cut -c1-64)	tables/$(basename "$csv")" "$w/out/$g/juesuan-manifest.txt" \
  && ok "the manifest records the CSV's new SHA-256" || no "the manifest records the CSV's new SHA-256"
rm "$w"/out/gen-0003/*.pdf
"$bin" build "$w/units" -o "$w/out" -j 2 >"$w/s5" 2>&1
one_rebuilt "deleting one output" gen-0003 "$w/s5"
ls "$w"/out/gen-0003/*.pdf >/dev/null 2>&1 && ok "the deleted PDF is back" || no "the deleted PDF is back"
printf 'x' >>"$(ls "$w"/out/leshan-2024/*.xlsx)"
"$bin" build "$w/units" -o "$w/out" -j 2 >"$w/s6" 2>&1
one_rebuilt "editing one output" leshan-2024 "$w/s6"
"$bin" build "$w/units" -o "$w/out" -j 2 --force >"$w/s7" 2>&1
grep -q "^共 $total 个单位：生成 $total，跳过 0，失败 0" "$w/s7" && ok "--force rebuilds all $total" || no "--force" "$w/s7"
[ "$before" = "$(sums)" ] && ok "rebuilt outputs and manifests are byte-identical to the first build (but the changed CSV's hash)" \
  || no "rebuilt outputs differ from the first build"

# --- the hash cache: a file whose device, inode, size, mtime and ctime are
# unchanged is not hashed again; a font changed in place is still noticed
pb() { env JUESUAN_HOME="$P" XDG_CACHE_HOME="$w/cache" "$bin" build "$w/units/gen-0001" "$w/units/gen-0003" -o "$w/fo" -j 2; }
flip() { # FONT: other bytes, the same size (the head table's checkSumAdjustment)
  "$py" - "$1" <<'PY'
import struct, sys
with open(sys.argv[1], "r+b") as f:
    n = struct.unpack(">H", f.read(6)[4:6])[0]
    f.seek(12)
    for _ in range(n):
        tag, _, off, _ = struct.unpack(">4sIII", f.read(16))
        if tag == b"head":
            f.seek(off + 8); v = struct.unpack(">I", f.read(4))[0]
            f.seek(off + 8); f.write(struct.pack(">I", v ^ 0xFFFFFFFF))
            break
PY
}
res() { grep "	NotoSansSC-Bold.ttf$" "$w/fo/$1/juesuan-manifest.txt" | cut -f2; }
sum() { sha256sum "$font" | cut -c1-64; }
pb >"$w/c1" 2>&1
key=$(stat -c '%d	%i	%s' "$font")
grep -q "^$key	.*	$(sum)$" "$w/cache/juesuan/hashes" && grep -q "^共 2 个单位：生成 2" "$w/c1" \
  && ok "the hash cache remembers the font's hash with its device, inode and size" || no "the hash cache has the font" "$w/c1"
pb >"$w/c2" 2>&1
grep -q "^共 2 个单位：生成 0，跳过 2" "$w/c2" && ok "hash cache: nothing changed, both skipped" || no "hash cache: both skipped" "$w/c2"
size=$(stat -c %s "$font"); touch -r "$font" "$w/ref"; flip "$font"
pb >"$w/c3" 2>&1
[ "$(stat -c %s "$font")" = "$size" ] && [ "$(sum)" != "$(sha256sum fonts/NotoSansSC-Bold.ttf | cut -c1-64)" ] && grep -q "^共 2 个单位：生成 2" "$w/c3" \
  && [ "$(res gen-0001)" = "$(sum)" ] && [ "$(res gen-0003)" = "$(sum)" ] \
  && ok "a font's bytes changed, its size kept, a new mtime: both units rebuilt, the new hash recorded" \
  || no "a font changed in place (new mtime): rebuilt" "$w/c3"
sleep 2; pb >/dev/null 2>&1 # the changed font, settled, is now in the cache
grep -q "^$key	.*	$(sum)$" "$w/cache/juesuan/hashes" && ok "the changed font's hash is in the cache once settled" \
  || no "the changed font's hash is in the cache"
touch -r "$font" "$w/ref"; flip "$font"; touch -r "$w/ref" "$font" # the same mtime (ns), size, inode
pb >"$w/c4" 2>&1
[ "$(stat -c %s "$font")" = "$size" ] && [ "$(stat -c %y "$font")" = "$(stat -c %y "$w/ref")" ] && grep -q "^共 2 个单位：生成 2" "$w/c4" && [ "$(res gen-0001)" = "$(sum)" ] \
  && [ "$(sum)" = "$(sha256sum fonts/NotoSansSC-Bold.ttf | cut -c1-64)" ] \
  && ok "changed again with its mtime put back (touch -r): the ctime differs, both rebuilt" \
  || no "a font changed in place with its old mtime: rebuilt" "$w/c4"

# --- one unit alone: the files it wrote, as before; skipped: the same lines
"$bin" build input/leshan-2024 -o "$w/one" >"$w/o1" 2>/dev/null; rc1=$?
"$bin" build input/leshan-2024 -o "$w/one" >"$w/o2" 2>/dev/null; rc2=$?
[ $rc1 = 0 ] && [ $rc2 = 0 ] && [ "$(wc -l <"$w/o1")" = 2 ] && cmp -s "$w/o1" "$w/o2" && ! grep -q manifest "$w/o1" \
  && ok "one unit: prints its 2 files (not the manifest), the same when skipped" || no "one unit output" "$w/o1"

# --- usage: two folders of one name; a bad -j
mkdir -p "$w/dup"; cp -r input/leshan-2024 "$w/dup/"
"$bin" build input/leshan-2024 "$w/dup/leshan-2024" -o "$w/d" >/dev/null 2>"$w/err"; rc=$?
[ $rc = 2 ] && grep -q '文件夹名相同' "$w/err" && [ ! -e "$w/d" ] && ok "two units of one folder name: exit 2, nothing built" \
  || no "two units of one folder name: exit $rc" "$w/err"
"$bin" build "$w/units" -j 0 >/dev/null 2>"$w/err"; rc=$?
[ $rc = 2 ] && ok "-j 0: exit 2" || no "-j 0: exit $rc" "$w/err"

# --- a terminal: one progress line redrawn (script(1) gives a pty)
if command -v script >/dev/null 2>&1; then
  script -qec "$bin build '$w/units' -o '$w/out' -j 2" /dev/null >"$w/tty.out" 2>&1
  redraws=$(grep -o '已完成 [0-9]*/'"$total" "$w/tty.out" | sort -u | wc -l)
  grep -q "$(printf '\r\033\\[K')" "$w/tty.out" && [ "$redraws" -ge 2 ] && grep -q "^共 $total 个单位" "$w/tty.out" \
    && ! grep -q '^\[ *[0-9]*/' "$w/tty.out" && ok "terminal: one line redrawn ($redraws states), no plain lines, summary" \
    || no "terminal progress" "$w/tty.out"
else
  echo "skip: terminal progress: script(1) is not installed"
fi

# --- interrupted: SIGINT to the batch, and to its process group (Ctrl-C)
check_clean() { # WHAT DIR: no temporary files, every manifest's outputs whole
  [ -d "$2" ] || { ok "$1 (nothing written yet)"; return; }
  left=$(find "$2" -name '.juesuan-*' | head -3 | tr '\n' ' ')
  stray=$(for d in "$2"/*/; do [ -d "$d" ] || continue; [ -f "$d/juesuan-manifest.txt" ] || ls "$d"; done | head -3 | tr '\n' ' ')
  if [ -z "$left" ] && [ -z "$stray" ] && "$bin" manifest merge "$2" >/dev/null 2>"$w/merr"; then ok "$1"
  else no "$1: temporary: ${left:-none}; files without a manifest: ${stray:-none}" "$w/merr"; fi
}
for at in 0.5 1.5 3; do
  rm -rf "$w/int"
  env --default-signal=INT "$bin" build "$w/units" -o "$w/int" -j 2 >/dev/null 2>&1 &
  pid=$!
  sleep $at
  kill -INT $pid 2>/dev/null
  wait $pid; rc=$?
  [ $rc = 130 ] || [ $rc = 0 ] || no "SIGINT at ${at}s: exit $rc (want 130)"
  check_clean "SIGINT to the batch at ${at}s (exit $rc): no temporary file, every manifest's outputs whole" "$w/int"
done
rm -rf "$w/int"
setsid env --default-signal=INT "$bin" build "$w/units" -o "$w/int" -j 2 >/dev/null 2>&1 &
pid=$!
sleep 1.5
"$py" -c "import os, sys; os.killpg(int(sys.argv[1]), 2)" $pid # the whole group, as a terminal's Ctrl-C
wait $pid; rc=$?
check_clean "SIGINT to the process group (exit $rc): no temporary file, every manifest's outputs whole" "$w/int"
"$bin" build "$w/units" -o "$w/int" -j 2 >"$w/s8" 2>&1 && grep -q "^共 $total 个单位：.*失败 0" "$w/s8" \
  && ok "the next run completes the interrupted batch" || no "the next run after the interrupt" "$w/s8"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
