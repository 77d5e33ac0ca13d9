"""pdf_tables.py — the tables of a PDF read by the position of their cells,
the way an outside checker (pdfplumber) reads them: the ruled lines cut each
table page into cells and every character goes to the cell that holds its
centre. A blank cell stays a blank cell in its column (reading the tokens
of `pdftotext -layout` in order would shift the columns after it).

    tables = read_tables(PDF)        # [Table], in page order
    python3 pdf_tables.py PDF >T.json  # the same as JSON (load() reads it)
    t = by_label(tables)["01"]       # the 公开01表
    row = t.row_with("总计")          # the first body row with a cell "总计"
    t.amounts(row)                   # its amount columns, left to right, a
                                     # blank cell as "0.00"

Uses pdfminer (Debian's python3-pdfminer): characters and ruled lines."""
import re

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTFigure, LTLine
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

AMOUNT = re.compile(r"-?\d[\d,]*\.\d{2}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def walk(obj):
    """The layout objects of a pdfminer page, figures opened."""
    for o in obj:
        if isinstance(o, LTFigure):
            yield from walk(o)
        else:
            yield o


def _key(v):
    return round(v, 1)


class Page:
    """One page: characters, horizontal rules (y, x0, x1), vertical rules (x, y0, y1)."""

    def __init__(self, layout):
        self.chars, self.h, self.v = [], [], []
        for o in walk(layout):
            if isinstance(o, LTChar):
                self.chars.append(o)
            elif isinstance(o, LTLine):
                if abs(o.y0 - o.y1) < 0.01 and o.width > 1:
                    self.h.append((_key(o.y0), o.x0, o.x1))
                elif abs(o.x0 - o.x1) < 0.01 and o.height > 1:
                    self.v.append((_key(o.x0), o.y0, o.y1))

    def is_table(self):
        return len({y for y, _, _ in self.h}) >= 3 and len({x for x, _, _ in self.v}) >= 2

    def text_above(self, y):
        """The page's text above height y (lines top to bottom, no spaces)."""
        cs = sorted((c for c in self.chars if c.y0 > y), key=lambda c: (-round(c.y0), c.x0))
        return "".join(c.get_text() for c in cs)

    def grid(self):
        """The rows of the ruled area: a list per band between horizontal
        rules, one entry per column between vertical rules: the text of the
        cell that starts there, None where a merged cell covers it."""
        ys = sorted({y for y, _, _ in self.h}, reverse=True)
        xs = sorted({x for x, _, _ in self.v})
        nr, nc = len(ys) - 1, len(xs) - 1
        if nr < 1 or nc < 1:
            return []

        def v_rule(x, y):  # a vertical rule at x through height y
            return any(rx == x and min(a, b) - 0.5 <= y <= max(a, b) + 0.5 for rx, a, b in self.v)

        def h_rule(y, x):
            return any(ry == y and min(a, b) - 0.5 <= x <= max(a, b) + 0.5 for ry, a, b in self.h)

        parent = list(range(nr * nc))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for r in range(nr):
            ym = (ys[r] + ys[r + 1]) / 2
            for c in range(nc):
                xm = (xs[c] + xs[c + 1]) / 2
                if c + 1 < nc and not v_rule(xs[c + 1], ym):
                    parent[find(r * nc + c + 1)] = find(r * nc + c)
                if r + 1 < nr and not h_rule(ys[r + 1], xm):
                    parent[find((r + 1) * nc + c)] = find(r * nc + c)
        chars = {}
        for ch in self.chars:
            x, y = (ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2
            if not (xs[0] < x < xs[-1] and ys[-1] < y < ys[0]):
                continue
            r = next(i for i in range(nr) if ys[i + 1] <= y)
            c = next(i for i in range(nc) if x <= xs[i + 1])
            chars.setdefault(find(r * nc + c), []).append(ch)
        rows = [[None] * nc for _ in range(nr)]
        for r in range(nr):
            for c in range(nc):
                root = find(r * nc + c)
                if root != r * nc + c:
                    continue
                cs = sorted(chars.get(root, []), key=lambda ch: (-round(ch.y0), ch.x0))
                rows[r][c] = "".join(ch.get_text() for ch in cs).strip()
        return rows


class Table:
    """One table over its pages: `rows` (the header block once, then the
    body rows of every page), `header` (how many rows the header has),
    `label` ("01" for 公开01表, else None), `title` (the text above the
    rules on its first page)."""

    def __init__(self, label, title):
        self.label, self.title, self.rows, self.header, self.pages = label, title, [], 0, []

    def add_page(self, rows, index):
        self.pages.append(index)
        if not self.rows:
            self.header = header_rows(rows)
            self.rows = rows
        else:  # a continuation page: its header block again, then rows
            self.rows += rows[self.header:] if rows[:self.header] == self.rows[:self.header] else rows

    def body(self):
        return self.rows[self.header:]

    def row_with(self, label):
        """The first body row with a cell reading `label` (spaces ignored)."""
        for row in self.body():
            if any(c is not None and c.replace(" ", "") == label for c in row):
                return row
        return None

    def amount_columns(self):
        """Columns of blanks and amounts only (in every body row)."""
        body = self.body()
        n = len(self.rows[0]) if self.rows else 0
        return [c for c in range(n)
                if body and all(r[c] is not None and (r[c] == "" or AMOUNT.fullmatch(r[c])) for r in body)]

    def amounts(self, row):
        """`row`'s amount columns, left to right; a blank cell is "0.00"."""
        if row is None:
            return []
        return [row[c] or "0.00" for c in self.amount_columns()]


def header_rows(rows):
    """The header block: the leading rows whose every cell is words."""
    n = 0
    for row in rows:
        cells = [c for c in row if c is not None]
        if not cells or not all(c and CJK.search(c) for c in cells):
            break
        n += 1
    return n


def read_pages(path):
    rm = PDFResourceManager()
    dev = PDFPageAggregator(rm, laparams=None)
    interp = PDFPageInterpreter(rm, dev)
    pages = []
    with open(path, "rb") as f:
        for pg in PDFPage.get_pages(f):
            interp.process_page(pg)
            pages.append(Page(dev.get_result()))
    return pages


def read_tables(path):
    """Every ruled table of the PDF, a table's continuation pages (续表)
    joined to it."""
    tables, cur = [], None
    for i, p in enumerate(read_pages(path)):
        if not p.is_table():
            cur = None
            continue
        above = p.text_above(max(y for y, _, _ in p.h) + 0.5)
        if cur is None or not ("续表" in above or "（续）" in above):
            m = re.search(r"公开(\d\d)表", above)
            cur = Table(m.group(1) if m else None, above)
            tables.append(cur)
        cur.add_page(p.grid(), i)
    return tables


def by_label(tables):
    return {t.label: t for t in tables if t.label}


def dump(tables):
    """The tables as JSON text, one row a line (tests edit it: read_pdf.py --text)."""
    import json
    out = []
    for t in tables:
        rows = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in t.rows)
        out.append('  {"label": %s, "title": %s, "header": %d, "pages": %s, "rows": [\n%s\n  ]}' % (
            json.dumps(t.label), json.dumps(t.title, ensure_ascii=False), t.header, json.dumps(t.pages), rows))
    return "[\n" + ",\n".join(out) + "\n]\n"


def load(text):
    """Tables from dump()'s JSON."""
    import json
    tables = []
    for d in json.loads(text):
        t = Table(d["label"], d["title"])
        t.rows, t.header, t.pages = d["rows"], d["header"], d["pages"]
        tables.append(t)
    return tables


if __name__ == "__main__":
    import sys
    sys.stdout.write(dump(read_tables(sys.argv[1])))
