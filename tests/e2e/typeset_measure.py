#!/usr/bin/python3
"""typeset_measure.py — measure the typesetting of juesuan's PDFs (issue 13).

Usage: typeset_measure.py [--max-gap LINES] [--min-rows N] PDF...

Reads each PDF with pdfminer (Debian's python3-pdfminer: characters with
their font, size and position, and the ruled lines, in content-stream
order) and checks, printing one "ok"/"FAIL" line per check and PDF:

  chart-gap   a chart that starts its page leaves at most --max-gap body
              lines (default 3) blank at the foot of the page before it
              (the text block's foot: the lowest body baseline of the PDF);
  aspect      every chart is drawn in a box of the same height (the
              caption's distance from the chart's top shapes is the same
              for every bar chart and for every pie);
  cont-mark   every page that continues a table (a page of table rules
              without the table's title) carries "续表";
  cont-rows   a continuation page holds at least --min-rows body rows
              (default 5), unless the whole table has fewer body rows on
              it than that to give;
  cell-size   every character inside one table (a 公开表 or a 项目支出绩效
              自评表: between its first and last ruled line, on all of its
              pages) has one font size;
  order       on every line of body text, each character starts right of
              the one before it in the content stream (an extractor that
              orders characters by position reads the line as written).

Exit status 0 when every check passes. The measures are printed too, so
the numbers can be read in the log.
"""
import re
import sys
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.layout import LTChar, LTLine, LTRect, LTCurve

from pdf_tables import walk

BODY_SIZE = 16.0
EPS = 0.6


def page_items(page):
    chars, hrules, shapes = [], [], []
    for o in walk(page):
        if isinstance(o, LTChar):
            chars.append(o)
        elif isinstance(o, (LTLine, LTRect, LTCurve)):
            if isinstance(o, LTLine) and abs(o.y0 - o.y1) < 0.01 and o.width > 1:
                hrules.append(o)
            elif isinstance(o, LTLine) and abs(o.x0 - o.x1) < 0.01:
                hrules.append(o)  # vertical rules: table too
            else:
                shapes.append(o)
    return chars, hrules, shapes


def lines_of(chars):
    """Group characters into lines: consecutive (stream order) characters
    of one size on one baseline."""
    lines, cur = [], []
    for c in chars:
        if cur and (abs(c.y0 - cur[-1].y0) > 0.5 or abs(c.size - cur[-1].size) > 0.05):
            lines.append(cur)
            cur = []
        cur.append(c)
    if cur:
        lines.append(cur)
    return lines


def text(line):
    return "".join(c.get_text() for c in line)


class Pdf:
    def __init__(self, path):
        self.path = path
        self.pages = []
        rm = PDFResourceManager()
        dev = PDFPageAggregator(rm, laparams=None)  # no layout analysis: stream order
        interp = PDFPageInterpreter(rm, dev)
        with open(path, "rb") as f:
            raw = []
            for pg in PDFPage.get_pages(f):
                interp.process_page(pg)
                raw.append(dev.get_result())
        for page in raw:
            chars, rules, shapes = page_items(page)
            self.pages.append({"w": page.width, "h": page.height, "chars": chars,
                               "rules": rules, "shapes": shapes,
                               "lines": lines_of(chars)})
        body = [c for p in self.pages for c in p["chars"] if abs(c.size - BODY_SIZE) < 0.05]
        self.foot = min((c.y0 for c in body), default=0)  # lowest body glyph box
        self.pitch = None


def body_lines(p):
    return [l for l in p["lines"] if abs(l[0].size - BODY_SIZE) < 0.05]


def is_table_page(p):
    horiz = [r for r in p["rules"] if abs(r.y0 - r.y1) < 0.01]
    vert = [r for r in p["rules"] if abs(r.x0 - r.x1) < 0.01]
    return len(horiz) >= 3 and len(vert) >= 2


def footer_line(p, l):
    t = text(l).strip()
    return t.startswith("—") and t.endswith("—")


