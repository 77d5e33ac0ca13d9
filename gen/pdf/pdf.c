/* pdf.c — draw a laid-out document with libharu: the fonts (font.c:
 * subset, embedded with Identity maps and a ToUnicode CMap), each page's
 * content stream (content.c: text and ruled lines; chart.c: chart shapes
 * through libharu's drawing functions), marked as the structure tree says
 * (tags.c), the outline, the 目录 links, the metadata (meta.c); then the
 * file's bytes (save.c: object streams and a cross-reference stream, in
 * place of libharu's writer). Each kind of stream is deflated at its own
 * level (objects.c). Deterministic: no current time, the /ID (in the
 * cross-reference stream, which is the trailer) is the MD5 of the pages'
 * contents and the XMP, font subset tags HPDFAA, HPDFAB … in face order,
 * objects numbered in the order they are made. */
#include "pdf.h"

#include "chart.h"
#include "content.h"
#include "font.h"
#include "meta.h"
#include "objects.h"
#include "tags.h"

#include <errno.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The deflate level of every stream: each kind of stream at its own
 * level, chosen by measurement (objects.c, README "Size of the PDF"), or
 * JUESUAN_DEFLATE=1..12 (libdeflate's levels) for all (for make bench). */
static int deflate_level(void)
{
    const char *e = getenv("JUESUAN_DEFLATE");
    if (!e || !e[0] || strspn(e, "0123456789") != strlen(e) || strlen(e) > 2) return 0;
    int level = atoi(e);
    return level >= 1 && level <= 12 ? level : 0;
}

/* The first libharu error, recorded by the handler. */
typedef struct pdf_error {
    HPDF_STATUS code, detail;
} pdf_error;

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    pdf_error *e = user;
    if (!e->code) {
        e->code = code;
        e->detail = detail;
    }
}

typedef struct pdf_fonts {
    pdf_font store[FACE_COUNT]; /* one per font file, at its first face */
    pdf_font *font[FACE_COUNT]; /* the font of each face */
} pdf_fonts;

/* Embed the font files the spans use, in face order (so the subset tags
 * are stable). Returns 0, 1 (a font file is missing) or 3. */
static int load_fonts(HPDF_Doc pdf, const layout_result *r, const layout_config *cfg, pdf_deflater *z,
                      pdf_fonts *pf, diag_list *diags)
{
    pdf_cpset *sets = xcalloc(FACE_COUNT, sizeof *sets);
    int owner[FACE_COUNT];
    pdf_collect_codepoints(r, cfg, sets, owner);
    bool used[FACE_COUNT] = {false};
    for (size_t i = 0; i < r->n_pages; i++)
        for (size_t k = 0; k < r->pages[i].n_spans; k++) used[owner[r->pages[i].spans[k].face]] = true;
    bool subset = pdf_subset_enabled();
    int rc = 0, tag = 0;
    for (int f = 0; f < FACE_COUNT && rc == 0; f++) {
        if (!used[f]) continue;
        const char *path = layout_config_font_path(cfg, (font_face)f);
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            diag_error(diags, SRCPOS_NONE, "字体文件 %s 无法打开：%s", path, strerror(errno));
            rc = 1;
            break;
        }
        fclose(fp);
        rc = pdf_font_embed(pdf, path, layout_config_font_index(cfg, (font_face)f), &sets[f], subset,
                            tag++, z, &pf->store[f], diags);
    }
    for (int f = 0; f < FACE_COUNT; f++) pf->font[f] = &pf->store[owner[f]];
    free(sets);
    return rc;
}

static void free_fonts(pdf_fonts *pf)
{
    for (int f = 0; f < FACE_COUNT; f++) pdf_font_free(&pf->store[f]);
}

/* The content stream of one page: ruled lines (an artifact), chart shapes
 * (each chart's a marked-content sequence of its Figure), text; added to
 * the digest of the trailer /ID. */
