/* grid.c — printed tables (table_grid): the one place that decides how an
 * appendix table looks. A table (spec + data) becomes a grid of cells with
 * spans:
 *   - the header block, from the column groups (a column's groups stack
 *     above its header; the deepest group of a column stretches down to the
 *     row above the bottom header row; a column without groups spans the
 *     whole block; neighbours with the same groups share merged cells);
 *   - the body: fixed rows (two-sided forms side by side, each side cut into
 *     segments at its total rows so that the totals line up), subject rows
 *     as given, rows split over sides by class (print: split_by_class) or
 *     fixed rows turned into columns (print: transpose);
 *   - the notes, rendered with the facts tree, or the empty-table note.
 * gen/xlsx and gen/pdf draw the grid and decide nothing about its content. */
#include "internal.h"

#include "../template/template.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_WIDTH 8 /* characters, for a column without a width */

/* A printed column: its header path (groups, then the leaf header). */
typedef struct hcol {
    const char *group[8];
    size_t n_group;
    const char *header;
    int width;
} hcol;

typedef struct builder {
    table_grid *g;
    size_t cap;
    int body; /* first body row */
} builder;

grid_cell *grid_add(table_grid *g, size_t *cap, int row, int col, int row_span, int col_span, const char *text)
{
    if (g->n_cells == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        g->cells = xrealloc(g->cells, *cap * sizeof *g->cells);
    }
    grid_cell *c = &g->cells[g->n_cells++];
    memset(c, 0, sizeof *c);
    c->row = row, c->col = col;
    c->row_span = row_span, c->col_span = col_span;
    c->text = xstrdup(text ? text : "");
    if (row + row_span > g->rows) g->rows = row + row_span;
    return c;
}

static grid_cell *add_cell(builder *b, int row, int col, int row_span, int col_span, const char *text)
{
    return grid_add(b->g, &b->cap, row, col, row_span, col_span, text);
}

static void add_text(builder *b, int row, int col, int span, const char *text, grid_align align, bool bold)
{
    grid_cell *c = add_cell(b, row, col, 1, span, text);
    c->align = align;
    c->bold = bold;
}

/* An amount cell: the value (its text: grid_apply_zero_rule), or blank
 * when the form leaves it empty (a zero too: the CSV's empty cell and its
 * 0 print alike). */
static void add_amount(builder *b, int row, int col, const cell *v, bool bold)
{
    grid_cell *c = add_cell(b, row, col, 1, 1, "");
    c->align = GRID_RIGHT;
    c->bold = bold;
    if (v && v->present) {
        c->is_amount = true;
        c->amount = v->amount;
    }
}

/* ---- the header block ---------------------------------------------------- */

static bool same_prefix(const hcol *a, const hcol *b, size_t lv)
{
    if (a->n_group <= lv || b->n_group <= lv) return false;
    for (size_t k = 0; k <= lv; k++)
        if (strcmp(a->group[k], b->group[k]) != 0) return false;
    return true;
}

static int header_build(builder *b, const hcol *cols, int n)
{
    size_t depth = 1;
    for (int c = 0; c < n; c++)
        if (cols[c].n_group + 1 > depth) depth = cols[c].n_group + 1;
    for (int c = 0; c < n; c++) {
        int top = cols[c].n_group ? (int)depth - 1 : 0;
        grid_cell *gc_ = add_cell(b, top, c, (int)depth - top, 1, cols[c].header);
        gc_->header = true;
        gc_->align = GRID_CENTER;
    }
    for (size_t lv = 0; lv + 1 < depth; lv++) {
        int c = 0;
        while (c < n) {
            if (cols[c].n_group <= lv) {
                c++;
                continue;
            }
            int e = c + 1;
            while (e < n && same_prefix(&cols[c], &cols[e], lv)) e++;
            bool deepest = true; /* no column below has a deeper group: stretch down */
            for (int k = c; k < e; k++)
                if (cols[k].n_group > lv + 1) deepest = false;
            int rows = deepest ? (int)depth - 1 - (int)lv : 1;
            grid_cell *gc_ = add_cell(b, (int)lv, c, rows, e - c, cols[c].group[lv]);
            gc_->header = true;
            gc_->align = GRID_CENTER;
            c = e;
        }
    }
    b->g->widths = xcalloc((size_t)n, sizeof *b->g->widths);
    for (int c = 0; c < n; c++) b->g->widths[c] = cols[c].width > 0 ? cols[c].width : DEFAULT_WIDTH;
    b->g->cols = n;
    b->g->header_rows = (int)depth;
    b->g->rows = (int)depth;
    return (int)depth;
}