def check_chart_gaps(pdf, max_gap, out):
    """A chart at the top of a page: the blank at the foot of the page before."""
    worst = 0.0
    bad = []
    pitch = None
    for p in pdf.pages:  # the body line pitch: the commonest baseline distance
        bl = sorted({round(l[0].y0, 1) for l in body_lines(p)}, reverse=True)
        for a, b in zip(bl, bl[1:]):
            if 27 < a - b < 31:
                pitch = a - b
                break
        if pitch:
            break
    if pitch is None:
        out.append(("chart-gap", True, "no body text"))
        return
    for i, p in enumerate(pdf.pages):
        caps = [l for l in p["lines"] if text(l).startswith("图") and "：" in text(l)[:5]
                and abs(l[0].size - BODY_SIZE) > 0.05]
        if not caps or i == 0 or not p["shapes"]:
            continue
        cap = max(caps, key=lambda l: l[0].y0)  # the first chart on the page
        chart_top = max(s.y1 for s in p["shapes"] if s.y0 > cap[0].y0 - 1)
        above = [l for l in body_lines(p) if l[0].y0 > chart_top + 1 and not footer_line(p, l)]
        if above:
            continue  # text before the chart on its page
        prev = pdf.pages[i - 1]
        pl = [l for l in body_lines(prev) if not footer_line(prev, l)]
        if not pl or is_table_page(prev):
            continue
        last = min(l[0].y0 for l in pl)
        gap = (last - pdf.foot) / pitch
        worst = max(worst, gap)
        if gap > max_gap + 0.05:
            bad.append("%s on page %d: %.1f lines blank on page %d" % (text(cap)[:12], i + 1, gap, i))
    out.append(("chart-gap", not bad, "largest gap before a chart %.1f lines (max %d)%s" %
                (worst, max_gap, "; " + "; ".join(bad) if bad else "")))


def check_aspect(pdf, out):
    boxes = []
    for i, p in enumerate(pdf.pages):
        caps = [l for l in p["lines"] if text(l).startswith("图") and "：" in text(l)[:5]
                and abs(l[0].size - BODY_SIZE) > 0.05]
        caps.sort(key=lambda l: -l[0].y0)
        prev_y = None
        for cap in caps:
            y = cap[0].y0
            sh = [s for s in p["shapes"] if s.y0 > y - 1 and (prev_y is None or s.y1 < prev_y)]
            if not sh:
                continue
            top = max(s.y1 for s in sh)
            left = min(s.x0 for s in sh)
            right = max(s.x1 for s in sh)
            kind = "pie" if any(isinstance(s, LTCurve) and not isinstance(s, LTRect) for s in sh) else "bar"
            boxes.append((text(cap)[:4], kind, top - y, right - left))
            prev_y = y
    bad = []
    for kind in ("bar", "pie"):
        hs = [b for b in boxes if b[1] == kind]
        if hs and max(b[2] for b in hs) - min(b[2] for b in hs) > 5.0:
            bad.append("%s heights %s" % (kind, ", ".join("%s %.1f" % (b[0], b[2]) for b in hs)))
    out.append(("aspect", not bad, "%d charts, heights %s%s" % (
        len(boxes), " ".join("%s:%.0f" % (b[0], b[2]) for b in boxes), "; " + "; ".join(bad) if bad else "")))


def table_runs(pdf):
    """Runs of table pages: each run is one table (a page with a title line
    of size > cell size above its rules starts a new run)."""
    runs, cur = [], None
    for i, p in enumerate(pdf.pages):
        if not is_table_page(p):
            cur = None
            continue
        horiz = [r for r in p["rules"] if abs(r.y0 - r.y1) < 0.01]
        top = max(r.y0 for r in horiz)
        above = [l for l in p["lines"] if l[0].y0 > top + 0.5 and not footer_line(p, l)]
        cont = any("续表" in text(l) or "（续）" in text(l) for l in above)
        titled = any(l[0].size >= 13 for l in above)
        if cur is None or (titled and not cont):
            label = any(re.match(r"公开\d+表", text(l).strip()) for l in above)
            cur = {"pages": [], "first": i, "appendix": label}
            runs.append(cur)
        cur["pages"].append(i)
    return runs


def rows_below_header(p, header_h):
    horiz = sorted({round(r.y0, 1) for r in p["rules"] if abs(r.y0 - r.y1) < 0.01}, reverse=True)
    top = horiz[0]
    body = [y for y in horiz if y < top - header_h + 0.5]
    return max(len(body) - 1, 0)