static int draw_page(HPDF_Page page, const layout_page *lp, size_t index, pdf_fonts *pf, pdf_tags *tags,
                     pdf_digest *dg, pdf_deflater *z)
{
    buf c = {0};
    pdf_content_rules(&c, lp);
    int rc = 0;
    for (size_t i = 0; i < lp->n_shapes && rc == 0;) {
        size_t j = i;
        while (j < lp->n_shapes && lp->shapes[j].elem == lp->shapes[i].elem) j++;
        pdf_tags_open(tags, index, lp->shapes[i].elem, &c);
        pdf_draw_shapes(page, lp, i, j); /* through libharu (chart.c) */
        rc = pdf_obj_page_take(page, &c);
        pdf_tags_close(&c);
        i = j;
    }
    if (rc == 0) rc = pdf_content_text(&c, page, lp, pf->font, tags, index);
    if (rc == 0) pdf_digest_add(dg, c.data ? c.data : "", c.len);
    if (rc == 0) rc = pdf_obj_page_set(page, c.data ? c.data : "", c.len, z);
    buf_free(&c);
    return rc;
}

/* The heading of block `block`, or NULL. */
static const layout_heading *heading_of(const layout_result *r, size_t index)
{
    for (size_t i = 0; i < r->n_headings; i++)
        if (r->headings[i].block == index) return &r->headings[i];
    return NULL;
}

/* Each 目录 entry: a link to its heading's page, at the heading (an
 * invisible border; printed, as PDF/A wants annotations; the heading's
 * text as its /Contents). */
static void add_links(HPDF_Doc pdf, const layout_result *r, HPDF_Page *pages, pdf_tags *tags)
{
    for (size_t i = 0; i < r->n_links; i++) {
        const layout_link *l = &r->links[i];
        const layout_heading *h = heading_of(r, l->block);
        if (!h || l->page >= r->n_pages || h->page >= r->n_pages) continue;
        HPDF_Destination dst = HPDF_Page_CreateDestination(pages[h->page]);
        if (!dst) continue;
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)h->top);
        HPDF_Rect rect = {(HPDF_REAL)l->x0, (HPDF_REAL)l->y0, (HPDF_REAL)l->x1, (HPDF_REAL)l->y1};
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(pages[l->page], rect, dst);
        if (!a) continue;
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        pdf_obj_annot_finish(pdf, a, h->text);
        pdf_tags_annot(tags, l->page, l->elem, a);
    }
}

/* Bookmarks for headings of levels 1..outline_levels, nested by level. */
static void add_outline(HPDF_Doc pdf, const layout_result *r, HPDF_Page *pages)
{
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Outline last[5] = {NULL};
    for (size_t i = 0; i < r->n_headings; i++) {
        const layout_heading *h = &r->headings[i];
        if (h->level < 1 || h->level > r->outline_levels || h->level > 4) continue;
        HPDF_Outline parent = NULL;
        for (int l = h->level - 1; l >= 1 && !parent; l--) parent = last[l];
        HPDF_Outline o = HPDF_CreateOutline(pdf, parent, h->text, enc); /* NULL: top level */
        if (!o) continue;
        HPDF_Destination dst = HPDF_Page_CreateDestination(pages[h->page]);
        if (dst) {
            HPDF_Destination_SetFitH(dst, (HPDF_REAL)h->top); /* SetXYZ refuses zoom 0 */
            HPDF_Outline_SetDestination(o, dst);
        }
        HPDF_Outline_SetOpened(o, h->level == 1 ? HPDF_TRUE : HPDF_FALSE);
        last[h->level] = o;
        for (int l = h->level + 1; l < 5; l++) last[l] = NULL;
    }
}

/* What a libharu error code means, in words. */
static const char *haru_words(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "内存不足";
    case HPDF_FILE_IO_ERROR: return "文件读写出错";
    case HPDF_FILE_OPEN_ERROR: return "无法打开文件";
    case HPDF_ZLIB_ERROR: return "压缩数据时出错（zlib）";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "字体的许可不允许嵌入";
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_INVALID_TTC_FILE:
    case HPDF_INVALID_TTC_INDEX:
    case HPDF_INVALID_FONTDEF_DATA:
    case HPDF_UNSUPPORTED_FONT_TYPE:
    case HPDF_INVALID_FONT:
    case HPDF_FONT_INVALID_WIDTHS_TABLE: return "字体文件无效或不受支持";
    case HPDF_PAGE_OUT_OF_RANGE:
    case HPDF_PAGE_INVALID_SIZE:
    case HPDF_PAGE_INVALID_FONT_SIZE:
    case HPDF_REAL_OUT_OF_RANGE: return "页面或数值超出 PDF 允许的范围";
    case HPDF_STRING_OUT_OF_RANGE: return "文字串过长";
    case HPDF_EXCEED_GSTATE_LIMIT: return "图形状态嵌套过深";
    default: return "PDF 库内部错误";
    }
}

