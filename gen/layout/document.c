/* document.c — lay out a whole document: refuse what cannot be set yet,
 * check every character against the face that will draw it, then typeset;
 * when there is a 目录, typeset again with the page numbers the headings
 * landed on until they no longer change. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PASSES 6

/* The file name part of a path, for messages. */
static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Check `text` against `face`; each missing character is reported once
 * per call (invalid UTF-8 once). Returns the number of errors added. */
static int check_text(const layout_config *cfg, font_face face, const char *text,
                      srcpos pos, diag_list *diags)
{
    if (!text) return 0;
    /* the common case, without building the characters: valid UTF-8,
     * every character in the face */
    size_t len = strlen(text), at = 0;
    bool clean = true;
    while (clean && at < len) {
        uint32_t cp;
        clean = text_utf8_next(text, len, &at, &cp) && layout_has_glyph(cfg, face, cp);
    }
    if (clean) return 0;
    size_t n;
    text_char *c = text_decode(text, len, &n);
    int errors = 0;
    bool bad_reported = false;
    uint32_t *reported = NULL; /* missing characters already named */
    size_t n_reported = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t cp = c[k].cp;
        if (c[k].bad) {
            if (!bad_reported)
                diag_error(diags, pos, "文本含无效的 UTF-8 字节（0x%02X）",
                           (unsigned char)text[c[k].off]);
            errors += !bad_reported;
            bad_reported = true;
            continue;
        }
        if (layout_has_glyph(cfg, face, cp)) continue;
        bool seen = false;
        for (size_t j = 0; j < n_reported && !seen; j++) seen = reported[j] == cp;
        if (seen) continue;
        reported = xrealloc(reported, (n_reported + 1) * sizeof *reported);
        reported[n_reported++] = cp;
        char ch[8] = "";
        memcpy(ch, text + c[k].off, c[k].len < 7 ? c[k].len : 7);
        if (cp < 0x20 || cp == 0x7F) snprintf(ch, sizeof ch, "\\x%02X", (unsigned)cp);
        if (cp > 0xFFFF)
            diag_error(diags, pos,
                       "字符“%s”（U+%04X）在基本多文种平面之外，PDF 字体无法绘制（%s 字体 %s）",
                       ch, (unsigned)cp, layout_face_name(face),
                       base_name(cfg->fonts[face].path));
        else
            diag_error(diags, pos, "字体中没有字符“%s”（U+%04X）（%s 字体 %s）", ch,
                       (unsigned)cp, layout_face_name(face), base_name(cfg->fonts[face].path));
        errors++;
    }
    free(reported);
    free(c);
    return errors;
}

int layout_check_text(const layout_config *cfg, const char *text, srcpos pos, diag_list *diags)
{
    /* data text may end up in any face (cover titles, headings, body,
     * tables): report against the first face that lacks a character. Line
     * breaks and tabs of multi-line values become blanks when rendered. */
    if (!text) return 0;
    char *t = xstrdup(text);
    for (char *q = t; *q; q++)
        if (*q == '\n' || *q == '\r' || *q == '\t') *q = ' ';
    int errors = 0;
    for (int f = 0; f < FACE_COUNT && !errors; f++) errors = check_text(cfg, (font_face)f, t, pos, diags);
    free(t);
    return errors;
}

static font_face cover_face(const layout_config *cfg, cover_line_kind kind)
{
    return kind == COVER_TITLE ? cfg->cover_title.face
           : kind == COVER_SUB ? cfg->cover_sub.face
                               : cfg->cover_date.face;
}

