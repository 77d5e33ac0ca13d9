/* font.c — the fonts of a document: code points per font file in one
 * pass, hb-subset in memory, CIDs = glyph IDs, widths, ToUnicode, the
 * descriptor's metrics (see font.h).
 *
 * libharu 2.3.0's own UTF-8 fonts cost most of a build: for each font it
 * looks up all 65,536 BMP code points in the cmap (a linear scan each) to
 * build a 128 KB CIDToGIDMap, and re-reads the font program at save time.
 * Here the font program is the hb-subset output as is (the tables a PDF
 * viewer needs for a CIDFontType2: glyf, loca, head, hhea, hmtx, maxp),
 * and the content streams carry glyph IDs. When two code points set in
 * the document share one glyph, the second gets a CID of its own past the
 * last glyph and the font a small CIDToGIDMap, so that ToUnicode still
 * gives each its own code point back. */
#include "font.h"
#include "pdf.h"

#include "objects.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool pdf_subset_enabled(void)
{
    const char *e = getenv("JUESUAN_SUBSET");
    return !(e && strcmp(e, "0") == 0);
}

/* ------------------------------------------------------------------------
 * Code points
 * ---------------------------------------------------------------------- */

static bool same_file(const layout_config *cfg, font_face a, font_face b)
{
    return strcmp(layout_config_font_path(cfg, a), layout_config_font_path(cfg, b)) == 0 &&
           layout_config_font_index(cfg, a) == layout_config_font_index(cfg, b);
}

/* The next code point of valid UTF-8 (layout checked every character). */
static uint32_t utf8_next(const unsigned char *s, size_t *at)
{
    unsigned c = s[(*at)++];
    if (c < 0x80) return c;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    uint32_t v = more == 3 ? c & 0x07 : more == 2 ? c & 0x0F : c & 0x1F;
    while (more-- > 0 && s[*at]) v = v << 6 | (s[(*at)++] & 0x3F);
    return v;
}

void pdf_collect_codepoints(const layout_result *r, const layout_config *cfg, pdf_cpset *sets,
                            int owner[FACE_COUNT])
{
    for (int f = 0; f < FACE_COUNT; f++) {
        owner[f] = f;
        for (int g = 0; g < f; g++)
            if (same_file(cfg, (font_face)f, (font_face)g)) {
                owner[f] = owner[g];
                break;
            }
    }
    for (size_t i = 0; i < r->n_pages; i++) {
        const layout_page *p = &r->pages[i];
        for (size_t j = 0; j < p->n_spans; j++) {
            const layout_span *s = &p->spans[j];
            uint64_t *bits = sets[owner[s->face]].bits;
            const unsigned char *t = (const unsigned char *)s->text;
            for (size_t at = 0; t[at];) {
                uint32_t cp = utf8_next(t, &at);
                if (cp <= 0xFFFF) bits[cp >> 6] |= UINT64_C(1) << (cp & 63);
            }
        }
    }
}

/* The code points of a set, ascending (malloc'd; *n set). */
static uint32_t *set_list(const pdf_cpset *set, size_t *n)
{
    size_t k = 0;
    for (size_t w = 0; w < 1024; w++) k += (size_t)__builtin_popcountll(set->bits[w]);
    uint32_t *cps = xmalloc((k ? k : 1) * sizeof *cps);
    k = 0;
    for (uint32_t w = 0; w < 1024; w++)
        for (uint64_t b = set->bits[w]; b; b &= b - 1) cps[k++] = w << 6 | (uint32_t)__builtin_ctzll(b);
    *n = k;
    return cps;
}

/* ------------------------------------------------------------------------
 * Font tables
 * ---------------------------------------------------------------------- */

static int read_i16(const char *p, unsigned len, unsigned at)
{
    if (at + 2 > len) return 0;
    return (int16_t)(uint16_t)((unsigned char)p[at] << 8 | (unsigned char)p[at + 1]);
}