static void hcol_from(hcol *h, const char *outer, const table_column *col)
{
    memset(h, 0, sizeof *h);
    if (outer) h->group[h->n_group++] = outer;
    for (size_t k = 0; k < col->n_group && h->n_group < 8; k++) h->group[h->n_group++] = col->group[k];
    h->header = col->header;
    h->width = col->width;
}

/* ---- fixed rows (two-sided forms) ----------------------------------------- */

/* The fixed rows of one side in spec order, cut into segments: a segment
 * starts at each total row, so that the totals of the two sides line up
 * (本年收入合计 | 本年支出合计, 总计 | 总计). */
typedef struct side_rows {
    const table_fixed_row **rows;
    size_t n;
    size_t seg_start[64]; /* start index of each segment */
    size_t n_seg;
} side_rows;

static void side_collect(const table_spec *s, int side, side_rows *out)
{
    out->rows = xcalloc(s->n_rows + 1, sizeof *out->rows);
    out->n = 0;
    out->n_seg = 1;
    out->seg_start[0] = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        if (s->rows[i].side != side) continue;
        if (s->rows[i].total && out->n > out->seg_start[out->n_seg - 1] && out->n_seg < 64)
            out->seg_start[out->n_seg++] = out->n;
        out->rows[out->n++] = &s->rows[i];
    }
}

static size_t seg_len(const side_rows *sr, size_t k)
{
    if (k >= sr->n_seg) return 0;
    size_t end = k + 1 < sr->n_seg ? sr->seg_start[k + 1] : sr->n;
    return end - sr->seg_start[k];
}

static void fixed_row_cells(builder *b, const table *t, int r, int side, const table_fixed_row *fr)
{
    const table_spec *s = t->spec;
    const table_row *row = fr ? table_find_row(t, fr->key) : NULL;
    bool total = fr && fr->total;
    for (size_t c = 0; c < s->n_columns; c++) {
        const table_column *col = &s->columns[c];
        if (col->side != side) continue;
        if (col->role == COLUMN_LABEL) {
            add_text(b, r, (int)c, 1, fr ? fr->label : "", total ? GRID_CENTER : GRID_LEFT, total);
        } else if (col->role == COLUMN_LINE) {
            char num[16] = "";
            if (fr && fr->line) snprintf(num, sizeof num, "%d", fr->line);
            grid_cell *gc_ = add_cell(b, r, (int)c, 1, 1, num);
            gc_->align = GRID_CENTER;
            gc_->is_count = num[0] != '\0';
        } else if (col->role == COLUMN_AMOUNT) {
            add_amount(b, r, (int)c, row ? &row->cells[c] : NULL, total);
        } else {
            add_text(b, r, (int)c, 1, "", GRID_LEFT, false);
        }
    }
}

