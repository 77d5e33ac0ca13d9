#!/usr/bin/env python3
"""check_tags.py PDF... — the tagged-PDF test (issue 13): the structure
tree covers the page text, in order, and the 目录 is navigable.

For every page:
  - every marked-content sequence with an MCID is referenced by exactly one
    structure element, and the ParentTree maps it back to that element;
    no text is outside marked content; BDC/EMC nest;
  - the text read through the structure tree (depth first, each element's
    MCIDs decoded through the fonts' ToUnicode maps) equals the page's text
    in content order without the artifacts, and the page's whole text in
    content order equals `pdftotext -raw`'s (whitespace ignored): so the
    tree reads the page as poppler does in content order, less the
    artifacts (page numbers, repeated table headers, ruled lines).
For the document: /MarkInfo /Marked true, /Lang zh-CN, every Figure has
/Alt, every Table holds TR rows of TH/TD cells and at least one TH, every
H1–H3 is non-empty; page labels equal the printed folios ("— N —" artifacts);
each 目录 entry (TOCI) has one link annotation (with /Contents) whose
destination is the page whose label is the number the entry prints; /PageMode /UseOutlines and
/ViewerPreferences /DisplayDocTitle true.
Prints one line per problem and "N PDFs, M problems"; exit 1 on problems."""
import re
import sys

import pikepdf

sys.path.insert(0, __file__.rsplit('/', 1)[0])
from pdf_text import poppler_pages, read_page, squash  # noqa: E402


def roman(n):
    out = ''
    for v, s in ((1000, 'm'), (900, 'cm'), (500, 'd'), (400, 'cd'), (100, 'c'), (90, 'xc'), (50, 'l'),
                 (40, 'xl'), (10, 'x'), (9, 'ix'), (5, 'v'), (4, 'iv'), (1, 'i')):
        while n >= v:
            out += s
            n -= v
    return out


def page_labels(pdf):
    nums = pdf.Root.get('/PageLabels')
    labels = [str(i + 1) for i in range(len(pdf.pages))]
    if nums is None:
        return None
    arr = list(nums.Nums)
    ranges = [(int(arr[i]), arr[i + 1]) for i in range(0, len(arr), 2)]
    for k, (start, d) in enumerate(ranges):
        end = ranges[k + 1][0] if k + 1 < len(ranges) else len(pdf.pages)
        st = str(d.get('/S', ''))
        first = int(d.get('/St', 1))
        prefix = str(d.get('/P', ''))
        for i in range(start, end):
            n = first + i - start
            num = str(n) if st == '/D' else roman(n) if st == '/r' else roman(n).upper() if st == '/R' else ''
            labels[i] = prefix + num
    return labels


