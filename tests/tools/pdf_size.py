#!/usr/bin/env python3
"""pdf_size.py PDF [--max BYTES] — where the bytes of a PDF juesuan wrote
go, and whether its file structure is the compact one (issue 14):

  - the cross-reference is a stream (/Type /XRef, which startxref points
    to), with no classic `xref` table and no `trailer` (not a hybrid file);
  - every object that is not a stream sits in an object stream
    (/Type /ObjStm): no top-level non-stream object;
  - with --max, the file is at most BYTES long.

Prints the bytes per kind of top-level object (font programs, page
contents, object streams with their object count, ToUnicode maps, ICC
profile, XMP metadata, cross-reference stream, the rest: header and
object framing), then "size N bytes (limit M)" and one line per problem;
exit 1 on problems."""
import re
import sys

import pikepdf

OBJ = re.compile(rb'(\d+) 0 obj\n')


def main(argv):
    path = argv[1]
    limit = int(argv[argv.index('--max') + 1]) if '--max' in argv else None
    data = open(path, 'rb').read()
    pdf = pikepdf.open(path)
    contents = {p.obj.Contents.objgen[0] for p in pdf.pages if '/Contents' in p.obj}
    icc = {o.DestOutputProfile.objgen[0] for o in pdf.Root.get('/OutputIntents', []) if '/DestOutputProfile' in o}
    problems = []
    kinds = {}
    n_objects_in_streams = 0
    at = 0
    accounted = 0
    while True:
        m = OBJ.search(data, at)
        if not m:
            break
        num = int(m.group(1))
        dict_end = data.find(b'>>\nstream\n', m.end())
        head = data[m.end():dict_end] if dict_end >= 0 else b''
        length = re.search(rb'/Length (\d+)\n', head)
        if dict_end < 0 or not length or b'obj\n' in head:
            end = data.find(b'endobj\n', m.end())
            problems.append(f'object {num} is not a stream outside an object stream')
            at = end + 7 if end >= 0 else len(data)
            continue
        end = dict_end + len(b'>>\nstream\n') + int(length.group(1))
        if data[end:end + len(b'\nendstream\nendobj\n')] != b'\nendstream\nendobj\n':
            problems.append(f'object {num}: /Length {length.group(1)} does not end at endstream')
        end += len(b'\nendstream\nendobj\n')
        if b'/Type /ObjStm' in head:
            kind = 'object streams'
            n_objects_in_streams += int(re.search(rb'/N (\d+)', head).group(1))
        elif b'/Type /XRef' in head:
            kind = 'cross-reference stream'
        elif b'/Length1' in head:
            kind = 'font programs'
        elif b'/Type /Metadata' in head:
            kind = 'XMP metadata'
        elif num in contents:
            kind = 'page contents'
        elif num in icc:
            kind = 'ICC profile'
        else:
            kind = 'other streams (ToUnicode …)'
        n, size = kinds.get(kind, (0, 0))
        kinds[kind] = (n + 1, size + end - m.start())
        accounted += end - m.start()
        at = end
    kinds['header, startxref'] = (1, len(data) - accounted)
    start = re.search(rb'startxref\n(\d+)\n%%EOF\n?$', data)
    if not start or not re.match(rb'\d+ 0 obj\n<<\n/Type /XRef\n', data[int(start.group(1)):]):
        problems.append('startxref does not point to a cross-reference stream')
    if re.search(rb'(^|\n)xref\r?\n', data) or b'\ntrailer' in data:
        problems.append('a classic xref table or trailer (not only a cross-reference stream)')
    if 'object streams' not in kinds:
        problems.append('no object streams')
    for kind, (n, size) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        extra = f', {n_objects_in_streams} objects in them' if kind == 'object streams' else ''
        print(f'{kind:30} {n:5} {size:9} bytes{extra}')
    print(f'size {len(data)} bytes' + (f' (limit {limit})' if limit else ''))
    if limit and len(data) > limit:
        problems.append(f'{len(data)} bytes, more than {limit}')
    for p in problems:
        print(f'{path}: {p}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
