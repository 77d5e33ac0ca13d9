/* subset.c — cut each font down to the glyphs the document uses before
 * libharu sees it (HarfBuzz hb-subset).
 *
 * libharu 2.3.0 keeps only the used glyphs' outlines when it embeds a
 * TrueType font, but copies cmap, hmtx, loca, post and name whole, writes a
 * /W array and a CIDToGIDMap over every glyph, and reads and walks the whole
 * file at save time: for a 30 000-glyph CJK face that is about 100 KB and
 * 40 ms per face. Handing it a font that has only the glyphs in use (and
 * only the tables it embeds) removes both costs; the glyf outlines stay
 * TrueType, so libharu embeds the subset exactly as it did the whole font.
 * The subset goes to a temporary file (libharu reads fonts from files
 * only), which is unlinked as soon as libharu has opened it. */
#include "subset.h"

#include <errno.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

bool pdf_subset_enabled(void)
{
    const char *e = getenv("JUESUAN_SUBSET");
    return !(e && strcmp(e, "0") == 0);
}

static bool same_file(const layout_config *cfg, font_face a, font_face b)
{
    return strcmp(layout_config_font_path(cfg, a), layout_config_font_path(cfg, b)) == 0 &&
           layout_config_font_index(cfg, a) == layout_config_font_index(cfg, b);
}

/* The next code point of valid UTF-8 (layout checked every character). */
static uint32_t utf8_next(const unsigned char *s, size_t *at)
{
    unsigned c = s[(*at)++];
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t v = more == 3 ? c & 0x07 : more == 2 ? c & 0x0F : more == 1 ? c & 0x1F : c;
    while (more-- > 0 && s[*at]) v = v << 6 | (s[(*at)++] & 0x3F);
    return v;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

uint32_t *pdf_font_codepoints(const layout_result *r, const layout_config *cfg, font_face face,
                              size_t *n)
{
    size_t cap = 256, k = 0;
    uint32_t *cps = xmalloc(cap * sizeof *cps);
    cps[k++] = 'H';
    cps[k++] = 'x';
    for (size_t i = 0; i < r->n_pages; i++) {
        const layout_page *p = &r->pages[i];
        for (size_t j = 0; j < p->n_spans; j++) {
            const layout_span *s = &p->spans[j];
            if (!same_file(cfg, s->face, face)) continue;
            const unsigned char *t = (const unsigned char *)s->text;
            for (size_t at = 0; t[at];) {
                if (k == cap) cps = xrealloc(cps, (cap *= 2) * sizeof *cps);
                cps[k++] = utf8_next(t, &at);
            }
        }
    }
    qsort(cps, k, sizeof *cps, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || cps[u - 1] != cps[i]) cps[u++] = cps[i];
    *n = u;
    return cps;
}

/* The tables libharu 2.3.0 reads or embeds (hpdf_fontdef_tt.c); the
 * others (GSUB, GPOS, vmtx, …) are left out of the subset. */
static bool libharu_table(hb_tag_t t)
{
    static const char *const keep[] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
                                       "hmtx", "loca", "maxp", "name", "post", "prep"};
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (t == HB_TAG(keep[i][0], keep[i][1], keep[i][2], keep[i][3])) return true;
    return false;
}

static char *temp_path(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    buf b = {0};
    buf_printf(&b, "%s/juesuan-font-XXXXXX", dir);
    char *path = buf_detach(&b);
    tempfile_hold_signals(); /* a signal removes it from the moment it exists */
    int fd = mkstemp(path);
    if (fd >= 0) tempfile_track(path);
    tempfile_release_signals();
    if (fd < 0) {
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

char *pdf_font_subset(const char *path, int index, const uint32_t *cps, size_t n,
                      diag_list *diags)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) {
        diag_error(diags, SRCPOS_NONE, "字体文件 %s 无法读取", path);
        return NULL;
    }
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_blob_destroy(blob);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    char *out_path = NULL;
    hb_face_t *sub = NULL;
    if (!in) goto fail;
    hb_set_t *uni = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++) hb_set_add(uni, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_clear(drop);
    hb_tag_t tags[64];
    unsigned count = 64;
    for (unsigned start = 0;; start += count) {
        count = 64;
        hb_face_get_table_tags(face, start, &count, tags);
        for (unsigned i = 0; i < count; i++)
            if (!libharu_table(tags[i])) hb_set_add(drop, tags[i]);
        if (count < 64) break;
    }
    /* no hinting: the outlines are what a PDF viewer draws */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    sub = hb_subset_or_fail(face, in);
    if (!sub) goto fail;
    hb_blob_t *data = hb_face_reference_blob(sub);
    unsigned len = 0;
    const char *bytes = hb_blob_get_data(data, &len);
    out_path = temp_path();
    FILE *fp = out_path ? fopen(out_path, "wb") : NULL;
    bool ok = fp && len > 0 && fwrite(bytes, 1, len, fp) == len;
    if (fp && fclose(fp) != 0) ok = false;
    hb_blob_destroy(data);
    if (!ok) {
        diag_error(diags, SRCPOS_NONE, "无法写入字体子集的临时文件（%s）：%s",
                   out_path ? out_path : "TMPDIR", strerror(errno));
        if (out_path) unlink(out_path), tempfile_forget(out_path);
        free(out_path);
        out_path = NULL;
    }
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    return out_path;
fail:
    diag_error(diags, SRCPOS_NONE, "HarfBuzz 无法为字体 %s 生成子集", path);
    if (in) hb_subset_input_destroy(in);
    hb_face_destroy(face);
    return NULL;
}

static bool is_ttc(const char *path, int index)
{
    size_t n = strlen(path);
    return index > 0 || (n > 4 && strcasecmp(path + n - 4, ".ttc") == 0);
}

const char *pdf_load_face(HPDF_Doc pdf, const layout_result *r, const layout_config *cfg,
                          font_face face, diag_list *diags)
{
    const char *path = layout_config_font_path(cfg, face);
    int index = layout_config_font_index(cfg, face);
    if (!pdf_subset_enabled())
        return is_ttc(path, index) ? HPDF_LoadTTFontFromFile2(pdf, path, (HPDF_UINT)index, HPDF_TRUE)
                                   : HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    size_t n = 0;
    uint32_t *cps = pdf_font_codepoints(r, cfg, face, &n);
    char *tmp = pdf_font_subset(path, index, cps, n, diags);
    free(cps);
    if (!tmp) return NULL;
    /* libharu keeps the file open until the document is freed: the name
     * can go at once */
    const char *name = HPDF_LoadTTFontFromFile(pdf, tmp, HPDF_TRUE);
    unlink(tmp);
    tempfile_forget(tmp);
    free(tmp);
    return name;
}
