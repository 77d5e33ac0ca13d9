/* table.c — set a table (a 第五部分 附表, a 项目支出绩效自评表) on pages of its own.
 *
 * The table arrives as a grid (gen/doc table_grid_build: the same grid the
 * XLSX draws); this file only decides geometry:
 *   - columns: the grid's widths scaled to fill the text block (landscape
 *     pages have their own block, style.yaml tables.landscape);
 *   - cells: text in the table face (header cells in the header face, totals
 *     bold), aligned as the grid says, padded; ONE size for every cell of a
 *     table: the style's size, or smaller (down to min_size) only as far as
 *     its widest unbreakable word needs (an amount, a number, a Latin word);
 *     longer text wraps (禁则 as everywhere) and its row grows; the lines of
 *     a merged label over one-line rows stand on those rows' baselines;
 *   - rows as tall as their tallest cell; a spanning header cell makes the
 *     last of its rows taller when it needs more room;
 *   - the first page: the heading before the table (it stays in the 目录 and
 *     the outline), the 公开NN表 label (right), the title (centred, bold),
 *     the 编制单位 line (left) with 单位：万元 (right), the header block, rows;
 *   - rows that do not fit go on to the next page under a "续表：<title>"
 *     line (with 单位：万元 at the right) and the header block again (a
 *     merged body cell cut by the page end is closed there and continues,
 *     with its text, overleaf); a page never holds fewer than MIN_ROWS body
 *     rows while the page before can give them (rows are moved over); the
 *     notes follow the last row (on a new page when they must);
 *   - borders: each cell's top and left edge, the right edge of the last
 *     column and the bottom edge of a page's last row, as ruled lines.
 * Page numbers are added later (pages.c), placed by layout_page_frame. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MM_TO_PT (72.0 / 25.4)
#define EPS 0.01
#define MIN_ROWS 5 /* the fewest body rows a continuation page is left with */

static const char *const face_names[] = {"serif", "serif_bold", "sans", "sans_bold"};

void table_style_read(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"face", "bold_face", "header_face", "size", "min_size",
                                       "leading", "pad_x", "pad_y", "min_row", "rule",
                                       "title_face", "title_size", "title_leading", "line_face",
                                       "line_size", "line_leading", "note_size", "note_leading",
                                       "gap", "landscape", NULL};
    static const char *const lkeys[] = {"margin_top", "margin_left", "text_width", "text_height",
                                        NULL};
    const char *w = "tables";
    const value *m = yaml_map(y, y->root, "tables", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, w);
    layout_table_style *t = &cfg->table;
    t->face = (font_face)yaml_choice(y, m, "face", w, face_names, FACE_COUNT);
    t->bold_face = (font_face)yaml_choice(y, m, "bold_face", w, face_names, FACE_COUNT);
    t->header_face = (font_face)yaml_choice(y, m, "header_face", w, face_names, FACE_COUNT);
    t->size = yaml_num(y, m, "size", w, 4, 72);
    t->min_size = yaml_num(y, m, "min_size", w, 3, 72);
    t->leading = yaml_num(y, m, "leading", w, 0.8, 4);
    t->pad_x = yaml_num(y, m, "pad_x", w, 0, 20) * MM_TO_PT;
    t->pad_y = yaml_num(y, m, "pad_y", w, 0, 20) * MM_TO_PT;
    t->min_row = yaml_num(y, m, "min_row", w, 1, 100) * MM_TO_PT;
    t->rule = yaml_num(y, m, "rule", w, 0.05, 5);
    t->title_face = (font_face)yaml_choice(y, m, "title_face", w, face_names, FACE_COUNT);
    t->title_size = yaml_num(y, m, "title_size", w, 4, 72);
    t->title_pitch = yaml_num(y, m, "title_leading", w, 0.8, 4) * t->title_size;
    t->line_face = (font_face)yaml_choice(y, m, "line_face", w, face_names, FACE_COUNT);
    t->line_size = yaml_num(y, m, "line_size", w, 4, 72);
    t->line_pitch = yaml_num(y, m, "line_leading", w, 0.8, 4) * t->line_size;
    t->note_size = yaml_num(y, m, "note_size", w, 4, 72);
    t->note_pitch = yaml_num(y, m, "note_leading", w, 0.8, 4) * t->note_size;
    t->gap = yaml_num(y, m, "gap", w, 0, 50) * MM_TO_PT;
    const value *l = yaml_map(y, m, "landscape", w);
    if (!l) return;
    yaml_check_keys(y, l, lkeys, "tables.landscape");
    t->land_top = yaml_num(y, l, "margin_top", "tables.landscape", 0, 1000) * MM_TO_PT;
    t->land_left = yaml_num(y, l, "margin_left", "tables.landscape", 0, 1000) * MM_TO_PT;
    t->land_w = yaml_num(y, l, "text_width", "tables.landscape", 10, 2000) * MM_TO_PT;
    t->land_h = yaml_num(y, l, "text_height", "tables.landscape", 10, 2000) * MM_TO_PT;
    if (y->errors) return;
    if (t->min_size > t->size) {
        diag_error(y->diags, yaml_node_pos(y, yaml_get(m, "min_size"), "tables.min_size"),
                   "tables.min_size 不应大于 tables.size");
        y->errors++;
    }
    /* a landscape page is the portrait page turned: page_h wide, page_w high */
    if (t->land_left + t->land_w > cfg->page_h + EPS || t->land_top + t->land_h > cfg->page_w + EPS) {
        diag_error(y->diags, yaml_node_pos(y, l, "tables.landscape"),
                   "tables.landscape：版心超出横向纸张（边距加版心大于纸张尺寸）");
        y->errors++;
    }
}

