#!/usr/bin/env python3
"""check_pdfa.py PDF... — juesuan's own PDF/A-2b test (ISO 19005-2), for
the clauses that what juesuan writes could break (no full validator is
packaged for Debian 12; veraPDF's rule numbers in brackets):

  6.1.2   header %PDF-1.n (n ≤ 7) and a binary comment of 4 bytes > 127   [6.1.2-1, -2]
  6.1.3   trailer /ID of two 16-byte strings; no /Encrypt                    [6.1.3-1, -2]
  6.1.7   streams: no /F, /FFilter, /FDecodeParms; no LZW or Crypt filter     [6.1.7.1, 6.1.7.2]
  6.2.2   content streams use only operators of ISO 32000-1                  [6.2.2-1]
  6.2.3/4 a GTS_PDFA1 OutputIntent with an RGB (N 3) ICC profile (v2/v4,
          class mntr or prtr) when the pages use DeviceRGB or DeviceGray     [6.2.3-2, -3, 6.2.4.3]
  6.2.9   no transparency: no SMask, no soft blend, CA/ca = 1, no transparency group
  6.2.11  every font embedded (FontFile2); Type 2 CIDFonts have a CIDToGIDMap;
          a CIDSet, if any, is not checked (juesuan writes none); /W widths equal
          the embedded program's advances (1/1000 em, truncated); .notdef
          (code 0) never shown                                              [6.2.11.4.1, 6.2.11.3.2, 6.2.11.5, 6.2.11.8]
  6.3     annotations: Print flag set, Hidden/Invisible/NoView clear; no
          forbidden subtypes                                                 [6.3.1, 6.3.2]
  6.5/6.6 no JavaScript, Launch, Sound, Movie, ResetForm, ImportData actions;
          no /AA on the catalog or pages                                     [6.5.1, 6.6.1, 6.6.2]
  6.6.2   /Metadata in the catalog: an unfiltered XML stream, an xpacket
          without bytes/encoding attributes, pdfaid:part 2, conformance B;
          Info's Title, Author, Subject, Keywords, Creator, Producer,
          CreationDate, ModDate equal their XMP properties; xmpTPg:NPages,
          if present, the number of pages                                     [6.6.2.1, 6.6.2.3]
  6.1.13  no optional content, no embedded files                             [6.1.13, 6.8]

Prints one line per problem and "N PDFs, M problems"; exit 1 on problems."""
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

import pikepdf

sys.path.insert(0, __file__.rsplit('/', 1)[0])
from pdf_text import read_page  # noqa: E402

NS = {
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
    'xmpTPg': 'http://ns.adobe.com/xap/1.0/t/pg/',
}
OPERATORS = set('''b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J
K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' "'''.split())


def pdf_date_to_xmp(d):
    m = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-])(\d{2})'(\d{2})'?", d)
    if not m:
        return None
    y, mo, da, h, mi, s, sign, oh, om = m.groups()
    return f'{y}-{mo}-{da}T{h}:{mi}:{s}{sign}{oh}:{om}'


