#!/usr/bin/python3
"""xlsx_print.py — how juesuan's workbooks print (issue 13 item 5).

Usage: xlsx_print.py STYLE.yaml BOOK.xlsx...

For every sheet of every workbook, from the file itself (openpyxl for the
sheets, zipfile + xml.etree for what openpyxl does not keep):

  scale     the print scale computed from the column widths, the paper
            (A4), the orientation and the margins: fit to one page wide
            gives min(100%, printable width / width of the print area's
            columns); it must be 85–100% (a stored column width w, in
            characters of the default font's 7 px digit with the padding,
            is w·7 px, 0.75 pt each);
  margins   the PDF's page style (style.yaml page:, or tables.landscape:
            for landscape sheets), to 0.01 inch;
  footer    "第 &P 页 共 &N 页";
  area      a print area over the sheet's cells;
  titles    rows repeated on every printed page (the 单位 line and the
            header rows; not on 图表);
  text      no "number stored as text" triangle: the sheet ignores
            numberStoredAsText over its cells;
  charts    (图表) every chart's series colours are style.yaml's
            charts.colours in turn; the data labels are the values of
            the cells the series refers to (a column chart: the amounts in
            0.00; a pie: the shares in 0.00%, as the PDF prints them), with
            no text or cell reference of their own (LibreOffice 7.4 shows a
            referred cell's value as the point's value); no chart crosses a
            manual page break.

Prints one line per check and sheet ("ok"/"FAIL"), then "N passed, N
failed"; exit 1 when a check failed.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, column_index_from_string

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
MM = 1 / 25.4
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)
    return ok


def col_px(width):
    """A column's pixels from its stored <col width> (characters of the 7 px
    digit, the 5 px padding included, as ECMA-376 defines it)."""
    return int(width * 7 + 0.5)


def rels(z, path):
    d, f = path.rsplit("/", 1)
    rp = d + "/_rels/" + f + ".rels"
    if rp not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(rp)).findall("pr:Relationship", NS):
        t = r.get("Target")
        out[r.get("Id")] = t if t.startswith("/") else re.sub(r"[^/]+/\.\./", "", d + "/" + t)
    return out


def main(argv):
    style = yaml.safe_load(open(argv[0], encoding="utf-8"))
    page = style["page"]
    portrait = [page["margin_top"], page["width"] - page["margin_left"] - page["text_width"],
                page["height"] - page["margin_top"] - page["text_height"], page["margin_left"]]
    land = style["tables"]["landscape"]
    landscape = [land["margin_top"], page["height"] - land["margin_left"] - land["text_width"],
                 page["width"] - land["margin_top"] - land["text_height"], land["margin_left"]]
    colours = [c.lstrip("#").upper() for c in style["charts"]["colours"]]
    for path in argv[1:]:
        wb = load_workbook(path)
        z = zipfile.ZipFile(path)
        wbx = ET.fromstring(z.read("xl/workbook.xml"))
        wrels = rels(z, "xl/workbook.xml")
        sheets = {s.get("name"): wrels[s.get("{%s}id" % NS["r"])] for s in wbx.find("m:sheets", NS)}
        for ws in wb.worksheets:
            name = "%s!%s" % (path.rsplit("/", 1)[-1][-12:], ws.title)
            sx = ET.fromstring(z.read(sheets[ws.title].lstrip("/")))
            land_sheet = ws.page_setup.orientation == "landscape"
            want = landscape if land_sheet else portrait
            pm = ws.page_margins
            got = [pm.top, pm.right, pm.bottom, pm.left]
            check(all(abs(g - w * MM) < 0.01 for g, w in zip(got, want)),
                  "%s margins %s in = style %s mm" % (name, [round(g, 2) for g in got], want))
            # print area and scale
            area = ws.print_area
            check(bool(area), "%s print area %s" % (name, area))
            cols = range(1, ws.max_column + 1)
            if area:
                m = re.search(r"\$?([A-Z]+)\$?\d+:\$?([A-Z]+)\$?\d+", str(area))
                if m:
                    cols = range(column_index_from_string(m.group(1)), column_index_from_string(m.group(2)) + 1)
            total = 0
            for c in cols:
                d = ws.column_dimensions.get(get_column_letter(c))
                total += col_px(d.width) if d is not None and d.width else 64  # Excel's default column
            # drawings (charts) reaching right of the columns widen the area
            paper_w = (page["height"] if land_sheet else page["width"]) * MM * 72  # pt
            printable = paper_w - (got[1] + got[3]) * 72
            pr = ws.sheet_properties.pageSetUpPr
            if pr is not None and pr.fitToPage:  # fit to N pages wide (fitToWidth 1 is left out)
                scale = min(100, printable / (total * 0.75) * 100 / (ws.page_setup.fitToWidth or 1))
            else:  # a fixed scale: the columns must fit across the page at it
                scale = ws.page_setup.scale or 100
                if total * 0.75 * scale / 100 > printable + 1:
                    scale = 0
            check(85 <= scale <= 100, "%s prints at %.0f%% (%d px of columns, %.0f pt printable)" % (
                name, scale, total, printable))
            footer = ws.oddFooter.center.text or ""
            check(footer == "第 &P 页 共 &N 页", "%s footer %r" % (name, footer))
            if ws.title != "图表":
                rows = ws.print_title_rows or ""
                m = re.match(r"\$?(\d+):\$?(\d+)", rows)
                check(bool(m), "%s repeats rows %s" % (name, rows))
                if m and not ws.title.startswith("自评表"):  # a 公开表: its 单位 line first
                    first = int(m.group(1))
                    line = [str(c.value) for c in ws[first] if c.value]
                    check(any(t.startswith("单位：") for t in line), "%s repeats its 单位 line (row %d: %s)" % (
                        name, first, line[-1:] if line else line))
            ig = sx.find("m:ignoredErrors", NS)
            ok = ig is not None and any(e.get("numberStoredAsText") == "1" for e in ig)
            check(ok, "%s ignores number stored as text" % name)
            if ws.title == "图表":
                check_charts(z, sheets[ws.title].lstrip("/"), sx, ws, colours, name)
        z.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def check_charts(z, sheet_path, sx, ws, colours, name):
    srels = rels(z, sheet_path)
    dr = sx.find("m:drawing", NS)
    if not check(dr is not None, "%s has charts" % name):
        return
    dpath = srels[dr.get("{%s}id" % NS["r"])].lstrip("/")
    drels = rels(z, dpath)
    dx = ET.fromstring(z.read(dpath))
    breaks = sorted(int(b.get("id")) for b in sx.findall("m:rowBreaks/m:brk", NS))
    n = 0
    for anchor in dx.findall("xdr:twoCellAnchor", NS):
        r0 = int(anchor.find("xdr:from/xdr:row", NS).text)
        r1 = int(anchor.find("xdr:to/xdr:row", NS).text)
        # <brk id="b"> ends a page after 1-based row b: 0-based row b starts the next
        check(not any(r0 < b <= r1 for b in breaks), "%s chart rows %d–%d within one page (breaks %s)" % (
            name, r0 + 1, r1 + 1, breaks[:6]))
        cref = anchor.find(".//c:chart", NS)
        cpath = drels[cref.get("{%s}id" % NS["r"])].lstrip("/")
        cx = ET.fromstring(z.read(cpath))
        n += 1
        pie = cx.find(".//c:pieChart", NS) is not None
        ser = cx.find(".//c:ser", NS)
        fills = [p.find(".//a:srgbClr", NS).get("val").upper() for p in ser.findall("c:dPt", NS)]
        want = [colours[i % len(colours)] for i in range(len(fills))]
        check(fills and fills == want, "%s %s colours %s = style %s" % (name, cpath, fills, want))
        dl = ser.find("c:dLbls", NS)
        # labels: the values of the cells the series refers to (a pie's: the
        # share cells, in 0.00%), no text of their own, no reference to a
        # cell (which LibreOffice 7.4 does not show)
        sv = dl.find("c:showVal", NS) if dl is not None else None
        own = (dl.findall("c:dLbl/c:tx", NS) + dl.findall("c:showPercent[@val='1']", NS)) if dl is not None else []
        fmt = dl.find("c:numFmt", NS) if dl is not None else None
        vals = ser.find("c:val/c:numRef/c:f", NS)
        want_col, want_fmt = ("C", "0.00%") if pie else ("B", "0.00")
        check(sv is not None and sv.get("val") == "1" and not own and fmt is not None
              and fmt.get("formatCode") == want_fmt and vals is not None
              and re.search(r"\$%s\$\d+:\$%s\$\d+" % (want_col, want_col), vals.text),
              "%s %s %s labels are the values of the %s cells (%s) in %s" % (
                  name, cpath, "slice" if pie else "bar", "share" if pie else "amount",
                  vals.text if vals is not None else None, want_fmt))
    check(n > 0, "%s: %d charts" % (name, n))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