void layout_page_frame(const layout_config *cfg, const layout_page *page, layout_frame *f)
{
    if (page && page->landscape) {
        f->left = cfg->table.land_left;
        f->width = cfg->table.land_w;
        f->top = cfg->page_w - cfg->table.land_top;
        f->height = cfg->table.land_h;
    } else {
        f->left = cfg->margin_left;
        f->width = cfg->text_w;
        f->top = cfg->page_h - cfg->margin_top;
        f->height = cfg->text_h;
    }
}

bool table_takes_heading(const doc *d, size_t i)
{
    return i + 1 < d->count && d->blocks[i].type == BLOCK_HEADING &&
           d->blocks[i + 1].type == BLOCK_TABLE && d->blocks[i + 1].grid;
}

/* ---- cells ------------------------------------------------------------------ */

/* A cell's text as set: style, lines, height. */
typedef struct cell_set {
    layout_text_style st;
    para_set p;
    double pitch;
    double need; /* height the text needs, padding included */
} cell_set;

static double widest(const para_set *p)
{
    double w = 0;
    for (size_t i = 0; i < p->lines.count; i++)
        if (p->lines.items[i].natural > w) w = p->lines.items[i].natural;
    return w;
}

/* The largest size <= the style's at which every unbreakable word of
 * cell `c` fits `width` (numbers stay on one line), and, with `squeeze`,
 * a text that is only a little too wide (by up to 15%) fits on one line. */
static double cell_max_size(const layout_config *cfg, const grid_cell *c, double width, bool squeeze)
{
    const layout_table_style *ts = &cfg->table;
    layout_text_style st = {c->header ? ts->header_face : c->bold ? ts->bold_face : ts->face, ts->size,
                            0, 0, LAYOUT_LEFT};
    double avail = width - 2 * ts->pad_x;
    if (avail < 1) avail = 1;
    double w, nat = layout_text_width(cfg, &st, c->text, 0, strlen(c->text));
    if (c->is_amount || c->is_count || c->number) {
        w = nat;
    } else if (squeeze && nat > avail + EPS && avail / nat >= 0.85) {
        w = nat; /* a label a little too wide: the table a little smaller */
    } else {
        para_set p = {0};
        para_break(&p, cfg, &st, c->text, avail);
        w = widest(&p);
        para_free(&p);
    }
    return w > avail + EPS ? ts->size * avail / w : ts->size;
}

