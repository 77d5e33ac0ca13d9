#!/bin/sh
# End to end, the typesetting of the disclosure PDF: build the examples into
# a temporary folder and run the shared typesetting check
# (../shared/check/check_pdf_typesetting.py, skipped and named when a clone
# has no ../shared: see tests/e2e/shared.sh; 目录 numbers, footers,
# outline, chart captions, qpdf, poppler against mupdf, 禁则) on it; the
# captions 图1–图7 in order in the Leshan text; the demo 部门's empty 图7;
# the fonts embedded and subset; and the same text from poppler and mupdf
# whether or not the fonts are subset (JUESUAN_SUBSET=0). Run from the
# project root. Closing line: "N passed, N failed".
. tests/e2e/lib.sh
. tests/e2e/shared.sh
check=${TYPESETTING_CHECK:-$SHARED/check/check_pdf_typesetting.py}

"$bin" build input/leshan-2024 -o "$w/o" >"$w/out" 2>"$w/err" && ok "build leshan-2024" || no "build leshan-2024" "$w/err"
pdf=$(ls "$w"/o/leshan-2024/*.pdf 2>/dev/null | head -1)
[ -n "$pdf" ] || { echo "$pass passed, $((fail + 1)) failed"; exit 1; }

# the shared check, on the folder that holds the Leshan build
if [ -n "${TYPESETTING_CHECK:-}" ] && [ ! -f "$check" ]; then
  no "check_pdf_typesetting: $check not found (TYPESETTING_CHECK names it)"
elif [ -n "${TYPESETTING_CHECK:-}" ] || have_shared check/check_pdf_typesetting.py "check_pdf_typesetting (the shared typesetting check)"; then
  "$py" "$check" "$w/o" >"$w/check" 2>&1 && ok "check_pdf_typesetting: $(tail -1 "$w/check")" \
    || no "check_pdf_typesetting" "$w/check"
fi

# 图1–图7: each caption once, in order
pdftotext "$pdf" "$w/p.txt" 2>/dev/null
tr -d ' \n\t\r\f' <"$w/p.txt" >"$w/p.flat"
"$py" - "$w/p.flat" <<'PY' && ok "captions 图1–图7 in order" || no "captions 图1–图7 in order"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
caps = ["图1：收、支决算总计变动情况", "图2：收入决算结构", "图3：支出决算结构",
        "图4：财政拨款收、支决算总计变动情况", "图5：一般公共预算财政拨款支出决算变动情况",
        "图6：一般公共预算财政拨款支出决算结构", "图7：“三公”经费财政拨款支出结构"]
at = [t.find(c) for c in caps]
assert all(a >= 0 for a in at), [c for c, a in zip(caps, at) if a < 0]
assert at == sorted(at), at
assert all(t.count(c) == 1 for c in caps)
PY
# the charts show the figures the text gives
for s in 4010.58 3313.32 95.19% 一般公共预算财政拨款收入 1648.28万元 72.78% 单位：万元; do
  grep -qF "$s" "$w/p.flat" && ok "chart text has $s" || no "chart text has $s"
done

# fonts: embedded, subset, with a ToUnicode map
pdffonts "$pdf" >"$w/fonts" 2>&1
t() { name=$1; shift; if "$@"; then ok "$name"; else no "$name"; fi; }
t "pdffonts: every font emb yes sub yes uni yes" sh -c "tail -n +3 '$w/fonts' | awk 'NF { if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\" || \$(NF-2) != \"yes\") bad=1 } END { exit bad }'"

# the same text with and without subsetting, from both extractors
JUESUAN_SUBSET=0 "$bin" build input/leshan-2024 -o "$w/full" >/dev/null 2>&1
full=$(ls "$w"/full/leshan-2024/*.pdf 2>/dev/null | head -1)
if [ -n "$full" ]; then
  pdftotext "$full" "$w/f.txt" 2>/dev/null
  t "pdftotext: same text subset or not" cmp -s "$w/p.txt" "$w/f.txt"
  mutool draw -q -F txt -o "$w/m1.txt" "$pdf" 2>/dev/null
  mutool draw -q -F txt -o "$w/m2.txt" "$full" 2>/dev/null
  t "mutool: same text subset or not" cmp -s "$w/m1.txt" "$w/m2.txt"
  a=$(wc -c <"$pdf"); b=$(wc -c <"$full")
  t "subset PDF smaller ($a < $b bytes)" [ "$a" -lt "$b" ]
else
  no "build with JUESUAN_SUBSET=0"
fi

# the demo 部门 has no 三公 spending: 图7 is its caption and a line
"$bin" build input/demo-dept-2024 -o "$w/d" >/dev/null 2>"$w/derr" && ok "build demo-dept-2024" || no "build demo-dept-2024" "$w/derr"
dpdf=$(ls "$w"/d/demo-dept-2024/*.pdf 2>/dev/null | head -1)
if [ -n "$dpdf" ]; then
  pdftotext "$dpdf" - 2>/dev/null | tr -d ' \n\t\r\f' >"$w/d.flat"
  grep -qF "2024年度本部门无“三公”经费财政拨款支出。图7：“三公”经费财政拨款支出结构" "$w/d.flat" \
    && ok "demo: empty 图7 says there is no 三公 spending" || no "demo: empty 图7 says there is no 三公 spending"
fi

finish
