/* diff_docs.c — where two builds' documents differ: sentences (with the
 * page each is printed on), chart values, table cells (with the workbook
 * cell each is written to). */
#include "diff.h"

#include "../xlsx/xlsx.h"

#include <stdlib.h>
#include <string.h>

/* ---- sentences --------------------------------------------------------------- */

typedef struct sentence {
    char *text;
    int page;
} sentence;

typedef struct sentences {
    sentence *items;
    size_t n;
} sentences;

static int printed_page(const layout_result *lr, size_t index, size_t at, int row)
{
    size_t i = layout_place_page(lr, index, at, row);
    return i == (size_t)-1 || i >= lr->n_pages ? 0 : lr->pages[i].number;
}

static void sentence_add(sentences *s, const char *text, size_t len, int page)
{
    s->items = xrealloc(s->items, (s->n + 1) * sizeof *s->items);
    s->items[s->n++] = (sentence){xstrndup(text, len), page};
}

/* A sentence ends after 。！？ (full-width); a heading is one sentence. */
static bool ends_sentence(const char *p)
{
    return strncmp(p, "。", 3) == 0 || strncmp(p, "！", 3) == 0 || strncmp(p, "？", 3) == 0;
}

static void doc_sentences(const doc *d, const layout_result *lr, sentences *out)
{
    for (size_t k = 0; k < d->count; k++) {
        const block *b = &d->blocks[k];
        if (b->type == BLOCK_COVER) {
            for (size_t i = 0; i < b->n_lines; i++)
                sentence_add(out, b->lines[i].text, strlen(b->lines[i].text), printed_page(lr, k, 0, -1));
            continue;
        }
        if ((b->type != BLOCK_HEADING && b->type != BLOCK_PARAGRAPH) || !b->text) continue;
        const char *t = b->text;
        size_t start = 0, len = strlen(t);
        for (size_t i = 0; i <= len; i++) {
            bool end = i == len || (b->type == BLOCK_PARAGRAPH && ends_sentence(t + i));
            if (!end) continue;
            size_t stop = i == len ? len : i + 3;
            if (stop > start) sentence_add(out, t + start, stop - start, printed_page(lr, k, start, -1));
            start = stop;
            if (i < len) i += 2;
        }
    }
}

static void sentences_free(sentences *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->items[i].text);
    free(s->items);
}