/* Set cell `c` at the table's one `size`: wrapped to `width`. */
static void cell_fit(const layout_config *cfg, const grid_cell *c, double width, double size,
                     cell_set *cs)
{
    const layout_table_style *ts = &cfg->table;
    memset(cs, 0, sizeof *cs);
    cs->st.face = c->header ? ts->header_face : c->bold ? ts->bold_face : ts->face;
    cs->st.size = size;
    cs->st.align = c->align == GRID_CENTER  ? LAYOUT_CENTER
                   : c->align == GRID_RIGHT ? LAYOUT_RIGHT
                                            : LAYOUT_LEFT;
    double avail = width - 2 * ts->pad_x;
    if (avail < 1) avail = 1;
    if (c->is_amount || c->is_count || c->number) { /* a number never wraps */
        double w = layout_text_width(cfg, &cs->st, c->text, 0, strlen(c->text));
        if (w > avail) avail = w;
    }
    para_break(&cs->p, cfg, &cs->st, c->text, avail);
    cs->pitch = cs->st.size * ts->leading;
    size_t n = cs->p.lines.count ? cs->p.lines.count : 1;
    cs->need = (double)n * cs->pitch + 2 * ts->pad_y;
}

/* ---- the table's geometry ------------------------------------------------------ */

typedef struct table_geo {
    const table_grid *g;
    layout_frame frame;
    double *x;      /* cols + 1 column edges */
    double *h;      /* rows heights */
    double size;    /* the one text size of every cell */
    cell_set *cells;
} table_geo;

static void geo_build(table_geo *t, const table_grid *g, const layout_config *cfg)
{
    memset(t, 0, sizeof *t);
    t->g = g;
    layout_page probe = {0};
    probe.landscape = g->landscape;
    layout_page_frame(cfg, &probe, &t->frame);
    int cols = g->cols > 0 ? g->cols : 1;
    t->x = xcalloc((size_t)cols + 1, sizeof *t->x);
    double sum = 0;
    for (int c = 0; c < g->cols; c++) sum += g->widths[c] > 0 ? g->widths[c] : 1;
    t->x[0] = t->frame.left;
    for (int c = 0; c < g->cols; c++)
        t->x[c + 1] = t->x[c] + t->frame.width * (g->widths[c] > 0 ? g->widths[c] : 1) / (sum > 0 ? sum : 1);
    t->h = xcalloc((size_t)(g->rows > 0 ? g->rows : 1), sizeof *t->h);
    for (int r = 0; r < g->rows; r++) t->h[r] = cfg->table.min_row;
    t->cells = xcalloc(g->n_cells ? g->n_cells : 1, sizeof *t->cells);
    /* one size for the whole table: what its widest unbreakable word
     * allows (a 公开表 also lets a label a little too wide keep its line;
     * the narrow columns of a 项目支出绩效自评表, spec NULL, wrap instead) */
    double size = cfg->table.size;
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        int c1 = c->col + c->col_span;
        if (c->col < 0 || c1 > g->cols || c->row < 0 || c->row + c->row_span > g->rows) continue;
        double s = cell_max_size(cfg, c, t->x[c1] - t->x[c->col], g->spec != NULL);
        if (s < size) size = s;
    }
    if (size < cfg->table.min_size) size = cfg->table.min_size;
    t->size = size;
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        int c1 = c->col + c->col_span;
        if (c->col < 0 || c1 > g->cols || c->row < 0 || c->row + c->row_span > g->rows) continue;
        cell_fit(cfg, c, t->x[c1] - t->x[c->col], size, &t->cells[i]);
        if (c->row_span == 1 && t->cells[i].need > t->h[c->row]) t->h[c->row] = t->cells[i].need;
    }
    for (size_t i = 0; i < g->n_cells; i++) { /* spanning cells: the last row grows */
        const grid_cell *c = &g->cells[i];
        if (c->row_span <= 1 || c->row < 0 || c->row + c->row_span > g->rows) continue;
        double have = 0;
        for (int r = c->row; r < c->row + c->row_span; r++) have += t->h[r];
        if (t->cells[i].need > have) t->h[c->row + c->row_span - 1] += t->cells[i].need - have;
    }
}