static void body_fixed(builder *b, const table *t)
{
    const table_spec *s = t->spec;
    side_rows sides[2];
    size_t n_seg = 0;
    for (int sd = 0; sd < s->sides; sd++) {
        side_collect(s, sd, &sides[sd]);
        if (sides[sd].n_seg > n_seg) n_seg = sides[sd].n_seg;
    }
    int r = b->body;
    for (size_t k = 0; k < n_seg; k++) {
        size_t h = 0;
        for (int sd = 0; sd < s->sides; sd++)
            if (seg_len(&sides[sd], k) > h) h = seg_len(&sides[sd], k);
        /* the last segment (总计) sits at the foot: align segments from the
         * end when one side has fewer segments */
        for (size_t i = 0; i < h; i++, r++)
            for (int sd = 0; sd < s->sides; sd++) {
                const side_rows *sr = &sides[sd];
                size_t kk = k + sr->n_seg - n_seg; /* right-aligned segment index */
                const table_fixed_row *fr = NULL;
                if (k + sr->n_seg >= n_seg && i < seg_len(sr, kk)) fr = sr->rows[sr->seg_start[kk] + i];
                fixed_row_cells(b, t, r, sd, fr);
            }
    }
    for (int sd = 0; sd < s->sides; sd++) free(sides[sd].rows);
}

/* ---- subject rows ---------------------------------------------------------- */

static int role_column(const table_column *cols, size_t n, column_role role)
{
    for (size_t i = 0; i < n; i++)
        if (cols[i].role == role) return (int)i;
    return -1;
}

/* One subject row printed with `cols` (CSV columns, or a side's printed
 * columns) from grid column `left`. The 合计 row's label spans the code and
 * name columns when they stand side by side. */
static void subject_row_cells(builder *b, const table *t, int r, int left, const table_column *cols, size_t n,
                              const table_row *row)
{
    bool total = row && strcmp(row->key, "total") == 0;
    int code = role_column(cols, n, COLUMN_CODE), name = role_column(cols, n, COLUMN_NAME);
    bool merge = total && code >= 0 && name == code + 1;
    for (size_t c = 0; c < n; c++) {
        const table_column *col = &cols[c];
        int gc = left + (int)c;
        if (col->role == COLUMN_CODE) {
            if (merge) add_text(b, r, gc, 2, row->label, GRID_CENTER, true);
            else add_text(b, r, gc, 1, row && !total ? row->key : "", GRID_LEFT, false);
        } else if (col->role == COLUMN_NAME) {
            if (!merge) add_text(b, r, gc, 1, row ? row->label : "", total ? GRID_CENTER : GRID_LEFT, total);
        } else if (col->role == COLUMN_AMOUNT) {
            int k = row ? table_spec_column(t->spec, col->key, 0) : -1;
            add_amount(b, r, gc, k >= 0 ? &row->cells[k] : NULL, total);
        } else {
            add_text(b, r, gc, 1, "", GRID_LEFT, false);
        }
    }
}

static void body_subject(builder *b, const table *t)
{
    const table_spec *s = t->spec;
    for (size_t i = 0; i < t->n_rows; i++)
        subject_row_cells(b, t, b->body + (int)i, 0, s->columns, s->n_columns, &t->rows[i]);
    if (t->n_rows == 0) /* no CSV rows at all: one empty row under the header */
        subject_row_cells(b, t, b->body, 0, s->columns, s->n_columns, NULL);
}

/* ---- print: split_by_class -------------------------------------------------- */

static int side_of(const table_spec *s, const char *code)
{
    for (size_t i = 0; i < s->n_print_sides; i++)
        for (size_t k = 0; k < s->print_sides[i].n_classes; k++)
            if (strncmp(code, s->print_sides[i].classes[k], 3) == 0) return (int)i;
    return -1;
}