def header_height(pdf, run):
    """The height of the repeated header block: the top part of the ruled
    area whose text is the same on the run's first two pages."""
    if len(run["pages"]) < 2:
        return None
    def rows(p):
        horiz = [r for r in p["rules"] if abs(r.y0 - r.y1) < 0.01]
        top = max(r.y0 for r in horiz)
        ys = sorted({round(r.y0, 1) for r in horiz}, reverse=True)
        cells = []
        for a, b in zip(ys, ys[1:]):
            t = "".join(text(l) for l in p["lines"] if b < l[0].y0 < a)
            cells.append((round(top - b, 1), t))
        return cells
    a = rows(pdf.pages[run["pages"][0]])
    b = rows(pdf.pages[run["pages"][1]])
    h = None
    for (ha, ta), (hb, tb) in zip(a, b):
        if abs(ha - hb) > 0.2 or ta != tb:
            break
        h = ha
    return h


def check_tables(pdf, min_rows, out):
    runs = table_runs(pdf)
    missing, few, sizes = [], [], []
    fewest = None
    for run in runs:
        pages = run["pages"]
        # one size per table: the characters between the first and last rule
        sz = set()
        for i in pages:
            p = pdf.pages[i]
            horiz = [r for r in p["rules"] if abs(r.y0 - r.y1) < 0.01]
            top, bot = max(r.y0 for r in horiz), min(r.y0 for r in horiz)
            for c in p["chars"]:
                if bot < c.y0 < top:
                    sz.add(round(c.size, 2))
        if len(sz) > 1:
            sizes.append("page %d: %s" % (pages[0] + 1, sorted(sz)))
        if len(pages) < 2:
            continue
        hh = header_height(pdf, run)
        total = 0
        counts = []
        for i in pages:
            n = rows_below_header(pdf.pages[i], hh or 0)
            counts.append(n)
            total += n
        for k, i in enumerate(pages[1:], 1):
            p = pdf.pages[i]
            horiz = [r for r in p["rules"] if abs(r.y0 - r.y1) < 0.01]
            top = max(r.y0 for r in horiz)
            above = [text(l) for l in p["lines"] if l[0].y0 > top + 0.5 and not footer_line(p, l)]
            if not any("续表" in t or "（续）" in t for t in above):
                missing.append("page %d" % (i + 1))
            n = counts[k]
            fewest = n if fewest is None else min(fewest, n)
            # rebalanceable: the page before holds enough rows to give
            if n < min_rows and counts[k - 1] + n >= 2 * min_rows:
                few.append("page %d: %d rows (page before %d)" % (i + 1, n, counts[k - 1]))
    out.append(("cont-mark", not missing, "%d tables, %d continuation pages%s" % (
        len(runs), sum(len(r["pages"]) - 1 for r in runs),
        "; without 续表: " + ", ".join(missing) if missing else "")))
    out.append(("cont-rows", not few, "fewest rows on a continuation page: %s (min %d)%s" % (
        fewest, min_rows, "; " + "; ".join(few) if few else "")))
    out.append(("cell-size", not sizes, "one size per table%s" % (
        "; several: " + "; ".join(sizes) if sizes else "")))


def check_order(pdf, out):
    bad = []
    n = 0
    for i, p in enumerate(pdf.pages):
        for l in body_lines(p):
            n += 1
            for a, b in zip(l, l[1:]):
                if b.x0 < a.x0 + 0.01:
                    bad.append("page %d: %r (%s at %.2f after %s at %.2f)" % (
                        i + 1, text(l)[:30], b.get_text(), b.x0, a.get_text(), a.x0))
                    break
    out.append(("order", not bad, "%d body lines%s" % (n, "; out of order: " + "; ".join(bad[:5]) if bad else "")))


def main(argv):
    max_gap, min_rows = 3, 5
    paths = []
    it = iter(argv)
    for a in it:
        if a == "--max-gap":
            max_gap = int(next(it))
        elif a == "--min-rows":
            min_rows = int(next(it))
        else:
            paths.append(a)
    failed = 0
    for path in paths:
        pdf = Pdf(path)
        out = []
        check_chart_gaps(pdf, max_gap, out)
        check_aspect(pdf, out)
        check_tables(pdf, min_rows, out)
        check_order(pdf, out)
        for name, good, msg in out:
            print("%s %s %s: %s" % ("ok  " if good else "FAIL", name, path.rsplit("/", 1)[-1], msg))
            failed += not good
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