static doc_change *change_add(doc_diff *dd, place_kind kind, char *where)
{
    dd->changes = xrealloc(dd->changes, (dd->n_changes + 1) * sizeof *dd->changes);
    doc_change *c = &dd->changes[dd->n_changes++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->where = where;
    return c;
}

static void printed_add(printed **list, size_t *n, const char *text, int page, char *address)
{
    *list = xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = (printed){xstrdup(text), page, address};
}

/* The runs of sentences that differ, by a longest common subsequence. */
static void diff_text(const sentences *o, const sentences *n, doc_diff *dd)
{
    size_t pre = 0, suf = 0;
    while (pre < o->n && pre < n->n && strcmp(o->items[pre].text, n->items[pre].text) == 0) pre++;
    while (suf < o->n - pre && suf < n->n - pre &&
           strcmp(o->items[o->n - 1 - suf].text, n->items[n->n - 1 - suf].text) == 0)
        suf++;
    size_t a = o->n - pre - suf, b = n->n - pre - suf;
    /* L[i][j]: the LCS of old[i..] and new[j..] (within the middle part) */
    uint32_t *L = xcalloc((a + 1) * (b + 1), sizeof *L);
#define AT(i, j) L[(i) * (b + 1) + (j)]
    for (size_t i = a; i-- > 0;)
        for (size_t j = b; j-- > 0;)
            AT(i, j) = strcmp(o->items[pre + i].text, n->items[pre + j].text) == 0
                           ? AT(i + 1, j + 1) + 1
                           : (AT(i + 1, j) > AT(i, j + 1) ? AT(i + 1, j) : AT(i, j + 1));
    size_t i = 0, j = 0;
    doc_change *run = NULL;
    while (i < a || j < b) {
        if (i < a && j < b && strcmp(o->items[pre + i].text, n->items[pre + j].text) == 0) {
            run = NULL;
            i++, j++;
            continue;
        }
        if (!run) run = change_add(dd, PLACE_TEXT, NULL);
        if (j < b && (i == a || AT(i, j + 1) >= AT(i + 1, j))) {
            printed_add(&run->news, &run->n_new, n->items[pre + j].text, n->items[pre + j].page, NULL);
            j++;
        } else {
            printed_add(&run->olds, &run->n_old, o->items[pre + i].text, o->items[pre + i].page, NULL);
            i++;
        }
    }
#undef AT
    free(L);
}

/* ---- charts ------------------------------------------------------------------ */

static const block *find_block(const doc *d, block_type type, const char *arg, size_t *index)
{
    for (size_t k = 0; k < d->count; k++)
        if (d->blocks[k].type == type && d->blocks[k].arg && strcmp(d->blocks[k].arg, arg) == 0) {
            *index = k;
            return &d->blocks[k];
        }
    return NULL;
}

static char *item_text(const chart_data *c, const chart_item *it)
{
    if (!it) return xstrdup("（无）");
    buf b = {0};
    buf_printf(&b, "%s%s", it->value_text, c->unit ? c->unit : "");
    if (it->share_text) buf_printf(&b, "（%s%%）", it->share_text);
    return buf_detach(&b);
}

static const chart_item *find_item(const chart_data *c, const char *label)
{
    for (size_t i = 0; i < c->n_items; i++)
        if (strcmp(c->items[i].label, label) == 0) return &c->items[i];
    return NULL;
}

/* The chart values of both sides, and their workbook cells (sheet 图表). */
typedef struct chart_pair {
    const chart_data *oc, *nc;
    const char *id;
    int op, np;                   /* pages */
    const value *ofacts, *nfacts; /* NULL: the document has no workbook */
    doc_diff *dd;
} chart_pair;

static void chart_value(const chart_pair *p, const char *label)
{
    const chart_item *oi = find_item(p->oc, label), *ni = find_item(p->nc, label);
    char *ot = item_text(p->oc, oi), *nt = item_text(p->nc, ni);
    if (strcmp(ot, nt) != 0) {
        buf w = {0};
        buf_printf(&w, "%s中“%s”", p->nc->caption, label);
        doc_change *c = change_add(p->dd, PLACE_CHART, buf_detach(&w));
        /* the amount's cell, or the share's when only the share moved */
        bool share = oi && ni && strcmp(oi->value_text, ni->value_text) == 0;
        if (oi)
            printed_add(&c->olds, &c->n_old, ot, p->op, p->ofacts ? xlsx_chart_address(p->ofacts, p->id, label, share) : NULL);
        if (ni)
            printed_add(&c->news, &c->n_new, nt, p->np, p->nfacts ? xlsx_chart_address(p->nfacts, p->id, label, share) : NULL);
    }
    free(ot);
    free(nt);
}

static void diff_charts(const document *odm, const layout_result *ol, const value *ofacts, const document *ndm,
                        const layout_result *nl, const value *nfacts, doc_diff *dd)
{
    const doc *od = &odm->blocks, *nd = &ndm->blocks;
    bool book = ndm->kind->workbook != NULL;
    for (size_t k = 0; k < nd->count; k++) {
        const block *nb = &nd->blocks[k];
        size_t ok;
        const block *ob = nb->type == BLOCK_CHART && nb->chart ? find_block(od, BLOCK_CHART, nb->arg, &ok) : NULL;
        if (!ob || !ob->chart) continue;
        chart_pair p = {ob->chart, nb->chart, nb->arg, printed_page(ol, ok, 0, -1), printed_page(nl, k, 0, -1),
                        book ? ofacts : NULL, book ? nfacts : NULL, dd};
        for (size_t i = 0; i < p.nc->n_items; i++) chart_value(&p, p.nc->items[i].label);
        for (size_t i = 0; i < p.oc->n_items; i++)
            if (!find_item(p.nc, p.oc->items[i].label)) chart_value(&p, p.oc->items[i].label);
        const char *oe = p.oc->empty_text ? p.oc->empty_text : "", *ne = p.nc->empty_text ? p.nc->empty_text : "";
        if (strcmp(oe, ne) != 0) {
            doc_change *c = change_add(dd, PLACE_CHART, xstrdup(p.nc->caption));
            printed_add(&c->olds, &c->n_old, oe, p.op, NULL);
            printed_add(&c->news, &c->n_new, ne, p.np, NULL);
        }
    }
}

/* ---- tables ------------------------------------------------------------------ */

static const grid_cell *cell_at(const table_grid *g, int row, int col)
{
    for (size_t i = 0; i < g->n_cells; i++)
        if (g->cells[i].row == row && g->cells[i].col == col) return &g->cells[i];
    return NULL;
}

static bool is_figure(const grid_cell *c)
{
    return c->is_amount || c->number != GRID_NUMBER_NONE || c->is_count;
}

/* A figure cell, or a blank one in a figure column. */
static bool is_value(const grid_cell *c)
{
    return c->is_amount || c->number != GRID_NUMBER_NONE || (!c->text[0] && c->align == GRID_RIGHT);
}

/* What names row `row` for the cell in column `col`: the run of text cells
 * nearest to its left, past the figures between (a two-sided form's right
 * side is named by its own 项目; a 行次 is left out). */
static char *row_name(const table_grid *g, int row, int col)
{
    int c = col - 1;
    for (; c >= 0; c--) {
        const grid_cell *x = cell_at(g, row, c);
        if (x && !is_value(x) && !x->is_count) break;
    }
    int end = c;
    for (; c >= 0; c--) {
        const grid_cell *x = cell_at(g, row, c);
        if (x && is_value(x)) break;
    }
    buf b = {0};
    for (int k = c + 1; k <= end; k++) {
        const grid_cell *x = cell_at(g, row, k);
        if (x && !is_figure(x) && x->text[0]) buf_printf(&b, "%s%s", b.len ? " " : "", x->text);
    }
    return buf_detach(&b);
}

/* The header texts over column `col`, outermost first, joined by "/". */
static char *column_name(const table_grid *g, int col)
{
    buf b = {0};
    for (int r = 0; r < g->header_rows; r++)
        for (size_t i = 0; i < g->n_cells; i++) {
            const grid_cell *c = &g->cells[i];
            if (c->row != r || col < c->col || col >= c->col + c->col_span || !c->text[0]) continue;
            buf_printf(&b, "%s%s", b.len ? "/" : "", c->text);
        }
    return buf_detach(&b);
}

/* A body row's key: its text cells. */
static char *row_key(const table_grid *g, int row)
{
    buf b = {0};
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        if (c->row == row && !c->is_amount && c->number == GRID_NUMBER_NONE) buf_printf(&b, "%s|", c->text);
    }
    return buf_detach(&b);
}