static int body_split(builder *b, const table *t, diag_list *diags)
{
    const table_spec *s = t->spec;
    size_t ns = s->n_print_sides, nc = s->n_print_columns;
    const table_row ***rows = xcalloc(ns, sizeof *rows);
    size_t *count = xcalloc(ns, sizeof *count);
    size_t height = 0;
    int errors = 0;
    for (size_t i = 0; i < ns; i++) rows[i] = xcalloc(t->n_rows + 1, sizeof **rows);
    for (size_t i = 0; i < t->n_rows; i++) {
        const table_row *row = &t->rows[i];
        if (strcmp(row->key, "total") == 0) continue;
        int sd = side_of(s, row->key);
        if (sd < 0) {
            diag_error(diags, row->pos, "科目 %s（%s）不属于%s打印格式的任何一栏（见 %s 的 print.sides）", row->key,
                       row->label, s->title, s->path);
            errors++;
            continue;
        }
        rows[sd][count[sd]++] = row;
        if (count[sd] > height) height = count[sd];
    }
    for (size_t i = 0; i < height; i++)
        for (size_t sd = 0; sd < ns; sd++)
            subject_row_cells(b, t, b->body + (int)i, (int)(sd * nc), s->print_columns, nc,
                              i < count[sd] ? rows[sd][i] : NULL);
    /* the side totals: per class, the sum of its 款 rows (the leaves), or
     * the 类 row itself when the CSV breaks it down no further */
    int r = b->body + (int)height;
    int code = role_column(s->print_columns, nc, COLUMN_CODE), name = role_column(s->print_columns, nc, COLUMN_NAME);
    for (size_t sd = 0; sd < ns; sd++) {
        int left = (int)(sd * nc);
        for (size_t c = 0; c < nc; c++) {
            const table_column *col = &s->print_columns[c];
            int gc = left + (int)c;
            if (col->role == COLUMN_AMOUNT) {
                int k = table_spec_column(s, col->key, 0);
                cell sum = {0, false, SRCPOS_NONE};
                for (size_t i = 0; k >= 0 && i < count[sd]; i++) {
                    const table_row *row = rows[sd][i];
                    size_t len = strlen(row->key);
                    bool leaf = len == 5;
                    if (len == 3) { /* a class: counted only when no 款 row of it follows */
                        leaf = true;
                        for (size_t j = 0; j < count[sd]; j++)
                            if (strlen(rows[sd][j]->key) == 5 && strncmp(rows[sd][j]->key, row->key, 3) == 0)
                                leaf = false;
                    }
                    if (!leaf || !row->cells[k].present) continue;
                    sum.amount += row->cells[k].amount;
                    sum.present = true;
                }
                add_amount(b, r, gc, &sum, true);
            } else if ((int)c == code && name == code + 1) {
                add_text(b, r, gc, 2, s->print_sides[sd].total, GRID_CENTER, true);
            } else if ((int)c == name && name == code + 1) {
                /* covered by the label */
            } else {
                add_text(b, r, gc, 1, (int)c == (code >= 0 ? code : name) ? s->print_sides[sd].total : "",
                         GRID_CENTER, true);
            }
        }
    }
    for (size_t i = 0; i < ns; i++) free(rows[i]);
    free(rows);
    free(count);
    return errors ? -1 : 0;
}

/* ---- print: transpose --------------------------------------------------------- */

static void body_transpose(builder *b, const table *t)
{
    const table_spec *s = t->spec;
    for (size_t c = 0; c < s->n_print_columns; c++) {
        const table_column *col = &s->print_columns[c];
        const table_row *row = table_find_row(t, col->row);
        int k = row ? table_spec_column(s, col->key, row->side) : -1;
        int fr = table_spec_row(s, col->row);
        add_amount(b, b->body, (int)c, k >= 0 ? &row->cells[k] : NULL, fr >= 0 && s->rows[fr].total);
    }
}

/* ---- the grid ------------------------------------------------------------------ */

static int grid_notes(table_grid *g, const table_spec *s, const value *facts, diag_list *diags)
{
    bool use_empty = g->empty && s->empty_note;
    size_t n = use_empty ? 1 : s->n_notes;
    g->notes = xcalloc(n + 1, sizeof *g->notes);
    template_options opt = {0};
    opt.strict = true;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char *text = template_render(use_empty ? s->empty_note : s->notes[i], facts, &opt, s->path, diags);
        if (!text) {
            rc = -1;
            continue;
        }
        g->notes[g->n_notes++] = text;
    }
    return rc;
}