/* Font units to 1/1000 em, truncated toward zero. */
static int32_t per_mille(int v, unsigned upem)
{
    return (int32_t)((int64_t)v * 1000 / (int64_t)upem);
}

/* The top of glyph `cp` (for fonts whose OS/2 table lacks the heights). */
static int glyph_top(hb_font_t *font, uint32_t cp)
{
    hb_codepoint_t g = 0;
    hb_glyph_extents_t e = {0, 0, 0, 0};
    if (!hb_font_get_nominal_glyph(font, cp, &g) || !hb_font_get_glyph_extents(font, g, &e)) return 0;
    return e.y_bearing;
}

/* Bounding box, ascent, descent, heights and flags, from head, hhea, OS/2. */
static void metrics(hb_face_t *face, hb_font_t *font, pdf_font_desc *d)
{
    unsigned upem = hb_face_get_upem(face);
    if (!upem) upem = 1000;
    unsigned len = 0;
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    const char *p = hb_blob_get_data(head, &len);
    for (int i = 0; i < 4; i++) d->bbox[i] = per_mille(read_i16(p, len, 36 + 2 * (unsigned)i), upem);
    int mac_style = read_i16(p, len, 44);
    hb_blob_destroy(head);
    hb_blob_t *hhea = hb_face_reference_table(face, HB_TAG('h', 'h', 'e', 'a'));
    p = hb_blob_get_data(hhea, &len);
    d->ascent = per_mille(read_i16(p, len, 4), upem);
    d->descent = per_mille(read_i16(p, len, 6), upem);
    hb_blob_destroy(hhea);
    hb_blob_t *os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    p = hb_blob_get_data(os2, &len);
    int version = read_i16(p, len, 0), x_height = 0, cap_height = 0;
    if (version >= 2 && len >= 90) {
        x_height = read_i16(p, len, 86);
        cap_height = read_i16(p, len, 88);
    }
    hb_blob_destroy(os2);
    if (x_height <= 0) x_height = glyph_top(font, 'x');
    if (cap_height <= 0) cap_height = glyph_top(font, 'H');
    d->x_height = per_mille(x_height, upem);
    d->cap_height = per_mille(cap_height, upem);
    /* Nonsymbolic; ForceBold and Italic from the head table's macStyle */
    d->flags = 32 | (mac_style & 1 ? 262144 : 0) | (mac_style & 2 ? 64 : 0);
}

/* "HPDFAA+" … then the PostScript name, kept to the characters a PDF name
 * may hold unescaped. */
static char *base_font_name(hb_face_t *face, int tag)
{
    char ps[64] = "";
    unsigned len = sizeof ps;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, ps);
    buf b = {0};
    buf_printf(&b, "HPDF%c%c+", 'A' + tag / 26 % 26, 'A' + tag % 26);
    size_t start = b.len;
    for (const char *c = ps; *c; c++)
        if (*c > ' ' && *c <= '~' && !strchr("()<>[]{}/%#", *c)) buf_putc(&b, *c);
    if (b.len == start) buf_puts(&b, "Font");
    return buf_detach(&b);
}

/* The tables a PDF viewer reads from an embedded CIDFontType2 program. */
static bool kept_table(hb_tag_t t)
{
    static const char *const keep[] = {"glyf", "head", "hhea", "hmtx", "loca", "maxp"};
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (t == HB_TAG(keep[i][0], keep[i][1], keep[i][2], keep[i][3])) return true;
    return false;
}

/* hb-subset to the glyphs of `n` code points; new_gid[i] gets the subset's
 * glyph ID of old[i] (the same when `retain`: the font keeps its glyph
 * IDs, the outlines of the others left empty). */