/* Report the first libharu error; returns 4 when memory ran out (the
 * environment), else 3. */
static int haru_failed(const pdf_error *err, diag_list *diags)
{
    diag_error(diags, SRCPOS_NONE, "PDF 生成失败：%s（libharu 错误 0x%04X，详情 %u）", haru_words(err->code),
               (unsigned)err->code, (unsigned)err->detail);
    return err->code == HPDF_FAILD_TO_ALLOC_MEM ? ENV_FAILURE : 3;
}

static int render(const layout_result *r, const layout_config *cfg, const pdf_meta *meta,
                  const char *path, diag_list *diags)
{
    pdf_error err = {0, 0};
    HPDF_Doc pdf = pdf_obj_doc_new(on_error, &err);
    if (!pdf) {
        diag_error(diags, SRCPOS_NONE, "libharu 初始化失败");
        return 3;
    }
    HPDF_UseUTFEncodings(pdf); /* outline titles and information as UTF-16BE */
    pdf_deflater *z = pdf_deflater_new(deflate_level());
    pdf_fonts pf;
    memset(&pf, 0, sizeof pf);
    int rc = load_fonts(pdf, r, cfg, z, &pf, diags);
    if (rc != 0) {
        pdf_deflater_free(z);
        free_fonts(&pf);
        pdf_obj_doc_free(pdf);
        return rc;
    }
    HPDF_Page *pages = xcalloc(r->n_pages ? r->n_pages : 1, sizeof *pages);
    pdf_tags *tags = pdf_tags_new(r);
    pdf_digest *dg = pdf_digest_new();
    for (size_t i = 0; i < r->n_pages && !err.code; i++) {
        pages[i] = HPDF_AddPage(pdf);
        if (!pages[i]) break;
        bool land = r->pages[i].landscape; /* a landscape table page */
        HPDF_Page_SetWidth(pages[i], (HPDF_REAL)(land ? r->page_height : r->page_width));
        HPDF_Page_SetHeight(pages[i], (HPDF_REAL)(land ? r->page_width : r->page_height));
        if (draw_page(pages[i], &r->pages[i], i, &pf, tags, dg, z) != 0 && !err.code)
            err.code = HPDF_INVALID_OBJECT;
    }
    if (!err.code) add_outline(pdf, r, pages);
    if (!err.code) add_links(pdf, r, pages, tags);
    if (!err.code && pdf_tags_write(tags, pdf, pages) != 0) err.code = HPDF_INVALID_OBJECT;
    int meta_rc = err.code ? 0 : pdf_meta_write(pdf, r, meta, dg, z, diags);
    pdf_tags_free(tags);
    pdf_digest_free(dg);
    free(pages);
    if (meta_rc == ENV_FAILURE) { /* the ICC profile: told in the diagnostic */
        pdf_deflater_free(z);
        free_fonts(&pf);
        pdf_obj_doc_free(pdf);
        return meta_rc;
    }
    if (meta_rc != 0 && !err.code) err.code = HPDF_INVALID_OBJECT;
    /* the bytes are made in memory (save.c) and written here, so a full
     * disk or a missing permission is told as such */
    buf bytes = {0};
    bool whole = !err.code && pdf_obj_save(pdf, z, &bytes) == 0 && !err.code;
    pdf_deflater_free(z);
    rc = whole ? 0 : haru_failed(&err, diags);
    free_fonts(&pf);
    pdf_obj_doc_free(pdf);
    if (rc == 0 && file_write_all(path, bytes.data, bytes.len) != 0) {
        rc = diag_env_error(diags, path, errno, "无法写入 PDF 文件");
        remove(path);
    }
    buf_free(&bytes);
    return rc;
}

int pdf_write(const doc *d, const layout_config *cfg, const pdf_meta *meta,
              const char *path, diag_list *diags)
{
    layout_result r = {0};
    if (layout_document(d, cfg, &r, diags) != 0) {
        layout_result_free(&r);
        return 1;
    }
    int rc = render(&r, cfg, meta, path, diags);
    layout_result_free(&r);
    return rc;
}