/* Check the text of an appendix table against the faces table.c sets it in. */
static int check_grid(const layout_config *cfg, const block *b, diag_list *diags)
{
    const table_grid *g = b->grid;
    const layout_table_style *ts = &cfg->table;
    if (!g) {
        diag_error(diags, b->pos, "表格 %s 没有表格数据", b->arg ? b->arg : "");
        return 1;
    }
    int errors = check_text(cfg, ts->line_face, g->label, b->pos, diags) +
                 check_text(cfg, ts->title_face, g->title, b->pos, diags) +
                 check_text(cfg, ts->line_face, g->org_line, b->pos, diags) +
                 check_text(cfg, ts->line_face, g->unit_line, b->pos, diags);
    for (size_t k = 0; k < g->n_cells; k++) {
        const grid_cell *c = &g->cells[k];
        font_face face = c->header ? ts->header_face : c->bold ? ts->bold_face : ts->face;
        errors += check_text(cfg, face, c->text, b->pos, diags);
    }
    for (size_t k = 0; k < g->n_notes; k++) errors += check_text(cfg, ts->face, g->notes[k], b->pos, diags);
    return errors;
}

/* Check the text of a chart against the faces chart.c sets it in. */
static int check_chart(const layout_config *cfg, const block *b, diag_list *diags)
{
    if (!b->chart) {
        diag_error(diags, b->pos, "图表 %s 没有图表数据", b->arg ? b->arg : "");
        return 1;
    }
    int errors = 0;
    for (int f = 0; f < FACE_COUNT; f++) {
        char *t = chart_text(cfg, b->chart, (font_face)f);
        errors += check_text(cfg, (font_face)f, t, b->pos, diags);
        free(t);
    }
    return errors;
}

/* Check all glyphs. Returns the error count. */
static int check_document(const doc *d, const layout_config *cfg, diag_list *diags)
{
    int errors = 0;
    bool toc = false;
    srcpos style_pos = {cfg->style_path, 0, 0};
    for (size_t i = 0; i < d->count; i++) {
        const block *b = &d->blocks[i];
        switch (b->type) {
        case BLOCK_TABLE:
            errors += check_grid(cfg, b, diags);
            break;
        case BLOCK_CHART:
            errors += check_chart(cfg, b, diags);
            break;
        case BLOCK_PARAGRAPH:
            errors += check_text(cfg, cfg->body.face, b->text, b->pos, diags);
            break;
        case BLOCK_HEADING: {
            int level = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
            font_face face = cfg->heading[level - 1].face;
            errors += check_text(cfg, face, b->text, b->pos, diags);
            if (toc && level <= cfg->toc_levels && cfg->toc_entry[level - 1].face != face)
                errors += check_text(cfg, cfg->toc_entry[level - 1].face, b->text, b->pos, diags);
            break;
        }
        case BLOCK_COVER:
            for (size_t k = 0; k < b->n_lines; k++)
                errors += check_text(cfg, cover_face(cfg, b->lines[k].kind), b->lines[k].text,
                                     b->pos, diags);
            break;
        case BLOCK_TOC:
            toc = true;
            errors += check_text(cfg, cfg->toc_heading.face, cfg->toc_title, style_pos, diags);
            for (int l = 0; l < cfg->toc_levels; l++) {
                errors += check_text(cfg, cfg->toc_entry[l].face, cfg->toc_leader, style_pos,
                                     diags);
                errors += check_text(cfg, cfg->toc_entry[l].face, "0123456789", style_pos,
                                     diags);
            }
            break;
        case BLOCK_PAGEBREAK:
            break;
        }
    }
    buf footer = {0};
    buf_printf(&footer, "%s0123456789%s", cfg->footer_prefix, cfg->footer_suffix);
    errors += check_text(cfg, cfg->footer_face, footer.data, style_pos, diags);
    buf_free(&footer);
    return errors;
}

/* One full layout with the given 目录 numbers; *at_toc: the counts of
 * `out` just after the 目录. */
static void layout_pass(const doc *d, const layout_config *cfg, const toc_numbers *nums,
                        result_counts *at_toc, layout_result *out)
{
    layout_result_free(out);
    out->page_width = cfg->page_w;
    out->page_height = cfg->page_h;
    out->outline_levels = cfg->outline_levels;
    flow_document(d, cfg, nums, d->count, at_toc, out);
    if (out->n_pages == 0) result_add_page(out);
    pages_number(cfg, out);
}