static hb_face_t *subset_face(hb_face_t *face, const uint32_t *cps, const hb_codepoint_t *old,
                              size_t n, bool retain, hb_codepoint_t *new_gid)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return NULL;
    hb_set_t *uni = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++) hb_set_add(uni, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_clear(drop);
    hb_tag_t tags[64];
    unsigned count;
    for (unsigned start = 0;; start += count) {
        count = 64;
        hb_face_get_table_tags(face, start, &count, tags);
        for (unsigned i = 0; i < count; i++)
            if (!kept_table(tags[i])) hb_set_add(drop, tags[i]);
        if (count < 64) break;
    }
    /* no hinting: the outlines are what a PDF viewer draws */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
                                      (retain ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0));
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    hb_subset_input_destroy(in);
    if (!plan) return NULL;
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (size_t i = 0; i < n; i++) new_gid[i] = hb_map_get(map, old[i]);
    hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
    hb_subset_plan_destroy(plan);
    return sub;
}

/* ------------------------------------------------------------------------
 * ToUnicode
 * ---------------------------------------------------------------------- */

static void put_hex4(buf *b, unsigned v)
{
    static const char hex[] = "0123456789ABCDEF";
    char s[6] = {'<', hex[v >> 12 & 15], hex[v >> 8 & 15], hex[v >> 4 & 15], hex[v & 15], '>'};
    buf_append(b, s, sizeof s);
}

/* Lines of one kind ("bfrange" or "bfchar") in blocks of at most 100. */
static void put_blocks(buf *out, const buf *lines, size_t n, const char *kind)
{
    size_t at = 0; /* byte offset into lines */
    for (size_t i = 0; i < n; i += 100) {
        size_t m = n - i < 100 ? n - i : 100;
        buf_printf(out, "%zu begin%s\n", m, kind);
        size_t from = at;
        for (size_t k = 0; k < m; k++) at = (size_t)(strchr(lines->data + at, '\n') - lines->data) + 1;
        buf_append(out, lines->data + from, at - from);
        buf_printf(out, "end%s\n", kind);
    }
}

/* CIDs 0 .. n - 1 to their code points (0: none): runs of consecutive CIDs
 * with consecutive code points (within one high byte) as bfrange lines,
 * the rest as bfchar lines. */
static void to_unicode(const uint32_t *cid_cp, size_t n, buf *out)
{
    buf ranges = {0}, chars = {0};
    size_t n_ranges = 0, n_chars = 0;
    for (size_t c = 0; c < n;) {
        if (!cid_cp[c]) {
            c++;
            continue;
        }
        size_t e = c + 1;
        while (e < n && (e >> 8) == (c >> 8) && cid_cp[e] && cid_cp[e] == cid_cp[e - 1] + 1) e++;
        if (e - c > 1) {
            put_hex4(&ranges, (unsigned)c);
            buf_putc(&ranges, ' ');
            put_hex4(&ranges, (unsigned)(e - 1));
            buf_putc(&ranges, ' ');
            put_hex4(&ranges, cid_cp[c]);
            buf_putc(&ranges, '\n');
            n_ranges++;
        } else {
            put_hex4(&chars, (unsigned)c);
            buf_putc(&chars, ' ');
            put_hex4(&chars, cid_cp[c]);
            buf_putc(&chars, '\n');
            n_chars++;
        }
        c = e;
    }
    buf_puts(out, "/CIDInit /ProcSet findresource begin\n"
                  "12 dict begin\n"
                  "begincmap\n"
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                  "/CMapName /Adobe-Identity-UCS def\n"
                  "/CMapType 2 def\n"
                  "1 begincodespacerange\n"
                  "<0000> <FFFF>\n"
                  "endcodespacerange\n");
    put_blocks(out, &chars, n_chars, "bfchar");
    put_blocks(out, &ranges, n_ranges, "bfrange");
    buf_puts(out, "endcmap\n"
                  "CMapName currentdict /CMap defineresource pop\n"
                  "end\n"
                  "end\n");
    buf_free(&ranges);
    buf_free(&chars);
}

/* ------------------------------------------------------------------------
 * Font files, opened once a process
 * ---------------------------------------------------------------------- */

