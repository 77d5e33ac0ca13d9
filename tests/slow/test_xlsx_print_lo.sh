#!/bin/sh
# Slow test (make test-slow; needs LibreOffice: make deps-slow installs
# libreoffice-calc-nogui, and fonts-crosextra-carlito: the workbook's default
# font is Calibri, whose digit width sets Excel's column width unit; without
# a metric-compatible font LibreOffice measures the columns in DejaVu Sans,
# a third wider, and prints smaller than Excel would): build the Leshan example, print its workbook to
# PDF with LibreOffice headless (every sheet, with the workbook's own page
# setup: fit to one page wide, margins, footer), and measure the text of the
# resulting PDF with pdfminer: the cell text of every sheet must print at 9 pt
# or more (the cells are 10 pt, so the print scale must be 90% or more),
# each page carries the footer "第 N 页 共 M 页", and the 图表 sheet's pies
# are labelled with their shares ("95.19%", as the PDF prints them), not
# their amounts. Run from the project root.
# Closing line: "N passed, N failed".
set -u
bin=${JUESUAN_BIN:-./juesuan}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
command -v soffice >/dev/null || { echo "FAIL soffice not found: run make deps-slow"; echo "0 passed, 1 failed"; exit 1; }
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
"$bin" build input/leshan-2024 -o "$w/o" >/dev/null 2>"$w/err" || { cat "$w/err"; exit 1; }
cp "$w"/o/leshan-2024/*.xlsx "$w/book.xlsx"
HOME="$w" timeout 600 soffice --headless --norestore --convert-to pdf --outdir "$w" "$w/book.xlsx" >"$w/lo" 2>&1
[ -f "$w/book.pdf" ] || { echo "FAIL LibreOffice made no PDF"; cat "$w/lo"; echo "0 passed, 1 failed"; exit 1; }
"$py" - "$w/book.pdf" "$w/book.xlsx" <<'PY'
import re, sys
from collections import Counter
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
sys.path.insert(0, "tests/e2e")
from pdf_tables import walk  # the layout objects of a page, figures opened

rm = PDFResourceManager(); dev = PDFPageAggregator(rm, laparams=None); it = PDFPageInterpreter(rm, dev)
passed = failed = 0
def check(ok, what):
    global passed, failed
    print(("ok   " if ok else "FAIL ") + what)
    passed += ok; failed += not ok
sizes = Counter()
small = []
pages = 0
footers = 0
with open(sys.argv[1], "rb") as f:
    for i, pg in enumerate(PDFPage.get_pages(f)):
        it.process_page(pg); lay = dev.get_result(); pages += 1
        chars = [c for c in walk(lay) if isinstance(c, LTChar) and c.get_text().strip() and c.upright]  # axis titles turned 90° read oddly
        for c in chars:
            s = round(c.size, 1)
            sizes[s] += 1
            if s < 8.95:
                small.append((i + 1, c.get_text(), s))
check(pages > 20, "%d printed pages" % pages)
import subprocess
for p in range(1, pages + 1):
    t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), sys.argv[1], "-"], capture_output=True, text=True).stdout
    footers += bool(re.search(r"第\s*%d\s*页\s*共\s*%d\s*页" % (p, pages), t))
check(footers == pages, "footer 第 N 页 共 M 页 on %d of %d pages" % (footers, pages))
body = sizes.most_common(1)[0][0] if sizes else 0
check(body >= 9, "body text prints at %.1f pt (sizes: %s)" % (body, sorted(sizes.items())[:8]))
check(not small, "no text under 9 pt%s" % ("; e.g. " + str(small[:5]) if small else ""))

# the 图表 sheet's pies as LibreOffice prints them: each slice's label is
# its share as the PDF prints it ("95.19%": the table's cell and the label),
# never its amount (the table's cell only)
import openpyxl
ws = openpyxl.load_workbook(sys.argv[2])["图表"]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
text = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout
caps = [(i, r[0]) for i, r in enumerate(rows) if isinstance(r[0], str) and re.match(r"图\d+：", r[0])]
pies = 0
for k, (i, cap) in enumerate(caps):
    if len(rows) <= i + 1 or rows[i + 1][2:3] != ["占比"]:
        continue
    at = text.find(cap)
    nxt = text.find(caps[k + 1][1], at) if k + 1 < len(caps) else -1
    seg = text[at:nxt if nxt > 0 else len(text)]
    pies += at >= 0
    for r in rows[i + 2:]:
        if not r or r[0] is None or not isinstance(r[2], (int, float)):
            break
        if r[2] == 0:
            continue
        share = "%.2f%%" % (r[2] * 100)
        amount = re.compile(r"(?<![\d,.])%s(?![\d])" % re.escape("{:,.2f}".format(r[1])).replace(",", ",?"))
        check(seg.count(share) >= 2 and len(amount.findall(seg)) == 1,
              "%s %s: labelled %s (%d times), its amount %.2f printed %d time(s) (the table's cell)" % (
                  cap[:3], r[0], share, seg.count(share), r[1], len(amount.findall(seg))))
check(pies >= 3, "%d pies on the sheet 图表 printed" % pies)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
