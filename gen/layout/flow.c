/* flow.c — set headings and paragraphs on pages of the text block.
 *
 * Lines sit on a grid of line slots from the top of the text block; a page
 * holds text_height of slots (22 body lines by default). Rules:
 *   - a level-1 heading (new_page in the style) starts a new page; so does
 *     @pagebreak (unless the page is still empty: no blank pages; a page
 *     holding only @above lines counts as empty for a heading);
 *   - a heading keeps with what follows: it moves to the next page unless
 *     it fits together with the first lines the next block may start with;
 *   - orphans: a paragraph never leaves its first line alone at a page foot;
 *   - widows: nor its last line alone at the top of the next page (one more
 *     line goes over);
 *   - space before a block is dropped at the top of a page;
 *   - a chart is never split nor shrunk: one that does not fit in the
 *     space left floats — the paragraphs after it in its section fill the
 *     page, and the chart follows the paragraph that goes over onto the
 *     next page (never inside a paragraph; charts keep their order; a
 *     section heading (levels 1–2), a table or a page break sets the charts
 *     still waiting first; sub-headings (（一）, 1.) do not).
 * The cover and the 目录 are pages of their own (pages.c); so is each
 * appendix table, with the heading just before it (table.c). */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 0.01

typedef struct item {
    const block *b;
    layout_text_style st;
    double pitch, space_before, space_after;
    bool new_page;
    para_set p;
} item;

typedef struct flow {
    const layout_config *cfg;
    const doc *d;
    layout_result *out;
    bool open;     /* a page is current */
    size_t page;   /* its index */
    double y;      /* height used from the top of the text block */
    bool empty;    /* nothing placed on it yet */
    bool above;    /* only @above lines placed on it: a new-page heading stays here */
    const item **waiting; /* charts that float after the paragraphs that follow them */
    size_t n_waiting;
    size_t wait_page;     /* the page they did not fit on */
} flow;

static void chart_set(flow *f, const item *it);

static void flow_break(flow *f)
{
    f->open = false;
}

static void flow_ensure(flow *f)
{
    if (f->open) return;
    result_add_page(f->out);
    f->page = f->out->n_pages - 1;
    f->open = true;
    f->y = 0;
    f->empty = true;
}

/* Set the charts still waiting, at the current position (a new page when
 * one does not fit): before a heading, a table or a page break. */
static void flow_flush(flow *f)
{
    size_t n = f->n_waiting;
    f->n_waiting = 0;
    for (size_t k = 0; k < n; k++) {
        if (f->open && !f->empty && f->y + f->waiting[k]->pitch > f->cfg->text_h + EPS)
            flow_break(f);
        flow_ensure(f);
        chart_set(f, f->waiting[k]);
    }
}

/* Place line `li` of item `it`, `sb` below the used height. */
static void flow_line(flow *f, const item *it, size_t li, double sb)
{
    const layout_config *cfg = f->cfg;
    flow_ensure(f);
    double slot_top = cfg->page_h - cfg->margin_top - (f->y + sb);
    double base = layout_baseline(cfg, it->st.face, it->st.size, slot_top, it->pitch);
    if (it->b->type == BLOCK_HEADING && li == 0)
        result_add_heading(f->out, it->b, (size_t)(it->b - f->d->blocks), f->page, slot_top);
    line_emit(&f->out->pages[f->page], cfg, &it->st, it->b->text, &it->p, li,
              cfg->margin_left, base);
    result_add_place(f->out, (size_t)(it->b - f->d->blocks), f->page, it->p.lines.items[li].start,
                     it->p.lines.items[li].end, -1);
    f->y += sb + it->pitch;
    f->above = (f->empty || f->above) && it->b->type == BLOCK_PARAGRAPH && it->b->above;
    f->empty = false;
}