static bool counts_same(const result_counts *a, const result_counts *b)
{
    return a->pages == b->pages && a->elems == b->elems && a->links == b->links &&
           a->places == b->places && a->headings == b->headings && a->mark == b->mark;
}

/* Swap the first `n` items of `size` bytes of arrays `a` and `b`. */
static void swap_items(void *a, void *b, size_t n, size_t size)
{
    unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n * size; i++) {
        unsigned char t = x[i];
        x[i] = y[i];
        y[i] = t;
    }
}

/* The next pass when only the 目录's numbers changed: the pages up to the
 * 目录's last are set again with the new numbers; when they come out with
 * as many pages, elements, links, places and headings as before (`at`),
 * everything after the 目录 is what a full pass would set again (it starts
 * on a page of its own, its page numbers count from the page after the
 * 目录, and the 目录's entries only lead to it: flow_document), so the new
 * beginning replaces the old one in `out`. Returns false, `out` untouched,
 * when the 目录 changed its size: a full pass is needed. */
static bool relayout_toc(const doc *d, const layout_config *cfg, const toc_numbers *nums,
                         size_t toc, const result_counts *at, layout_result *out)
{
    layout_result head = {0};
    head.page_width = cfg->page_w;
    head.page_height = cfg->page_h;
    head.outline_levels = cfg->outline_levels;
    flow_document(d, cfg, nums, toc + 1, NULL, &head);
    result_counts now;
    result_counts_take(&head, &now);
    if (!counts_same(&now, at)) {
        layout_result_free(&head);
        return false;
    }
    /* swapped, so that freeing head frees the old ones */
    swap_items(out->pages, head.pages, at->pages, sizeof *out->pages);
    swap_items(out->elems, head.elems, at->elems, sizeof *out->elems);
    swap_items(out->headings, head.headings, at->headings, sizeof *out->headings);
    if (at->links) memcpy(out->links, head.links, at->links * sizeof *out->links);
    if (at->places) memcpy(out->places, head.places, at->places * sizeof *out->places);
    layout_result_free(&head);
    return true;
}

int layout_document_passes(const doc *d, const layout_config *cfg, layout_result *out,
                           diag_list *diags, bool full_passes)
{
    if (check_document(d, cfg, diags) > 0) return 1;
    size_t n_toc = 0, toc = 0;
    for (size_t i = 0; i < d->count; i++)
        if (d->blocks[i].type == BLOCK_TOC) n_toc++, toc = i;
    toc_numbers nums = {xcalloc(d->count ? d->count : 1, sizeof(int)), d->count};
    result_counts at_toc = {0};
    bool redo_toc = false; /* the next pass sets only the 目录 again */
    for (int pass = 1;; pass++) {
        if (!redo_toc || !relayout_toc(d, cfg, &nums, toc, &at_toc, out))
            layout_pass(d, cfg, &nums, &at_toc, out);
        if (n_toc == 0) break;
        bool changed = false;
        for (size_t h = 0; h < out->n_headings; h++) {
            const layout_heading *lh = &out->headings[h];
            int number = out->pages[lh->page].number;
            if (lh->block < nums.count && nums.page_number[lh->block] != number) {
                nums.page_number[lh->block] = number;
                changed = true;
            }
        }
        if (!changed) break;
        if (pass == MAX_PASSES) {
            srcpos pos = d->count ? d->blocks[0].pos : SRCPOS_NONE;
            diag_add(diags, DIAG_WARNING, NULL, pos,
                     "目录页码在 %d 次排版后仍未稳定，部分页码可能不准", MAX_PASSES);
            break;
        }
        redo_toc = n_toc == 1 && !full_passes;
    }
    free(nums.page_number);
    text_cache_clear(cfg);
    return 0;
}

int layout_document(const doc *d, const layout_config *cfg, layout_result *out,
                    diag_list *diags)
{
    return layout_document_passes(d, cfg, out, diags, false);
}