/* A font file HarfBuzz has open (mapped, its tables' accelerators made as
 * they are used), kept for the next PDF of the process when
 * pdf_fonts_keep_open said so: a batch worker builds unit after unit, and
 * mapping the four files again for each (and faulting their pages in
 * again) was about 5% of a batch's CPU. An entry holds while the file's
 * identity, size and times are what they were. A single build keeps
 * nothing: the four files' pages resident at once would raise its peak
 * memory from about 31 to 50 MB. */
typedef struct open_face {
    char *path;
    int index;
    file_stamp st;
    hb_face_t *face;
    hb_font_t *font;
} open_face;

#define OPEN_FACES FACE_COUNT

static _Thread_local open_face open_faces[OPEN_FACES];
static bool keep_open;

void pdf_fonts_keep_open(bool on)
{
    keep_open = on;
}

/* The face and font (font units) of `path` at `index`, new references
 * (the caller destroys them); false when the file cannot be read. */
static bool face_open(const char *path, int index, hb_face_t **face, hb_font_t **font)
{
    struct stat sb;
    if (stat(path, &sb) != 0) return false;
    file_stamp st = file_stamp_of(&sb);
    open_face *slot = NULL;
    for (size_t i = 0; i < OPEN_FACES && !slot; i++) {
        open_face *o = &open_faces[i];
        if (o->path && o->index == index && strcmp(o->path, path) == 0) {
            if (file_stamp_same(&o->st, &st)) {
                *face = hb_face_reference(o->face);
                *font = hb_font_reference(o->font);
                return true;
            }
            slot = o; /* the file changed: open it again */
        }
    }
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) return false;
    *face = hb_face_create(blob, (unsigned)index);
    hb_blob_destroy(blob);
    *font = hb_font_create(*face); /* scale: font units */
    if (!keep_open) return true;
    for (size_t i = 0; i < OPEN_FACES && !slot; i++)
        if (!open_faces[i].path) slot = &open_faces[i];
    if (!slot) slot = &open_faces[0]; /* more files than faces: the first gives way */
    if (slot->path) {
        free(slot->path);
        hb_font_destroy(slot->font);
        hb_face_destroy(slot->face);
    }
    *slot = (open_face){xstrdup(path), index, st, hb_face_reference(*face), hb_font_reference(*font)};
    return true;
}

/* ------------------------------------------------------------------------
 * Embedding
 * ---------------------------------------------------------------------- */