static void geo_free(table_geo *t)
{
    for (size_t i = 0; t->g && i < t->g->n_cells; i++) para_free(&t->cells[i].p);
    free(t->cells);
    free(t->x);
    free(t->h);
}

/* ---- pages ------------------------------------------------------------------------ */

typedef struct table_state {
    const layout_config *cfg;
    layout_result *out;
    table_geo geo;
    size_t page;
    double y; /* the top of the free space */
    int *cell_elem;   /* each cell's structure element (TH, TD) */
    size_t *order;    /* the cells by row (grid order within a row): reading order */
    bool header_done; /* the header rows were set once: repeats are artifacts */
} table_state;

static layout_page *cur(table_state *s)
{
    return &s->out->pages[s->page];
}

static void new_page(table_state *s)
{
    layout_page *p = result_add_page(s->out);
    p->landscape = s->geo.g->landscape;
    s->page = s->out->n_pages - 1;
    s->y = s->geo.frame.top;
}

static double bottom(const table_state *s)
{
    return s->geo.frame.top - s->geo.frame.height;
}

/* Set `text` across the frame in `st`, lines `pitch` apart, from s->y down. */
static void set_text(table_state *s, const layout_text_style *st, const char *text, double pitch)
{
    para_set p = {0};
    para_break(&p, s->cfg, st, text, s->geo.frame.width);
    result_mark_new(s->out, ROLE_P);
    for (size_t li = 0; li < p.lines.count; li++) {
        if (s->y - pitch < bottom(s) - EPS) new_page(s);
        double base = layout_baseline(s->cfg, st->face, st->size, s->y, pitch);
        line_emit(cur(s), s->cfg, st, text, &p, li, s->geo.frame.left, base);
        s->y -= pitch;
    }
    para_free(&p);
}

/* The heading block before the table, as flow.c would set it. */
static void set_heading(table_state *s, const doc *d, size_t index)
{
    const block *b = &d->blocks[index];
    const layout_config *cfg = s->cfg;
    int level = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
    const layout_block_style *hs = &cfg->heading[level - 1];
    layout_text_style st = {hs->face, hs->size, cfg->body.char_space, hs->indent, hs->align};
    para_set p = {0};
    para_break(&p, cfg, &st, b->text ? b->text : "", s->geo.frame.width);
    result_add_heading(s->out, b, index, s->page, s->y);
    result_mark_new(s->out, layout_heading_role(b->level));
    for (size_t li = 0; li < p.lines.count; li++) {
        double base = layout_baseline(cfg, hs->face, hs->size, s->y, hs->pitch);
        line_emit(cur(s), cfg, &st, b->text, &p, li, s->geo.frame.left, base);
        s->y -= hs->pitch;
    }
    s->y -= hs->space_after;
    para_free(&p);
}