def check(path, problems):
    def bad(msg):
        problems.append(f'{path}: {msg}')

    pdf = pikepdf.open(path)
    root = pdf.Root
    if not (root.get('/MarkInfo') and bool(root.MarkInfo.get('/Marked'))):
        bad('no /MarkInfo << /Marked true >>')
    if str(root.get('/Lang', '')) != 'zh-CN':
        bad('no /Lang (zh-CN)')
    if str(root.get('/PageMode', '')) != '/UseOutlines':
        bad('no /PageMode /UseOutlines')
    vp = root.get('/ViewerPreferences')
    if not (vp and bool(vp.get('/DisplayDocTitle'))):
        bad('no /ViewerPreferences /DisplayDocTitle true')
    str_root = root.get('/StructTreeRoot')
    if str_root is None:
        bad('no StructTreeRoot')
        return
    page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    order = {i: [] for i in range(len(pdf.pages))}  # page -> mcids in tree order
    owner = {}  # (page, mcid) -> element objgen
    roles = {}
    links = []  # (Link element, annotation)
    tocis = []

    def walk(el, depth):
        s = str(el.get('/S', ''))[1:]
        roles[s] = roles.get(s, 0) + 1
        pg = el.get('/Pg')
        kids = el.get('/K')
        if kids is None:
            kids = []
        elif not isinstance(kids, pikepdf.Array):
            kids = [kids]
        child_roles = []
        annots = []
        for k in kids:
            if isinstance(k, int) or (isinstance(k, pikepdf.Object) and k._type_code == pikepdf.ObjectType.integer):
                if pg is None:
                    bad(f'{s}: an MCID without /Pg')
                    continue
                key = (page_index[pg.objgen], int(k))
            elif isinstance(k, pikepdf.Dictionary) and str(k.get('/Type', '')) == '/MCR':
                key = (page_index[k.Pg.objgen], int(k.MCID))
            elif isinstance(k, pikepdf.Dictionary) and str(k.get('/Type', '')) == '/OBJR':
                annots.append(k.Obj)
                continue
            elif isinstance(k, pikepdf.Dictionary) and '/S' in k:
                if k.get('/P') is None or k.P.objgen != el.objgen:
                    bad(f'{s} › {k.S}: /P is not its parent')
                child_roles.append(str(k.S)[1:])
                walk(k, depth + 1)
                continue
            else:
                bad(f'{s}: a kid of unknown kind')
                continue
            if key in owner:
                bad(f'page {key[0] + 1} MCID {key[1]} referenced twice')
            owner[key] = el.objgen
            order[key[0]].append(key[1])
        if s == 'Figure' and not str(el.get('/Alt', '')).strip():
            bad('a Figure without /Alt')
        if s == 'Table':
            if not child_roles or any(r != 'TR' for r in child_roles):
                bad(f'a Table whose kids are not TR rows: {sorted(set(child_roles))}')
        if s == 'TR' and any(r not in ('TH', 'TD') for r in child_roles):
            bad(f'a TR whose kids are not TH/TD: {sorted(set(child_roles))}')
        if s == 'Link':
            links.append((el, annots))
        if s == 'TOCI':
            tocis.append(el)

    walk(str_root.K, 0)
    if roles.get('Table', 0) and not roles.get('TH', 0):
        bad('tables without any TH')
    # the ParentTree maps each MCID back to its element
    nums = list(str_root.ParentTree.Nums)
    ptree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    texts = poppler_pages(path, raw=True)
    cache = {}
    folios = {}
    for i, page in enumerate(pdf.pages):
        pt = read_page(page, cache)
        if not pt.nesting_ok:
            bad(f'page {i + 1}: marked content does not nest (or an MCID twice)')
        if any(t.strip() for t in pt.unmarked):
            bad(f'page {i + 1}: text outside marked content: {"".join(pt.unmarked)[:40]}')
        sp = page.obj.get('/StructParents')
        if pt.mcid and sp is None:
            bad(f'page {i + 1}: no /StructParents')
        for m in pt.mcid:
            if (i, m) not in owner:
                bad(f'page {i + 1}: MCID {m} ({pt.mcid[m][:20]}) is in no structure element')
            elif sp is not None:
                arr = ptree.get(int(sp))
                if arr is None or m >= len(arr) or arr[m].objgen != owner[(i, m)]:
                    bad(f'page {i + 1}: the ParentTree does not map MCID {m} to its element')
        for m in order[i]:
            if m not in pt.mcid:
                bad(f'page {i + 1}: the tree refers to MCID {m}, which the page lacks')
        tree_text = squash(''.join(pt.mcid.get(m, '') for m in order[i]))
        content_text = squash(''.join(t for m, t in pt.seq if m is not None))
        if tree_text != content_text:
            k = next((j for j in range(min(len(tree_text), len(content_text))) if tree_text[j] != content_text[j]),
                     min(len(tree_text), len(content_text)))
            bad(f'page {i + 1}: the structure tree reads …{tree_text[max(0, k - 15):k + 15]}…, '
                f'the page …{content_text[max(0, k - 15):k + 15]}…')
        # the page's whole text in content order (artifacts too) against poppler's -raw
        pop = squash(texts[i]) if i < len(texts) else ''
        seq = squash(''.join(t for _, t in pt.seq))
        if seq != pop:
            k = next((j for j in range(min(len(seq), len(pop))) if seq[j] != pop[j]), min(len(seq), len(pop)))
            bad(f'page {i + 1}: the content reads …{seq[max(0, k - 15):k + 15]}…, '
                f'pdftotext -raw …{pop[max(0, k - 15):k + 15]}…')
        m = [a for a in pt.artifact if re.fullmatch(r'\s*—\s*\d+\s*—\s*', a)]
        if m:
            folios[i] = re.sub(r'\D', '', m[0])
    labels = page_labels(pdf)
    if labels is None:
        bad('no /PageLabels')
    else:
        for i, n in folios.items():
            if labels[i] != n:
                bad(f'page {i + 1} prints — {n} — but its label is {labels[i]}')
    # the 目录: one link per entry, to the page its number names
    if tocis:
        if len(links) != len(tocis):
            bad(f'{len(tocis)} 目录 entries but {len(links)} Link elements')
        for el, annots in links:
            if len(annots) != 1:
                bad('a 目录 Link without exactly one annotation')
                continue
            a = annots[0]
            if not str(a.get('/Contents', '')).strip():
                bad('a 目录 link without /Contents')
            dest = a.get('/Dest')
            if dest is None and a.get('/A') is not None:
                dest = a.A.get('/D')
            if dest is None:
                bad('a 目录 link without a destination')
                continue
            target = page_index.get(dest[0].objgen)
            kids = el.K if isinstance(el.K, pikepdf.Array) else [el.K]
            pg = el.get('/Pg')
            text = ''
            src = page_index[pg.objgen] if pg is not None else None
            pt = read_page(pdf.pages[src], cache) if src is not None else None
            for k in kids:
                if pt is not None and not isinstance(k, pikepdf.Dictionary):
                    text += pt.mcid.get(int(k), '')
            num = re.search(r'(\d+)\s*$', text)
            if num and labels and target is not None and labels[target] != num.group(1):
                bad(f'目录 entry “{text[:20]}” says {num.group(1)} but links to page {target + 1} '
                    f'(label {labels[target]})')
        annots_total = sum(1 for p in pdf.pages for a in p.obj.get('/Annots', []) if str(a.Subtype) == '/Link')
        if annots_total != len(tocis):
            bad(f'{len(tocis)} 目录 entries but {annots_total} link annotations')
    return roles, len(tocis)


def main(paths):
    problems = []
    for p in paths:
        r = check(p, problems)
        if r:
            roles, n_toc = r
            print(f'{p}: ' + ', '.join(f'{k} {v}' for k, v in sorted(roles.items())) + f'; 目录 links {n_toc}')
    for line in problems:
        print(line)
    print(f'{len(paths)} PDFs, {len(problems)} problems')
    return 1 if problems or not paths else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
