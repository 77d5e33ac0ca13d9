"""pdf_text.py — the text of a PDF's pages read through its structure:
the content streams parsed with pikepdf, the marked-content sequences
(BDC/BMC … EMC) with their MCIDs, the glyph codes decoded through each
font's ToUnicode CMap. Shared by check_tags.py and check_pdfa.py."""
import re
import subprocess

import pikepdf


def _hex_codes(tok):
    return bytes.fromhex(tok.decode())


def tounicode_map(font):
    """The ToUnicode CMap of a Type0 font: {2-byte code: text}."""
    m = {}
    tu = font.get('/ToUnicode')
    if tu is None:
        return m
    data = tu.read_bytes()
    for block in re.findall(rb'beginbfchar(.*?)endbfchar', data, re.S):
        for src, dst in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', block):
            m[int(src, 16)] = _hex_codes(dst).decode('utf-16-be')
    for block in re.findall(rb'beginbfrange(.*?)endbfrange', data, re.S):
        for lo, hi, dst in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', block):
            lo, hi = int(lo, 16), int(hi, 16)
            d = _hex_codes(dst)
            base = int.from_bytes(d, 'big')
            for k in range(lo, hi + 1):
                m[k] = (base + k - lo).to_bytes(len(d), 'big').decode('utf-16-be', 'replace')
    return m


class PageText:
    """One page: the text of each MCID, the artifacts' text, the glyph
    codes used (font name → set of codes) and the operators seen."""

    def __init__(self):
        self.mcid = {}        # mcid -> text
        self.mcid_tag = {}    # mcid -> tag name
        self.artifact = []    # texts of artifacts
        self.unmarked = []    # text outside any marked content
        self.codes = {}       # font resource name -> set of codes
        self.operators = set()
        self.nesting_ok = True
        self.seq = []         # (mcid or None for an artifact, text) in content order


def read_page(page, cache):
    pt = PageText()
    res = page.obj.get('/Resources', pikepdf.Dictionary())
    fonts = res.get('/Font', pikepdf.Dictionary())
    maps = {}
    for name, f in fonts.items():
        key = f.objgen
        if key not in cache:
            cache[key] = tounicode_map(f)
        maps[name] = cache[key]
    stack = []  # ('mcid', n) | ('artifact',) | ('other',)
    cur = None
    for ins in pikepdf.parse_content_stream(page):
        operands, op = ins.operands, str(ins.operator)
        pt.operators.add(op)
        if op == 'BDC':
            tag = str(operands[0])
            props = operands[1]
            if tag == '/Artifact':
                stack.append(('artifact',))
            elif isinstance(props, pikepdf.Dictionary) and '/MCID' in props:
                n = int(props.MCID)
                if n in pt.mcid:
                    pt.nesting_ok = False  # an MCID used twice
                pt.mcid[n] = ''
                pt.mcid_tag[n] = tag[1:]
                stack.append(('mcid', n))
            else:
                stack.append(('other',))
        elif op == 'BMC':
            stack.append(('artifact',) if str(operands[0]) == '/Artifact' else ('other',))
        elif op == 'EMC':
            if not stack:
                pt.nesting_ok = False
            else:
                stack.pop()
        elif op == 'Tf':
            cur = str(operands[0])
        elif op in ('Tj', 'TJ', "'", '"'):
            strings = []
            for o in operands:
                if isinstance(o, pikepdf.Array):
                    strings += [x for x in o if isinstance(x, pikepdf.String)]
                elif isinstance(o, pikepdf.String):
                    strings.append(o)
            text = ''
            for s in strings:
                b = bytes(s)
                for i in range(0, len(b) - 1, 2):
                    code = b[i] << 8 | b[i + 1]
                    pt.codes.setdefault(cur, set()).add(code)
                    text += maps.get(cur, {}).get(code, '\ufffd')
            where = next((s for s in reversed(stack) if s[0] != 'other'), None)
            if where is None:
                pt.unmarked.append(text)
            elif where[0] == 'artifact':
                pt.artifact.append(text)
                pt.seq.append((None, text))
            else:
                pt.mcid[where[1]] += text
                pt.seq.append((where[1], text))
    if stack:
        pt.nesting_ok = False
    return pt


def poppler_pages(path, raw=False):
    """pdftotext's text of each page (-raw: in content-stream order)."""
    out = subprocess.run(['pdftotext', '-enc', 'UTF-8'] + (['-raw'] if raw else []) + [path, '-'], check=True,
                         capture_output=True).stdout.decode()
    pages = out.split('\f')
    return pages


def squash(s):
    return re.sub(r'\s+', '', s)