/* The row of `g` whose key is `key`, the `nth` such (0-based); -1 if none. */
static int find_row(const table_grid *g, const char *key, int nth)
{
    for (int r = g->header_rows; r < g->rows; r++) {
        char *k = row_key(g, r);
        bool same = strcmp(k, key) == 0;
        free(k);
        if (same && nth-- == 0) return r;
    }
    return -1;
}

typedef struct table_pair {
    const table_grid *og, *ng;
    const layout_result *ol, *nl;
    size_t ob, nb;   /* block indices */
    bool workbook;   /* the grid is also a sheet of the document's workbook */
    doc_diff *dd;
} table_pair;

static const char *cell_text(const grid_cell *c)
{
    return c && c->text[0] ? c->text : "（空）";
}

/* Compare row `orow` of the old grid with row `nrow` of the new (either -1: absent). */
static void diff_row(const table_pair *t, int orow, int nrow)
{
    const table_grid *g = nrow >= 0 ? t->ng : t->og;
    int row = nrow >= 0 ? nrow : orow;
    for (int col = 0; col < g->cols; col++) {
        const grid_cell *oc = orow >= 0 ? cell_at(t->og, orow, col) : NULL;
        const grid_cell *nc = nrow >= 0 ? cell_at(t->ng, nrow, col) : NULL;
        if (!oc && !nc) continue;
        if ((oc && oc->header) || (nc && nc->header)) {
            if (oc && nc && strcmp(oc->text, nc->text) == 0) continue;
        } else if (strcmp(oc ? oc->text : "", nc ? nc->text : "") == 0) {
            continue;
        }
        char *rn = row_name(g, row, col), *cn = column_name(g, col);
        buf w = {0};
        buf_puts(&w, g->label && g->label[0] ? g->label : g->title);
        if (rn[0]) buf_printf(&w, "“%s”行", rn);
        if (cn[0]) buf_printf(&w, "“%s”栏", cn);
        free(rn);
        free(cn);
        doc_change *c = change_add(t->dd, PLACE_CELL, buf_detach(&w));
        if (orow >= 0)
            printed_add(&c->olds, &c->n_old, cell_text(oc), printed_page(t->ol, t->ob, 0, orow),
                        t->workbook ? xlsx_cell_address(t->og, orow, col) : NULL);
        if (nrow >= 0)
            printed_add(&c->news, &c->n_new, cell_text(nc), printed_page(t->nl, t->nb, 0, nrow),
                        t->workbook ? xlsx_cell_address(t->ng, nrow, col) : NULL);
    }
}

/* The row of `other` matching body row `r` of `g`: the same texts, the
 * same how-manieth among the rows with those texts; -1 if none. */
static int matching_row(const table_grid *g, int r, const table_grid *other)
{
    char *k = row_key(g, r);
    int nth = 0;
    for (int q = g->header_rows; q < r; q++) {
        char *kq = row_key(g, q);
        nth += strcmp(kq, k) == 0;
        free(kq);
    }
    int found = find_row(other, k, nth);
    free(k);
    return found;
}

