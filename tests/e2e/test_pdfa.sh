#!/bin/sh
# End to end, the PDF as an archive and a screen reader take it (issue 13):
# every example built (every document: disclosures, 部门整体 and 项目
# reports) and every PDF through tests/tools/check_pdfa.py (PDF/A-2b, the
# clauses juesuan could break), tests/tools/check_tags.py (the structure
# tree reads the page text in order; 目录 links land on the page they
# print; page labels = printed folios) and `qpdf --check`. Then
# `build --no-pdfa`: no OutputIntent, no pdfaid, still tagged; and the two
# checks fail on an untagged PDF and on a wrong pdfaid:part. Run from
# the project root. Closing line: "N passed, N failed".
. tests/e2e/lib.sh

for u in input/*/; do
  u=${u%/}
  "$bin" build "$u" -o "$w/o" >"$w/out" 2>"$w/err" || no "build $u" "$w/err"
done
ls "$w"/o/*/*.pdf >"$w/list" 2>/dev/null
n=$(wc -l <"$w/list")
[ "$n" -ge 6 ] && ok "$n PDFs built from $(ls -d input/*/ | wc -l) examples" || no "only $n PDFs built"

tr '\n' '\0' <"$w/list" | xargs -0 "$py" tests/tools/check_pdfa.py >"$w/pdfa" 2>&1 \
  && ok "check_pdfa: $(tail -1 "$w/pdfa")" || no "check_pdfa" "$w/pdfa"
tr '\n' '\0' <"$w/list" | xargs -0 "$py" tests/tools/check_tags.py >"$w/tags" 2>&1 \
  && ok "check_tags: $(tail -1 "$w/tags")" || no "check_tags" "$w/tags"
grep -q "Link 47, .*目录 links 47" "$w/tags" && ok "leshan: 47 目录 entries, 47 links" || no "leshan: 47 目录 links" "$w/tags"
q=0
while IFS= read -r f; do
  qpdf --check "$f" >"$w/q" 2>&1 || { q=1; no "qpdf --check $f" "$w/q"; }
done <"$w/list"
[ $q = 0 ] && ok "qpdf --check clean on all $n"

# the checks can fail: the PDF/A test on a PDF without its intent, the tag test on an untagged one
pdf=$(grep leshan "$w/list" | head -1)
"$bin" build input/leshan-2024 --no-pdfa -o "$w/n" >/dev/null 2>"$w/err" || no "build --no-pdfa" "$w/err"
np=$(ls "$w"/n/leshan-2024/*.pdf | head -1)
"$py" tests/tools/check_pdfa.py "$np" >"$w/np" 2>&1
grep -q "device colours without a GTS_PDFA1 OutputIntent" "$w/np" && grep -q "not 2 B" "$w/np" \
  && ok "--no-pdfa: no OutputIntent, no pdfaid (check_pdfa says so)" || no "--no-pdfa" "$w/np"
"$py" tests/tools/check_tags.py "$np" >"$w/nt" 2>&1 && ok "--no-pdfa: still tagged and linked" || no "--no-pdfa tags" "$w/nt"
[ "$(stat -c %s "$np")" -lt "$(stat -c %s "$pdf")" ] && ok "--no-pdfa: smaller ($(stat -c %s "$np") < $(stat -c %s "$pdf") bytes)" \
  || no "--no-pdfa not smaller"
qpdf --qdf --object-streams=disable "$pdf" "$w/qdf.pdf" 2>/dev/null
sed 's|/StructTreeRoot [0-9]* 0 R||; s|/MarkInfo|/MarkInfx|' "$w/qdf.pdf" >"$w/untagged.pdf"
"$py" tests/tools/check_tags.py "$w/untagged.pdf" >"$w/ut" 2>&1
grep -q "no StructTreeRoot" "$w/ut" && ok "check_tags finds an untagged PDF" || no "check_tags on an untagged PDF" "$w/ut"
sed 's|pdfaid:part>2<|pdfaid:part>3<|' "$w/qdf.pdf" >"$w/part3.pdf"
"$py" tests/tools/check_pdfa.py "$w/part3.pdf" >"$w/p3" 2>&1
grep -q "pdfaid part 3" "$w/p3" && ok "check_pdfa finds a wrong pdfaid:part" || no "check_pdfa on pdfaid:part 3" "$w/p3"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