/* The label (right), the title (centred), the 编制单位 / 单位 line. */
static void set_preamble(table_state *s)
{
    const layout_config *cfg = s->cfg;
    const layout_table_style *ts = &cfg->table;
    const table_grid *g = s->geo.g;
    layout_text_style line = {ts->line_face, ts->line_size, 0, 0, LAYOUT_RIGHT};
    if (g->label && g->label[0]) set_text(s, &line, g->label, ts->line_pitch);
    layout_text_style title = {ts->title_face, ts->title_size, 0, 0, LAYOUT_CENTER};
    set_text(s, &title, g->title ? g->title : "", ts->title_pitch);
    if (!(g->org_line && g->org_line[0]) && !(g->unit_line && g->unit_line[0])) { /* a 自评表 */
        s->y -= ts->gap;
        return;
    }
    /* one line: 编制单位 at the left, 单位 at the right */
    double base = layout_baseline(cfg, ts->line_face, ts->line_size, s->y, ts->line_pitch);
    layout_text_style left = {ts->line_face, ts->line_size, 0, 0, LAYOUT_LEFT};
    const char *org = g->org_line ? g->org_line : "", *unit_text = g->unit_line ? g->unit_line : "";
    double uw = layout_text_width(cfg, &left, unit_text, 0, strlen(unit_text));
    result_mark_new(s->out, ROLE_P);
    page_add_span(cur(s), ts->line_face, ts->line_size, s->geo.frame.left, base, 0, org, 0, strlen(org));
    page_add_span(cur(s), ts->line_face, ts->line_size, s->geo.frame.left + s->geo.frame.width - uw, base, 0,
                  unit_text, 0, strlen(unit_text));
    s->y -= ts->line_pitch + ts->gap;
}

/* A continuation page's first line: "续表：<title>" at the left, the
 * 单位 line at the right. */
static void set_continued(table_state *s)
{
    const layout_config *cfg = s->cfg;
    const layout_table_style *ts = &cfg->table;
    const table_grid *g = s->geo.g;
    layout_text_style left = {ts->line_face, ts->line_size, 0, 0, LAYOUT_LEFT};
    buf b = {0};
    buf_printf(&b, "续表：%s", g->title ? g->title : "");
    const char *text = buf_cstr(&b), *unit_text = g->unit_line ? g->unit_line : "";
    double base = layout_baseline(cfg, ts->line_face, ts->line_size, s->y, ts->line_pitch);
    double uw = layout_text_width(cfg, &left, unit_text, 0, strlen(unit_text));
    cur(s)->mark = 0; /* page furniture, like the header rows again: an artifact */
    page_add_span(cur(s), ts->line_face, ts->line_size, s->geo.frame.left, base, 0, text, 0, strlen(text));
    if (unit_text[0])
        page_add_span(cur(s), ts->line_face, ts->line_size, s->geo.frame.left + s->geo.frame.width - uw,
                      base, 0, unit_text, 0, strlen(unit_text));
    s->y -= ts->line_pitch + ts->gap;
    buf_free(&b);
}

/* Whether rows [r0, r1) are all one-line rows (as tall as a cell with
 * one line of `pitch` needs, or the least row height). */
static bool rows_single(const table_geo *t, const layout_table_style *ts, double pitch, int r0, int r1)
{
    double one = pitch + 2 * ts->pad_y;
    if (one < ts->min_row) one = ts->min_row;
    for (int r = r0; r < r1; r++)
        if (t->h[r] > one + EPS) return false;
    return true;
}

/* Draw the cells of rows [r0, r1) with row r0's top at `top`: those that
 * start there, and the rest of a body cell merged down from the page before
 * (its text again when it fits); r1 - 1 is the last row drawn on this page
 * (its cells get a bottom edge). */