static void diff_table(const table_pair *t)
{
    const table_grid *og = t->og, *ng = t->ng;
    if (og->rows == ng->rows && og->cols == ng->cols && og->header_rows == ng->header_rows) {
        for (int r = 0; r < ng->rows; r++) diff_row(t, r, r); /* same shape: row by row */
        return;
    }
    /* rows added or removed: body rows matched by their texts (code and name, 项目) */
    for (int r = 0; r < ng->header_rows && r < og->header_rows; r++) diff_row(t, r, r);
    for (int r = ng->header_rows; r < ng->rows; r++) diff_row(t, matching_row(ng, r, og), r);
    for (int r = og->header_rows; r < og->rows; r++)
        if (matching_row(og, r, ng) < 0) diff_row(t, r, -1);
}

static void diff_tables(const document *odm, const layout_result *ol, const document *ndm, const layout_result *nl,
                        doc_diff *dd)
{
    const doc *od = &odm->blocks, *nd = &ndm->blocks;
    for (size_t k = 0; k < nd->count; k++) {
        const block *nb = &nd->blocks[k];
        size_t ok;
        const block *ob = nb->type == BLOCK_TABLE && nb->grid ? find_block(od, BLOCK_TABLE, nb->arg, &ok) : NULL;
        if (!ob || !ob->grid) continue;
        table_pair t = {ob->grid, nb->grid, ol, nl, ok, k, ndm->kind->workbook && !nb->from_facts, dd};
        diff_table(&t);
    }
}

/* ---- documents --------------------------------------------------------------- */

static const document *match_doc(const diff_side *s, const document *d, size_t nth, size_t *index)
{
    for (size_t i = 0; i < s->b.n_docs; i++)
        if (s->b.docs[i].kind == d->kind && nth-- == 0) {
            *index = i;
            return &s->b.docs[i];
        }
    return NULL;
}

static size_t nth_of_kind(const diff_side *s, size_t i)
{
    size_t nth = 0;
    for (size_t k = 0; k < i; k++) nth += s->b.docs[k].kind == s->b.docs[i].kind;
    return nth;
}

static doc_diff *doc_add(diff_result *r, const document *o, const document *n)
{
    r->docs = xrealloc(r->docs, (r->n_docs + 1) * sizeof *r->docs);
    doc_diff *dd = &r->docs[r->n_docs++];
    memset(dd, 0, sizeof *dd);
    dd->old_title = o ? xstrdup(o->file_name) : NULL;
    dd->new_title = n ? xstrdup(n->file_name) : NULL;
    dd->kind = (n ? n : o)->kind->name;
    return dd;
}

void diff_docs(const diff_side *old_side, const diff_side *new_side, diff_result *r)
{
    for (size_t i = 0; i < new_side->b.n_docs; i++) {
        const document *nd = &new_side->b.docs[i];
        size_t oi;
        const document *od = match_doc(old_side, nd, nth_of_kind(new_side, i), &oi);
        doc_diff *dd = doc_add(r, od, nd);
        if (!od) continue;
        const layout_result *ol = &old_side->layouts[oi], *nl = &new_side->layouts[i];
        sentences os = {0}, ns = {0};
        doc_sentences(&od->blocks, ol, &os);
        doc_sentences(&nd->blocks, nl, &ns);
        diff_text(&os, &ns, dd);
        sentences_free(&os);
        sentences_free(&ns);
        diff_charts(od, ol, old_side->b.facts, nd, nl, new_side->b.facts, dd);
        diff_tables(od, ol, nd, nl, dd);
    }
    for (size_t i = 0; i < old_side->b.n_docs; i++) {
        size_t ni;
        if (!match_doc(new_side, &old_side->b.docs[i], nth_of_kind(old_side, i), &ni))
            doc_add(r, &old_side->b.docs[i], NULL);
    }
}

size_t diff_places(const diff_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_docs; i++) n += r->docs[i].n_changes + (!r->docs[i].old_title || !r->docs[i].new_title);
    return n;
}

static void printed_free(printed *p, size_t n)
{
    for (size_t i = 0; i < n; i++) free(p[i].text), free(p[i].cell);
    free(p);
}

void diff_result_free(diff_result *r)
{
    for (size_t i = 0; i < r->n_inputs; i++) {
        free(r->inputs[i].what);
        free(r->inputs[i].old_text);
        free(r->inputs[i].new_text);
    }
    free(r->inputs);
    for (size_t i = 0; i < r->n_docs; i++) {
        doc_diff *dd = &r->docs[i];
        for (size_t k = 0; k < dd->n_changes; k++) {
            free(dd->changes[k].where);
            printed_free(dd->changes[k].olds, dd->changes[k].n_old);
            printed_free(dd->changes[k].news, dd->changes[k].n_new);
        }
        free(dd->changes);
        free(dd->old_title);
        free(dd->new_title);
    }
    free(r->docs);
    memset(r, 0, sizeof *r);
}
