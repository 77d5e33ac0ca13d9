/* pages.c — the pages that do not flow: the cover, the 目录 (table of
 * contents) with dot leaders, and the page numbers "— N —" at the foot.
 *
 * Numbering: the cover and the 目录 pages carry no number; numbering starts
 * at 1 on the first page after the (last) 目录, or on the first page when
 * there is none; a cover page is never numbered nor counted. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 0.01

/* Set one centred cover line group: lines of `text` from slot top `*top`. */
static void cover_lines(layout_result *out, layout_page *page, const layout_config *cfg,
                        const layout_block_style *bs, const char *text, double *top)
{
    layout_text_style st = {bs->face, bs->size, 0, 0, LAYOUT_CENTER};
    para_set p = {0};
    para_break(&p, cfg, &st, text, cfg->text_w);
    if (p.lines.count) result_mark_new(out, ROLE_P);
    for (size_t li = 0; li < p.lines.count; li++) {
        double base = layout_baseline(cfg, bs->face, bs->size, *top, bs->pitch);
        line_emit(page, cfg, &st, text, &p, li, cfg->margin_left, base);
        *top -= bs->pitch;
    }
    para_free(&p);
}

/* How many lines a cover text takes. */
static size_t cover_count(const layout_config *cfg, const layout_block_style *bs,
                          const char *text)
{
    layout_text_style st = {bs->face, bs->size, 0, 0, LAYOUT_CENTER};
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, cfg->text_w, &l);
    size_t n = l.count;
    layout_lines_free(&l);
    return n;
}

void pages_cover(const block *b, const layout_config *cfg, layout_result *out)
{
    layout_page *page = result_add_page(out);
    page->cover = true;
    double top = cfg->page_h - cfg->cover_title_top;
    bool any_title = false;
    for (size_t i = 0; i < b->n_lines; i++) {
        if (b->lines[i].kind != COVER_TITLE) continue;
        cover_lines(out, page, cfg, &cfg->cover_title, b->lines[i].text, &top);
        any_title = true;
    }
    if (any_title) top -= cfg->cover_sub_gap;
    for (size_t i = 0; i < b->n_lines; i++)
        if (b->lines[i].kind == COVER_SUB)
            cover_lines(out, page, cfg, &cfg->cover_sub, b->lines[i].text, &top);
    /* Date lines: the last one ends cover_date_bottom above the page foot. */
    size_t n_date = 0;
    for (size_t i = 0; i < b->n_lines; i++)
        if (b->lines[i].kind == COVER_DATE)
            n_date += cover_count(cfg, &cfg->cover_date, b->lines[i].text);
    double dtop = cfg->cover_date_bottom + (double)n_date * cfg->cover_date.pitch;
    for (size_t i = 0; i < b->n_lines; i++)
        if (b->lines[i].kind == COVER_DATE)
            cover_lines(out, page, cfg, &cfg->cover_date, b->lines[i].text, &dtop);
    result_mark(out, 0);
}

/* ---- 目录 ---- */

typedef struct toc_state {
    const layout_config *cfg;
    layout_result *out;
    size_t page;
    double y; /* used height from the text block top */
    int elem; /* the TOC structure element */
} toc_state;

static void toc_new_page(toc_state *t)
{
    layout_page *p = result_add_page(t->out);
    p->toc = true;
    t->page = t->out->n_pages - 1;
    t->y = 0;
}

static void toc_title(toc_state *t)
{
    const layout_config *cfg = t->cfg;
    const layout_block_style *th = &cfg->toc_heading;
    layout_text_style st = {th->face, th->size, 0, 0, LAYOUT_CENTER};
    para_set p = {0};
    para_break(&p, cfg, &st, cfg->toc_title, cfg->text_w);
    result_mark_new(t->out, ROLE_P);
    for (size_t li = 0; li < p.lines.count; li++) {
        double top = cfg->page_h - cfg->margin_top - t->y;
        double base = layout_baseline(cfg, th->face, th->size, top, th->pitch);
        line_emit(&t->out->pages[t->page], cfg, &st, cfg->toc_title, &p, li, cfg->margin_left,
                  base);
        t->y += th->pitch;
    }
    t->y += th->space_after;
    para_free(&p);
}

/* One entry: the heading text (wrapped, hanging indent), dot leaders, the
 * page number flush right. */