static void draw_rows(table_state *s, int r0, int r1, double top)
{
    const table_geo *t = &s->geo;
    const table_grid *g = t->g;
    const layout_config *cfg = s->cfg;
    double rule = cfg->table.rule;
    layout_page *page = cur(s);
    for (size_t k = 0; k < g->n_cells; k++) {
        size_t i = s->order ? s->order[k] : k;
        const grid_cell *c = &g->cells[i];
        if (c->row >= r1 || c->col < 0 || c->col + c->col_span > g->cols) continue;
        int start = c->row, end = c->row + c->row_span;
        if (start < r0) {
            /* a body cell merged down from the page before: its rest, text again */
            if (start < g->header_rows || end <= r0) continue;
            start = r0;
        }
        if (end > r1) end = r1;
        double y0 = top;
        for (int r = r0; r < start; r++) y0 -= t->h[r];
        double hgt = 0;
        for (int r = start; r < end; r++) hgt += t->h[r];
        double x0 = t->x[c->col], x1 = t->x[c->col + c->col_span];
        /* borders */
        page_add_rule(page, x0, y0, x1, y0, rule);
        page_add_rule(page, x0, y0, x0, y0 - hgt, rule);
        if (c->col + c->col_span == g->cols) page_add_rule(page, x1, y0, x1, y0 - hgt, rule);
        if (end == r1) page_add_rule(page, x0, y0 - hgt, x1, y0 - hgt, rule);
        /* text, centred vertically; the header rows again on a later page
         * and a merged cell's text again are artifacts */
        bool again = (c->row < g->header_rows && s->header_done) || c->row < r0;
        page->mark = again || !s->cell_elem ? 0 : s->cell_elem[i];
        const cell_set *cs = &t->cells[i];
        size_t n = cs->p.lines.count;
        if (n == 0 || (double)n * cs->pitch > hgt + EPS) continue; /* a cut cell too short for its text */
        int span = end - start, r = start + (span - (int)n) / 2;
        if (span > 1 && n > 1 && (int)n <= span && rows_single(t, &cfg->table, cs->pitch, r, r + (int)n)) {
            /* a merged label over one-line rows, no more lines than rows:
             * each line on the baseline of its row's one-line cells, so
             * that it reads with that row (extractors such as pdftotext
             * join text by baseline; centred lines between two baselines
             * pull neighbouring rows into one block) */
            double rt = y0;
            for (int q = start; q < r; q++) rt -= t->h[q];
            for (size_t li = 0; li < n; li++, r++) {
                double slot = rt - (t->h[r] - cs->pitch) / 2;
                double base = layout_baseline(cfg, cs->st.face, cs->st.size, slot, cs->pitch);
                line_emit(page, cfg, &cs->st, c->text, &cs->p, li, x0 + cfg->table.pad_x, base);
                rt -= t->h[r];
            }
            continue;
        }
        double slot = y0 - (hgt - (double)n * cs->pitch) / 2;
        for (size_t li = 0; li < n; li++) {
            double base = layout_baseline(cfg, cs->st.face, cs->st.size, slot, cs->pitch);
            line_emit(page, cfg, &cs->st, c->text, &cs->p, li, x0 + cfg->table.pad_x, base);
            slot -= cs->pitch;
        }
    }
}

/* The structure elements of the table: Table, a TR per row in which a
 * cell starts, a TH (header cells) or TD per cell in row order. */
static void table_elems(table_state *s)
{
    const table_grid *g = s->geo.g;
    int tab = result_elem(s->out, ROLE_TABLE, 0);
    s->cell_elem = xcalloc(g->n_cells ? g->n_cells : 1, sizeof *s->cell_elem);
    int rows = g->rows > 0 ? g->rows : 0;
    size_t *first = xcalloc((size_t)rows + 1, sizeof *first), *order = xcalloc(g->n_cells + 1, sizeof *order);
    size_t n_order = 0;
    for (size_t i = 0; i < g->n_cells; i++) /* counting sort by row, grid order within a row */
        if (g->cells[i].row >= 0 && g->cells[i].row < rows) first[g->cells[i].row + 1]++;
    for (int r = 0; r < rows; r++) first[r + 1] += first[r];
    size_t *fill = xcalloc((size_t)rows + 1, sizeof *fill);
    for (size_t i = 0; i < g->n_cells; i++) {
        int r = g->cells[i].row;
        if (r >= 0 && r < rows) order[first[r] + fill[r]++] = i;
    }
    n_order = first[rows];
    for (size_t i = 0; i < g->n_cells; i++) /* cells outside the rows (none): last, as before */
        if (g->cells[i].row < 0 || g->cells[i].row >= rows) order[n_order++] = i;
    for (int r = 0; r < rows; r++) {
        if (first[r] == first[r + 1]) continue;
        int tr = result_elem(s->out, ROLE_TR, tab);
        for (size_t k = first[r]; k < first[r + 1]; k++) {
            const grid_cell *c = &g->cells[order[k]];
            int e = result_elem(s->out, c->header ? ROLE_TH : ROLE_TD, tr);
            s->out->elems[e - 1].row_span = c->row_span;
            s->out->elems[e - 1].col_span = c->col_span;
            s->cell_elem[order[k]] = e;
        }
    }
    free(first);
    free(fill);
    s->order = order;
}