def font_widths(program):
    """Advance widths in 1/1000 em (truncated) of each glyph of a TrueType program."""
    n_tables = struct.unpack('>H', program[4:6])[0]
    tables = {}
    for i in range(n_tables):
        tag, _, off, length = struct.unpack('>4sIII', program[12 + 16 * i:28 + 16 * i])
        tables[tag] = (off, length)
    head = tables[b'head'][0]
    upem = struct.unpack('>H', program[head + 18:head + 20])[0]
    hhea = tables[b'hhea'][0]
    n_h = struct.unpack('>H', program[hhea + 34:hhea + 36])[0]
    hmtx = tables[b'hmtx'][0]
    adv = [struct.unpack('>H', program[hmtx + 4 * i:hmtx + 4 * i + 2])[0] for i in range(n_h)]
    return [a * 1000 // upem for a in adv], adv[-1] * 1000 // upem if adv else 0


def check(path, problems):
    def bad(msg):
        problems.append(f'{path}: {msg}')

    raw = open(path, 'rb').read()
    m = re.match(rb'%PDF-1\.([0-7])(\r\n|\r|\n)%(....)', raw, re.S)
    if not m:
        bad('header is not %PDF-1.n (n ≤ 7) followed by a binary comment')
    elif any(b <= 127 for b in m.group(3)):
        bad('the comment after the header has bytes ≤ 127')
    elif m.group(1) != b'7':
        bad(f'PDF version 1.{m.group(1).decode()}, not 1.7')
    pdf = pikepdf.open(path)
    tr = pdf.trailer
    if '/Encrypt' in tr:
        bad('encrypted')
    ids = tr.get('/ID')
    if ids is None or len(ids) != 2 or any(len(bytes(x)) != 16 for x in ids):
        bad('no trailer /ID of two 16-byte strings')
    root = pdf.Root
    for key in ('/AA', '/OCProperties'):
        if key in root:
            bad(f'catalog has {key}')
    if '/Names' in root and '/EmbeddedFiles' in root.Names or '/JavaScript' in root.get('/Names', {}):
        bad('embedded files or JavaScript in the name tree')
    # every object: streams, actions, transparency
    uses_device = False
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            d = obj.stream_dict
            for key in ('/F', '/FFilter', '/FDecodeParms'):
                if key in d:
                    bad(f'stream {obj.objgen} has {key}')
            f = d.get('/Filter')
            names = [str(x) for x in f] if isinstance(f, pikepdf.Array) else [str(f)] if f is not None else []
            if '/LZWDecode' in names or '/Crypt' in names:
                bad(f'stream {obj.objgen} uses {names}')
        if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
            d = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
            s = str(d.get('/S', ''))
            if str(d.get('/Type', '')) == '/Action' or s in ('/JavaScript', '/Launch', '/Sound', '/Movie',
                                                              '/ResetForm', '/ImportData', '/Hide',
                                                              '/SetOCGState', '/Rendition', '/Trans',
                                                              '/GoTo3DView'):
                if s not in ('/GoTo', '/GoToR', '/URI', '/Named', '/Thread', '/SubmitForm', '/GoToE'):
                    bad(f'forbidden action {s}')
            if '/SMask' in d and str(d.SMask) != '/None':
                bad(f'soft mask in {obj.objgen}')
            for k in ('/CA', '/ca'):
                if k in d and float(d[k]) != 1.0:
                    bad(f'{k} {d[k]} (transparency)')
            if '/BM' in d and str(d.BM) not in ('/Normal', '/Compatible'):
                bad(f'blend mode {d.BM}')
            if str(d.get('/Type', '')) == '/Group' or ('/Group' in d and str(d.Group.get('/S', '')) == '/Transparency'):
                bad(f'transparency group in {obj.objgen}')
    # fonts, content, annotations
    cache = {}
    seen_fonts = {}
    for i, page in enumerate(pdf.pages):
        if '/AA' in page.obj:
            bad(f'page {i + 1} has /AA')
        pt = read_page(page, cache)
        unknown = pt.operators - OPERATORS
        if unknown:
            bad(f'page {i + 1}: operators outside ISO 32000-1: {sorted(unknown)}')
        if pt.operators & {'rg', 'RG', 'g', 'G', 'sc', 'SC', 'scn', 'SCN'} or pt.operators & {'f', 'S', 'Tj', 'TJ', 'B'}:
            uses_device = True  # DeviceRGB / the default DeviceGray
        fonts = page.obj.get('/Resources', {}).get('/Font', {})
        for name, f in fonts.items():
            codes = pt.codes.get(name, set())
            if 0 in codes:
                bad(f'page {i + 1}: font {name} shows .notdef (code 0)')
            if f.objgen in seen_fonts:
                seen_fonts[f.objgen][1].update(codes)
                continue
            seen_fonts[f.objgen] = (f, set(codes))
        for a in page.obj.get('/Annots', []):
            sub = str(a.get('/Subtype', ''))
            if sub in ('/3D', '/Sound', '/Screen', '/Movie', '/FileAttachment', '/RichMedia'):
                bad(f'page {i + 1}: annotation {sub}')
            flags = int(a.get('/F', 0))
            if sub != '/Popup' and (not flags & 4 or flags & (1 | 2 | 32)):
                bad(f'page {i + 1}: annotation {sub} without the Print flag (F {flags})')
    for f, codes in seen_fonts.values():
        desc_fonts = f.get('/DescendantFonts')
        cf = desc_fonts[0] if desc_fonts is not None else f
        fd = cf.get('/FontDescriptor')
        prog = None
        if fd is None or not any(k in fd for k in ('/FontFile', '/FontFile2', '/FontFile3')):
            bad(f'font {f.get("/BaseFont")} not embedded')
            continue
        if str(cf.get('/Subtype', '')) == '/CIDFontType2' and '/CIDToGIDMap' not in cf:
            bad(f'font {f.BaseFont}: a Type 2 CIDFont without CIDToGIDMap')
        if '/FontFile2' in fd:
            prog = fd.FontFile2.read_bytes()
        if prog is None or str(cf.get('/Subtype', '')) != '/CIDFontType2':
            continue
        try:
            adv, last = font_widths(prog)
        except (KeyError, struct.error):
            bad(f'font {f.BaseFont}: cannot read hmtx')
            continue
        widths = {}
        w = list(cf.get('/W', []))
        k = 0
        while k < len(w):
            first = int(w[k])
            if isinstance(w[k + 1], pikepdf.Array):
                for j, x in enumerate(w[k + 1]):
                    widths[first + j] = int(x)
                k += 2
            else:
                for c in range(first, int(w[k + 1]) + 1):
                    widths[c] = int(w[k + 2])
                k += 3
        dw = int(cf.get('/DW', 1000))
        m = cf.CIDToGIDMap
        gid_of = (lambda c: c) if isinstance(m, pikepdf.Name) else None
        if gid_of is None:
            data = m.read_bytes()
            gid_of = lambda c, data=data: (data[2 * c] << 8 | data[2 * c + 1]) if 2 * c + 1 < len(data) else 0  # noqa: E731
        wrong = [c for c in sorted(codes) if widths.get(c, dw) != (adv[gid_of(c)] if gid_of(c) < len(adv) else last)]
        if wrong:
            bad(f'font {f.BaseFont}: /W differs from the program for CIDs {wrong[:5]}')
    # the OutputIntent
    ois = [o for o in root.get('/OutputIntents', []) if str(o.get('/S', '')) == '/GTS_PDFA1']
    if uses_device and not ois:
        bad('device colours without a GTS_PDFA1 OutputIntent')
    profiles = {o.DestOutputProfile.objgen for o in ois if '/DestOutputProfile' in o}
    if len(profiles) > 1:
        bad('OutputIntents with different profiles')
    for o in ois:
        if '/DestOutputProfile' not in o:
            bad('an OutputIntent without DestOutputProfile')
            continue
        icc = o.DestOutputProfile.read_bytes()
        if int(o.DestOutputProfile.get('/N', 0)) != 3 or icc[16:20] != b'RGB ':
            bad('the OutputIntent profile is not RGB with /N 3')
        if icc[12:16] not in (b'mntr', b'prtr') or icc[8] >= 5:
            bad(f'ICC profile class {icc[12:16]} version {icc[8]}')
    # the metadata
    md = root.get('/Metadata')
    if md is None:
        bad('no /Metadata')
        return
    if '/Filter' in md.stream_dict:
        bad('the metadata stream is filtered')
    if str(md.get('/Subtype', '')) != '/XML' or str(md.get('/Type', '')) != '/Metadata':
        bad('the metadata stream is not /Type /Metadata /Subtype /XML')
    xmp = md.read_bytes()
    head = re.match(rb'<\?xpacket ([^?]*)\?>', xmp)
    if not head or b'bytes=' in head.group(1) or b'encoding=' in head.group(1):
        bad('xpacket header missing or with bytes/encoding attributes')
    body = re.sub(rb'<\?xpacket[^?]*\?>', b'', xmp)
    try:
        tree = ET.fromstring(body)
    except ET.ParseError as e:
        bad(f'XMP is not well-formed XML: {e}')
        return

    def prop(path_):
        el = tree.find('.//rdf:Description/' + path_, NS)
        return el.text if el is not None else None

    npages = prop('xmpTPg:NPages')
    if npages is not None and npages != str(len(pdf.pages)):
        bad(f'XMP xmpTPg:NPages {npages} but {len(pdf.pages)} pages')
    if prop('pdfaid:part') != '2' or prop('pdfaid:conformance') != 'B':
        bad(f'pdfaid part {prop("pdfaid:part")} conformance {prop("pdfaid:conformance")}, not 2 B')
    info = tr.get('/Info', pikepdf.Dictionary())
    pairs = {
        '/Title': "dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']",
        '/Author': 'dc:creator/rdf:Seq/rdf:li',
        '/Subject': "dc:description/rdf:Alt/rdf:li[@xml:lang='x-default']",
        '/Keywords': 'pdf:Keywords',
        '/Creator': 'xmp:CreatorTool',
        '/Producer': 'pdf:Producer',
        '/CreationDate': 'xmp:CreateDate',
        '/ModDate': 'xmp:ModifyDate',
    }
    for key, xp in pairs.items():
        xp = xp.replace('xml:lang', '{http://www.w3.org/XML/1998/namespace}lang')
        x = prop(xp)
        if key not in info:
            if x is not None:
                bad(f'XMP has {xp} but Info lacks {key}')
            continue
        v = str(info[key])
        if key.endswith('Date'):
            v = pdf_date_to_xmp(v)
            if v is None:
                bad(f'Info {key} {info[key]} is not D:YYYYMMDDHHmmSS with a time zone')
                continue
        if x != v:
            bad(f'Info {key} “{v}” but XMP {xp} “{x}”')


def main(paths):
    problems = []
    for p in paths:
        check(p, problems)
    for line in problems:
        print(line)
    print(f'{len(paths)} PDFs, {len(problems)} problems')
    return 1 if problems or not paths else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