static void toc_entry(toc_state *t, const block *h, size_t index, int number)
{
    const layout_config *cfg = t->cfg;
    const layout_toc_entry_style *es = &cfg->toc_entry[h->level - 1];
    layout_text_style st = {es->face, es->size, cfg->body.char_space, 0, LAYOUT_LEFT};
    layout_text_style num_st = {es->face, es->size, 0, 0, LAYOUT_LEFT};
    char num[32] = "";
    if (number > 0) snprintf(num, sizeof num, "%d", number);
    double nw = layout_text_width(cfg, &num_st, num, 0, strlen(num));
    double gap = cfg->toc_leader_gap * es->size;
    double lp = cfg->toc_leader_pitch * es->size;
    double left = cfg->margin_left + es->indent;
    double right = cfg->margin_left + cfg->text_w;
    double measure = right - left - nw - 2 * gap - 2 * lp;
    if (measure < es->size) measure = es->size;
    para_set p = {0};
    para_break(&p, cfg, &st, h->text, measure);
    double pitch = cfg->toc_pitch;
    if (t->y > 0 && t->y + (double)p.lines.count * pitch > cfg->text_h + EPS) toc_new_page(t);
    int item = result_elem(t->out, ROLE_TOCI, t->elem), link = result_elem(t->out, ROLE_LINK, item);
    result_mark(t->out, link);
    double top0 = cfg->page_h - cfg->margin_top - t->y;
    double base = 0;
    for (size_t li = 0; li < p.lines.count; li++) {
        double top = cfg->page_h - cfg->margin_top - t->y;
        base = layout_baseline(cfg, es->face, es->size, top, pitch);
        line_emit(&t->out->pages[t->page], cfg, &st, h->text, &p, li, left, base);
        t->y += pitch;
    }
    if (p.lines.count > 0) {
        const layout_line *last = &p.lines.items[p.lines.count - 1];
        /* the line as set: a line pushed in by 标点挤压 is narrower than its
         * natural width, and the leaders start after what is printed */
        double from = left + last->x + last->natural - last->squeeze + gap;
        double to = right - nw - gap;
        double dot = layout_advance(cfg, es->face, cfg->toc_leader_cp, es->size);
        long m = lp > 0 ? (long)floor((to - from + EPS) / lp) : 0;
        layout_page *page = &t->out->pages[t->page];
        if (m > 0) {
            buf dots = {0};
            for (long k = 0; k < m; k++) buf_puts(&dots, cfg->toc_leader);
            double x = to - (double)m * lp + (lp - dot) / 2;
            page_add_span(page, es->face, es->size, x, base, lp - dot, dots.data, 0, dots.len);
            buf_free(&dots);
        }
        page_add_span(page, es->face, es->size, right - nw, base, 0, num, 0, strlen(num));
        result_add_link(t->out, t->page, left, cfg->page_h - cfg->margin_top - t->y, right, top0, index, link);
    }
    result_mark(t->out, 0);
    para_free(&p);
}

void pages_toc(const doc *d, size_t toc_index, const layout_config *cfg,
               const toc_numbers *nums, layout_result *out)
{
    toc_state t = {cfg, out, 0, 0, 0};
    toc_new_page(&t);
    toc_title(&t);
    t.elem = result_elem(out, ROLE_TOC, 0);
    for (size_t i = toc_index + 1; i < d->count; i++) {
        const block *b = &d->blocks[i];
        if (b->type != BLOCK_HEADING || b->level < 1 || b->level > cfg->toc_levels) continue;
        int number = nums && i < nums->count ? nums->page_number[i] : 0;
        toc_entry(&t, b, i, number);
    }
}

/* ---- page numbers ---- */

void pages_number(const layout_config *cfg, layout_result *out)
{
    size_t start = 0;
    for (size_t i = 0; i < out->n_pages; i++)
        if (out->pages[i].toc) start = i + 1;
    int n = 0;
    for (size_t i = 0; i < out->n_pages; i++) {
        layout_page *p = &out->pages[i];
        p->number = 0;
        if (i < start || p->cover || p->toc) continue;
        p->number = ++n;
    }
    layout_text_style st = {cfg->footer_face, cfg->footer_size, 0, 0, LAYOUT_LEFT};
    const layout_font *f = &cfg->fonts[cfg->footer_face];
    for (size_t i = 0; i < out->n_pages; i++) {
        layout_page *p = &out->pages[i];
        if (p->number <= 0) continue;
        layout_frame fr; /* the page's text block (landscape table pages differ) */
        layout_page_frame(cfg, p, &fr);
        double bottom = fr.top - fr.height;
        double base = bottom - cfg->footer_below - cfg->footer_size * (f->ascent + f->descent) / 2;
        buf b = {0};
        buf_printf(&b, "%s%d%s", cfg->footer_prefix, p->number, cfg->footer_suffix);
        p->mark = 0; /* the page number: an artifact */
        double w = layout_text_width(cfg, &st, b.data, 0, b.len);
        double x;
        if (cfg->footer_pos == FOOTER_OUTSIDE)
            x = p->number % 2 ? fr.left + fr.width - cfg->footer_outside_indent - w
                              : fr.left + cfg->footer_outside_indent;
        else
            x = fr.left + (fr.width - w) / 2;
        page_add_span(p, cfg->footer_face, cfg->footer_size, x, base, 0, b.data, 0, b.len);
        buf_free(&b);
    }
}
