/* pdf.c — draw a laid-out document with libharu: fonts (embedded, UTF-8,
 * ToUnicode repaired), one text object per page, the outline, the document
 * information. Deterministic: no current time, no /ID (libharu writes one
 * only for encrypted files), font subset tags HPDFAA, HPDFAB … in load
 * order. */
#include "pdf.h"

#include "chart.h"
#include "subset.h"
#include "table.h"
#include "tounicode.h"

#include <errno.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    HPDF_Font font[FACE_COUNT];
} pdf_fonts;

/* Load the faces the spans use, in face order (so the subset tags are
 * stable). Returns 0, 1 (a font file is missing) or 3. */
static int load_fonts(HPDF_Doc pdf, const layout_result *r, const layout_config *cfg,
                      pdf_fonts *pf, diag_list *diags)
{
    bool used[FACE_COUNT] = {false};
    for (size_t i = 0; i < r->n_pages; i++)
        for (size_t k = 0; k < r->pages[i].n_spans; k++) used[r->pages[i].spans[k].face] = true;
    for (int f = 0; f < FACE_COUNT; f++) {
        if (!used[f]) continue;
        const char *path = layout_config_font_path(cfg, (font_face)f);
        int index = layout_config_font_index(cfg, (font_face)f);
        for (int g = 0; g < f; g++) { /* the same file serves two faces */
            if (pf->font[g] && strcmp(path, layout_config_font_path(cfg, (font_face)g)) == 0 &&
                index == layout_config_font_index(cfg, (font_face)g)) {
                pf->font[f] = pf->font[g];
                break;
            }
        }
        if (pf->font[f]) continue;
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            diag_error(diags, SRCPOS_NONE, "字体文件 %s 无法打开：%s", path, strerror(errno));
            return 1;
        }
        fclose(fp);
        const char *name = pdf_load_face(pdf, r, cfg, (font_face)f, diags); /* subset.c */
        HPDF_Font font = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
        if (!font || pdf_font_repair(font) != 0) {
            diag_error(diags, SRCPOS_NONE, "libharu 无法嵌入字体 %s", path);
            return 3;
        }
        pf->font[f] = font;
    }
    return 0;
}

static void draw_page(HPDF_Page page, const layout_page *lp, const pdf_fonts *pf)
{
    if (lp->n_spans == 0) return;
    HPDF_Page_BeginText(page);
    HPDF_Font cur_font = NULL;
    double cur_size = -1, cur_space = 0;
    for (size_t k = 0; k < lp->n_spans; k++) {
        const layout_span *s = &lp->spans[k];
        HPDF_Font font = pf->font[s->face];
        if (font != cur_font || s->size != cur_size) {
            HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)s->size);
            cur_font = font;
            cur_size = s->size;
        }
        if (s->char_space != cur_space) {
            HPDF_Page_SetCharSpace(page, (HPDF_REAL)s->char_space);
            cur_space = s->char_space;
        }
        HPDF_Page_TextOut(page, (HPDF_REAL)s->x, (HPDF_REAL)s->y, s->text);
    }
    HPDF_Page_EndText(page);
}

/* Bookmarks for headings of levels 1..outline_levels, nested by level. */
static void add_outline(HPDF_Doc pdf, const layout_result *r, HPDF_Page *pages)
{
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Outline last[5] = {NULL};
    bool any = false;
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
        any = true;
    }
    if (any) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void add_info(HPDF_Doc pdf, const pdf_meta *meta)
{
    HPDF_SetCurrentEncoder(pdf, "UTF-8"); /* info strings as UTF-16BE */
    if (meta && meta->title) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, meta->title);
    if (meta && meta->author) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, meta->author);
    if (meta && meta->subject) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, meta->subject);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "juesuan");
    if (meta && meta->year > 0) {
        HPDF_Date date = {0};
        date.year = meta->year;
        date.month = meta->month >= 1 && meta->month <= 12 ? meta->month : 1;
        date.day = meta->day >= 1 && meta->day <= 31 ? meta->day : 1;
        date.ind = ' ';
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
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

/* Report the first libharu error and free the document; returns 4 when
 * memory ran out (the environment), else 3. */
static int haru_failed(HPDF_Doc pdf, const pdf_error *err, diag_list *diags)
{
    diag_error(diags, SRCPOS_NONE, "PDF 生成失败：%s（libharu 错误 0x%04X，详情 %u）", haru_words(err->code),
               (unsigned)err->code, (unsigned)err->detail);
    HPDF_Free(pdf);
    return err->code == HPDF_FAILD_TO_ALLOC_MEM ? ENV_FAILURE : 3;
}

static int render(const layout_result *r, const layout_config *cfg, const pdf_meta *meta,
                  const char *path, diag_list *diags)
{
    pdf_error err = {0, 0};
    HPDF_Doc pdf = HPDF_New(on_error, &err);
    if (!pdf) {
        diag_error(diags, SRCPOS_NONE, "libharu 初始化失败");
        return 3;
    }
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    pdf_fonts pf = {{NULL}};
    int rc = load_fonts(pdf, r, cfg, &pf, diags);
    if (rc != 0) {
        HPDF_Free(pdf);
        return rc;
    }
    HPDF_Page *pages = xcalloc(r->n_pages ? r->n_pages : 1, sizeof *pages);
    for (size_t i = 0; i < r->n_pages; i++) {
        pages[i] = HPDF_AddPage(pdf);
        if (!pages[i]) break;
        bool land = r->pages[i].landscape; /* a landscape table page */
        HPDF_Page_SetWidth(pages[i], (HPDF_REAL)(land ? r->page_height : r->page_width));
        HPDF_Page_SetHeight(pages[i], (HPDF_REAL)(land ? r->page_width : r->page_height));
        pdf_draw_rules(pages[i], &r->pages[i]); /* table borders (table.c) */
        pdf_draw_shapes(pages[i], &r->pages[i]); /* charts (chart.c) */
        draw_page(pages[i], &r->pages[i], &pf);
    }
    if (!err.code) add_outline(pdf, r, pages);
    if (!err.code) add_info(pdf, meta);
    free(pages);
    if (err.code) return haru_failed(pdf, &err, diags);
    /* the bytes are made in memory and written here, so a full disk or a
     * missing permission is told as such (libharu's file writer reports
     * them as a zlib or I/O error code) */
    if (HPDF_SaveToStream(pdf) != HPDF_OK || err.code) return haru_failed(pdf, &err, diags);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    HPDF_BYTE *bytes = xmalloc(size ? size : 1);
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, bytes + got, &n);
        got += n;
        if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || n == 0) break;
    }
    if (got < size || err.code) {
        free(bytes);
        return haru_failed(pdf, &err, diags);
    }
    HPDF_Free(pdf);
    rc = 0;
    if (file_write_all(path, bytes, size) != 0) {
        rc = diag_env_error(diags, path, errno, "无法写入 PDF 文件");
        remove(path);
    }
    free(bytes);
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