/* The least height block i needs at the foot of a page to start there. */
static double min_start(const item *items, size_t count, size_t i)
{
    if (i >= count) return 0;
    const item *it = &items[i];
    size_t n = it->p.lines.count;
    if (it->b->type == BLOCK_PARAGRAPH) {
        if (n == 0) return min_start(items, count, i + 1);
        size_t first = n <= 3 ? n : 2; /* a split must leave two lines on each side */
        return it->space_before + (double)first * it->pitch;
    }
    if (it->b->type == BLOCK_HEADING && !it->new_page)
        return it->space_before + (double)n * it->pitch + it->space_after +
               min_start(items, count, i + 1);
    if (it->b->type == BLOCK_CHART) return it->pitch; /* a heading keeps with its chart */
    return 0;
}

static void place_heading(flow *f, const item *items, size_t count, size_t i)
{
    const item *it = &items[i];
    double cap = f->cfg->text_h;
    if (it->new_page && f->open && !f->empty && !f->above) flow_break(f);
    double sb = f->open && !f->empty ? it->space_before : 0;
    double need = sb + (double)it->p.lines.count * it->pitch + it->space_after +
                  min_start(items, count, i + 1);
    if (f->open && !f->empty && f->y + need > cap + EPS) {
        flow_break(f);
        sb = 0;
    }
    result_mark_new(f->out, layout_heading_role(it->b->level));
    if (it->p.lines.count == 0) { /* no text: still a destination */
        flow_ensure(f);
        result_add_heading(f->out, it->b, (size_t)(it->b - f->d->blocks), f->page,
                           f->cfg->page_h - f->cfg->margin_top - f->y);
    }
    for (size_t li = 0; li < it->p.lines.count; li++) {
        if (f->open && !f->empty && f->y + sb + it->pitch > cap + EPS) {
            flow_break(f);
            sb = 0;
        }
        flow_line(f, it, li, sb);
        sb = 0;
    }
    if (f->open) f->y += it->space_after;
    result_mark(f->out, 0);
}

static void place_paragraph(flow *f, const item *it)
{
    double cap = f->cfg->text_h;
    size_t n = it->p.lines.count, placed = 0;
    double sb = f->open && !f->empty ? it->space_before : 0;
    if (n > 0) result_mark_new(f->out, ROLE_P);
    while (placed < n) {
        flow_ensure(f);
        size_t rem = n - placed;
        double room = (cap - f->y - sb + EPS) / it->pitch;
        size_t k = room > 0 ? (size_t)floor(room) : 0;
        if (k >= rem) {
            k = rem;
        } else {
            if (k > 0 && rem - k == 1) k--;          /* widow: take one more line over */
            if (placed == 0 && k == 1) k = 0;        /* orphan: start on the next page */
            if (k == 0 && f->empty) {                /* an empty page takes what fits */
                k = room >= 1 ? (size_t)floor(room) : 1;
                if (k > rem) k = rem;
            }
        }
        if (k == 0) {
            flow_break(f);
            sb = 0;
            continue;
        }
        for (size_t j = 0; j < k; j++) {
            flow_line(f, it, placed + j, sb);
            sb = 0;
        }
        placed += k;
        if (placed < n) flow_break(f);
    }
    if (f->open && n > 0) f->y += it->space_after;
    result_mark(f->out, 0);
}

/* Set chart `it` whole at the current position of the open page. */
static void chart_set(flow *f, const item *it)
{
    const layout_config *cfg = f->cfg;
    result_add_place(f->out, (size_t)(it->b - f->d->blocks), f->page, 0, 0, -1);
    if (it->b->chart) {
        int e = result_mark_new(f->out, ROLE_FIGURE);
        f->out->elems[e - 1].alt = chart_alt(it->b->chart);
    }
    chart_emit(&f->out->pages[f->page], cfg, it->b->chart, cfg->margin_left,
               cfg->page_h - cfg->margin_top - f->y, cfg->text_w, it->pitch);
    result_mark(f->out, 0);
    f->y += it->pitch;
    f->empty = false;
}

/* A chart is never split nor shrunk: it is set here when it fits, else it
 * waits while the paragraphs after it fill this page, and is set after the
 * paragraph that goes over onto the next page (never inside a paragraph,
 * so the text reads on; flow_document). */