int pdf_font_embed(HPDF_Doc pdf, const char *path, int index, const pdf_cpset *set, bool subset,
                   int tag, pdf_deflater *z, pdf_font *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    hb_face_t *face = NULL;
    hb_font_t *font = NULL;
    if (!face_open(path, index, &face, &font)) {
        diag_error(diags, SRCPOS_NONE, "字体文件 %s 无法读取", path);
        return 3;
    }
    unsigned upem = hb_face_get_upem(face);
    if (!upem) upem = 1000;

    size_t n = 0;
    uint32_t *cps = set_list(set, &n);
    hb_codepoint_t *old = xmalloc((n ? n : 1) * sizeof *old);
    hb_codepoint_t *gid = xmalloc((n ? n : 1) * sizeof *gid);
    for (size_t i = 0; i < n; i++)
        if (!hb_font_get_nominal_glyph(font, cps[i], &old[i])) old[i] = 0;
    hb_face_t *prog = subset_face(face, cps, old, n, !subset, gid);
    int rc = 0;
    if (!prog) {
        diag_error(diags, SRCPOS_NONE, "HarfBuzz 无法为字体 %s 生成子集", path);
        rc = 3;
        goto done;
    }

    /* CIDs: the glyph IDs; a code point whose glyph another one already
     * has gets a CID past the last glyph */
    size_t n_glyphs = hb_face_get_glyph_count(prog);
    size_t n_cids = n_glyphs;
    uint32_t *cid_cp = xcalloc(n_glyphs + n + 1, sizeof *cid_cp);
    uint16_t *cid_gid = xmalloc((n_glyphs + n + 1) * sizeof *cid_gid);
    uint16_t *widths = xmalloc((n_glyphs + n + 1) * sizeof *widths);
    for (size_t c = 0; c < n_glyphs; c++) {
        cid_gid[c] = (uint16_t)c;
        widths[c] = 1000;
    }
    out->cid = xcalloc(65536, sizeof *out->cid);
    for (size_t i = 0; i < n; i++) {
        if (gid[i] == HB_MAP_VALUE_INVALID || gid[i] >= n_glyphs || gid[i] == 0) continue;
        size_t c = gid[i];
        if (cid_cp[c]) {
            if (n_cids > 0xFFFF) { /* no 2-byte code left: share the glyph's */
                out->cid[cps[i]] = (uint16_t)c;
                continue;
            }
            c = n_cids++;
        }
        cid_cp[c] = cps[i];
        cid_gid[c] = (uint16_t)gid[i];
        unsigned long adv = (unsigned long)hb_font_get_glyph_h_advance(font, old[i]);
        widths[c] = (uint16_t)(adv * 1000UL / upem); /* as layout measures it */
        out->cid[cps[i]] = (uint16_t)c;
    }

    pdf_font_desc d = {0};
    metrics(face, font, &d);
    char *name = base_font_name(face, tag);
    hb_blob_t *data = hb_face_reference_blob(prog);
    unsigned prog_len = 0;
    buf cmap = {0};
    to_unicode(cid_cp, n_cids, &cmap);
    d.base_font = name;
    d.program = (const unsigned char *)hb_blob_get_data(data, &prog_len);
    d.program_len = prog_len;
    d.n_cids = n_cids;
    d.widths = widths;
    d.cid_to_gid = n_cids > n_glyphs ? cid_gid : NULL;
    d.to_unicode = cmap.data;
    d.to_unicode_len = cmap.len;
    out->dict = prog_len ? pdf_obj_font(pdf, &d, z) : NULL;
    if (!out->dict) {
        diag_error(diags, SRCPOS_NONE, "libharu 无法嵌入字体 %s", path);
        rc = 3;
    }
    buf_free(&cmap);
    hb_blob_destroy(data);
    free(name);
    free(cid_cp);
    free(cid_gid);
    free(widths);
    hb_face_destroy(prog);
done:
    free(cps);
    free(old);
    free(gid);
    hb_font_destroy(font);
    hb_face_destroy(face);
    if (rc) pdf_font_free(out);
    return rc;
}

void pdf_font_encode(const pdf_font *f, const char *text, buf *out)
{
    /* a literal string of the 2-byte codes: half the bytes of a hex
     * string, less for deflate to read; the delimiters, the backslash and
     * the line ends (a reader would turn CR into LF) escaped */
    char chunk[256];
    size_t k = 0;
    chunk[k++] = '(';
    const unsigned char *t = (const unsigned char *)text;
    for (size_t at = 0; t[at];) {
        uint32_t cp = utf8_next(t, &at);
        unsigned c = cp <= 0xFFFF ? f->cid[cp] : 0;
        if (k + 8 > sizeof chunk) {
            buf_append(out, chunk, k);
            k = 0;
        }
        for (int half = 0; half < 2; half++) {
            unsigned char byte = (unsigned char)(half ? c & 0xFF : c >> 8);
            if (byte == '(' || byte == ')' || byte == '\\') {
                chunk[k++] = '\\';
                chunk[k++] = (char)byte;
            } else if (byte == '\r' || byte == '\n') {
                chunk[k++] = '\\';
                chunk[k++] = byte == '\r' ? 'r' : 'n';
            } else {
                chunk[k++] = (char)byte;
            }
        }
    }
    if (k + 1 > sizeof chunk) {
        buf_append(out, chunk, k);
        k = 0;
    }
    chunk[k++] = ')';
    buf_append(out, chunk, k);
}

void pdf_font_free(pdf_font *f)
{
    free(f->cid);
    f->cid = NULL;
    f->dict = NULL;
}