static double rows_height(const table_geo *t, int r0, int r1)
{
    double h = 0;
    for (int r = r0; r < r1; r++) h += t->h[r];
    return h;
}

void table_pages(const doc *d, size_t i, const layout_config *cfg, layout_result *out)
{
    const block *b = &d->blocks[i];
    if (!b->grid) return;
    table_state s = {cfg, out, {0}, 0, 0, NULL, NULL, false};
    geo_build(&s.geo, b->grid, cfg);
    const table_grid *g = b->grid;
    new_page(&s);
    if (i > 0 && table_takes_heading(d, i - 1)) set_heading(&s, d, i - 1);
    set_preamble(&s);
    table_elems(&s);
    int hr = g->header_rows < g->rows ? g->header_rows : g->rows;
    double head = rows_height(&s.geo, 0, hr);
    /* the notes' height: they keep the last row company on its page */
    layout_text_style note = {cfg->table.face, cfg->table.note_size, 0, 0, LAYOUT_LEFT};
    double notes_h = cfg->table.gap;
    for (size_t k = 0; k < g->n_notes; k++) {
        para_set p = {0};
        para_break(&p, cfg, &note, g->notes[k], s.geo.frame.width);
        notes_h += (double)p.lines.count * cfg->table.note_pitch;
        para_free(&p);
    }
    int r = hr;
    for (;;) {
        /* this page: the header block, then as many rows as fit */
        int e = r;
        double used = head;
        while (e < g->rows && s.y - used - s.geo.h[e] >= bottom(&s) - EPS) used += s.geo.h[e++];
        if (e == g->rows && e - r > 1 && s.y - used - notes_h < bottom(&s) - EPS)
            e--; /* the last row goes over with the notes rather than the notes alone */
        if (e > r && e < g->rows && g->rows - e < MIN_ROWS) {
            /* the next page would hold only a few rows: move some over, so
             * that both pages keep MIN_ROWS (or share them evenly) */
            int all = g->rows - r;
            int keep = all >= 2 * MIN_ROWS ? g->rows - MIN_ROWS - r : (all + 1) / 2;
            if (keep >= 1 && r + keep < e) e = r + keep;
        }
        if (e == r && r < g->rows) {
            if (s.y < s.geo.frame.top - EPS) { /* not even one row fits here: go on overleaf */
                new_page(&s);
                continue;
            }
            e = r + 1; /* a row taller than a page: set it anyway */
        }
        draw_rows(&s, 0, hr, s.y);
        s.header_done = true;
        s.y -= head;
        draw_rows(&s, r, e, s.y);
        for (int k = r == hr ? 0 : r; k < e; k++) /* the header block where it is first set */
            if (k < hr || k >= r) result_add_place(out, i, out->n_pages - 1, 0, 0, k);
        s.y -= rows_height(&s.geo, r, e);
        r = e;
        if (r >= g->rows) break;
        new_page(&s);
        set_continued(&s);
    }
    /* notes under the table */
    s.y -= cfg->table.gap;
    for (size_t k = 0; k < g->n_notes; k++) set_text(&s, &note, g->notes[k], cfg->table.note_pitch);
    result_mark(out, 0);
    free(s.cell_elem);
    free(s.order);
    geo_free(&s.geo);
}