static void place_chart(flow *f, const item *it)
{
    if (f->n_waiting || (f->open && !f->empty && f->y + it->pitch > f->cfg->text_h + EPS)) {
        if (!f->n_waiting) f->wait_page = f->page;
        f->waiting[f->n_waiting++] = it;
        return;
    }
    flow_ensure(f);
    chart_set(f, it);
}

static void item_init(item *it, const block *b, const layout_config *cfg)
{
    memset(it, 0, sizeof *it);
    it->b = b;
    if (b->type == BLOCK_PARAGRAPH) {
        it->st = cfg->body;
        if (b->noindent || b->right || b->center) it->st.indent = 0;
        if (b->right) it->st.align = LAYOUT_RIGHT;
        if (b->center) it->st.align = LAYOUT_CENTER;
        it->pitch = cfg->line_pitch;
    } else if (b->type == BLOCK_HEADING) {
        int level = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
        const layout_block_style *hs = &cfg->heading[level - 1];
        it->st.face = hs->face;
        it->st.size = hs->size;
        it->st.char_space = cfg->body.char_space;
        it->st.indent = hs->indent;
        it->st.align = hs->align;
        it->pitch = hs->pitch;
        it->space_before = hs->space_before;
        it->space_after = hs->space_after;
        it->new_page = hs->new_page;
    } else if (b->type == BLOCK_CHART) {
        it->pitch = chart_height(cfg, b->chart); /* placed whole (chart.c) */
        return;
    } else {
        return;
    }
    para_break(&it->p, cfg, &it->st, b->text ? b->text : "", cfg->text_w);
}

void result_counts_take(const layout_result *r, result_counts *c)
{
    *c = (result_counts){r->n_pages, r->n_elems, r->n_links, r->n_places, r->n_headings, r->mark};
}

void flow_document(const doc *d, const layout_config *cfg, const toc_numbers *nums, size_t end,
                   result_counts *at_toc, layout_result *out)
{
    /* the blocks from `end` on are not looked at: a lookahead (min_start)
     * stops at the 目录, the last block when `end` is short of the count */
    if (end > d->count) end = d->count;
    item *items = xcalloc(end ? end : 1, sizeof *items);
    for (size_t i = 0; i < end; i++) item_init(&items[i], &d->blocks[i], cfg);
    flow f = {cfg, d, out, false, 0, 0, true, false, NULL, 0, 0};
    f.waiting = xcalloc(end ? end : 1, sizeof *f.waiting);
    bool toc_seen = false;
    for (size_t i = 0; i < end; i++) {
        const block *b = &d->blocks[i];
        /* a chart floats within its section: past paragraphs, charts and
         * sub-headings ((一), 1.), not past a section heading or a table */
        bool floats = b->type == BLOCK_PARAGRAPH || b->type == BLOCK_CHART ||
                      (b->type == BLOCK_HEADING && b->level >= 3 && !items[i].new_page);
        if (!floats) flow_flush(&f);
        switch (b->type) {
        case BLOCK_COVER:
            flow_break(&f);
            pages_cover(b, cfg, out);
            result_add_place(out, i, out->n_pages - 1, 0, 0, -1);
            break;
        case BLOCK_TOC:
            flow_break(&f);
            pages_toc(d, i, cfg, nums, out);
            if (at_toc && !toc_seen) result_counts_take(out, at_toc);
            toc_seen = true;
            break;
        case BLOCK_PAGEBREAK:
            flow_break(&f);
            break;
        case BLOCK_HEADING:
            if (table_takes_heading(d, i)) break; /* set on the table's first page */
            place_heading(&f, items, end, i);
            break;
        case BLOCK_PARAGRAPH:
            place_paragraph(&f, &items[i]);
            if (f.n_waiting && f.open && f.page != f.wait_page) flow_flush(&f); /* a new page began */
            break;
        case BLOCK_TABLE: /* pages of its own (table.c) */
            flow_break(&f);
            table_pages(d, i, cfg, out);
            break;
        case BLOCK_CHART: /* a box of its own height (chart.c) */
            place_chart(&f, &items[i]);
            break;
        }
    }
    flow_flush(&f);
    for (size_t i = 0; i < end; i++) para_free(&items[i].p);
    free(f.waiting);
    free(items);
}