table_grid *table_grid_build(const table *t, const unit *u, const value *facts, diag_list *diags)
{
    const table_spec *s = t->spec;
    table_grid *g = xcalloc(1, sizeof *g);
    g->spec = s;
    g->sheet = xstrdup(s->sheet ? s->sheet : "");
    g->label = xstrdup(s->label);
    g->title = xstrdup(s->title);
    buf org = {0};
    buf_printf(&org, "编制单位：%s", u->name);
    g->org_line = buf_detach(&org);
    g->unit_line = xstrdup("单位：万元");
    g->empty = !table_has_data(t);
    g->landscape = s->landscape;

    builder b = {g, 0, 0};
    size_t n = s->print == PRINT_AS_CSV            ? s->n_columns
               : s->print == PRINT_SPLIT_BY_CLASS ? s->n_print_columns * s->n_print_sides
                                                  : s->n_print_columns;
    hcol *cols = xcalloc(n ? n : 1, sizeof *cols);
    for (size_t c = 0; c < n; c++) {
        if (s->print == PRINT_AS_CSV) hcol_from(&cols[c], NULL, &s->columns[c]);
        else if (s->print == PRINT_TRANSPOSE) hcol_from(&cols[c], NULL, &s->print_columns[c]);
        else
            hcol_from(&cols[c], s->print_sides[c / s->n_print_columns].group,
                      &s->print_columns[c % s->n_print_columns]);
    }
    b.body = header_build(&b, cols, (int)n);
    free(cols);

    int rc = 0;
    if (s->print == PRINT_SPLIT_BY_CLASS) rc = body_split(&b, t, diags);
    else if (s->print == PRINT_TRANSPOSE) body_transpose(&b, t);
    else if (s->kind == TABLE_FIXED) body_fixed(&b, t);
    else body_subject(&b, t);
    if (grid_notes(g, s, facts, diags) != 0) rc = -1;
    grid_apply_zero_rule(g);
    if (rc != 0) {
        table_grid_free(g);
        return NULL;
    }
    return g;
}

void table_grid_free(table_grid *g)
{
    if (!g) return;
    for (size_t i = 0; i < g->n_cells; i++) free(g->cells[i].text);
    free(g->cells);
    for (size_t i = 0; i < g->n_notes; i++) free(g->notes[i]);
    free(g->notes);
    free(g->widths);
    free(g->sheet), free(g->label), free(g->title), free(g->org_line), free(g->unit_line);
    free(g);
}

int doc_resolve_tables(doc *d, const unit *u, const value *facts, diag_list *diags)
{
    int rc = 0;
    for (size_t i = 0; i < d->count; i++) {
        block *b = &d->blocks[i];
        if (b->type != BLOCK_TABLE || b->grid) continue;
        if (b->from_facts) {
            b->grid = table_grid_from_facts(value_get_path(facts, b->arg), b->pos, diags);
            if (!b->grid) rc = -1;
            continue;
        }
        if (b->arg && strncmp(b->arg, "project-", 8) == 0) {
            const value *list = value_get_path(facts, "performance.projects");
            long k = strtol(b->arg + 8, NULL, 10);
            const value *pr = k >= 1 && (size_t)k <= value_count(list) ? value_at(list, (size_t)k - 1) : NULL;
            if (!pr) {
                diag_error(diags, b->pos, "@table %s：没有这个项目（performance.projects 共 %zu 个）", b->arg,
                           value_count(list));
                rc = -1;
                continue;
            }
            b->grid = project_grid_build(pr, value_get_text(value_get_path(facts, "performance.table_title")));
            continue;
        }
        const table *t = b->arg ? unit_table(u, b->arg) : NULL;
        if (!t) {
            diag_error(diags, b->pos, "@table %s：没有这个表格规格（templates/tables/ 中的 id）", b->arg ? b->arg : "");
            rc = -1;
            continue;
        }
        b->grid = table_grid_build(t, u, facts, diags);
        if (!b->grid) rc = -1;
    }
    return rc;
}
