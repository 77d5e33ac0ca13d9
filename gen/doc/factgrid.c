/* factgrid.c — a printed table described in the facts tree (`@grid PATH`),
 * for documents whose tables are not appendix tables with a spec: the
 * 部门整体支出绩效自评报告's 预决算对比 and 绩效指标 tables. Cells are placed
 * row by row the way HTML does: a cell takes the next free column of its
 * row, and a cell spanning rows keeps its columns in the rows below. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *text_of(const value *v, const char *key)
{
    const char *t = value_get_text(value_get(v, key));
    return t ? t : NULL;
}

static int int_of(const value *v, const char *key, int dflt)
{
    const char *t = value_get_text(value_get(v, key));
    int n = t ? atoi(t) : dflt;
    return n >= 1 && n <= 1000 ? n : dflt;
}

table_grid *table_grid_from_facts(const value *g, srcpos pos, diag_list *diags)
{
    const value *rows = value_get(g, "rows");
    const value *widths = value_get(g, "widths");
    size_t nr = value_count(rows), nc = value_count(widths);
    if (value_get_type(g) != VALUE_MAP || value_get_type(rows) != VALUE_LIST || nr == 0 || nc == 0) {
        diag_error(diags, pos, "@grid：事实树中这里应是表格（widths 和 rows）");
        return NULL;
    }
    table_grid *out = xcalloc(1, sizeof *out);
    out->rows = (int)nr, out->cols = (int)nc;
    out->header_rows = int_of(g, "header_rows", 1);
    out->widths = xcalloc(nc, sizeof *out->widths);
    for (size_t c = 0; c < nc; c++) out->widths[c] = atoi(value_get_text(value_at(widths, c)) ? value_get_text(value_at(widths, c)) : "1");
    const char *t;
    if ((t = text_of(g, "label"))) out->label = xstrdup(t);
    if ((t = text_of(g, "title"))) out->title = xstrdup(t);
    if ((t = text_of(g, "org_line"))) out->org_line = xstrdup(t);
    if ((t = text_of(g, "unit_line"))) out->unit_line = xstrdup(t);
    out->landscape = value_get_bool(value_get(g, "landscape"));
    bool *used = xcalloc(nr * nc, sizeof *used);
    size_t cap = 0;
    bool ok = true;
    for (size_t r = 0; r < nr && ok; r++) {
        const value *row = value_at(rows, r);
        size_t col = 0;
        for (size_t i = 0; i < value_count(row); i++) {
            const value *cv = value_at(row, i);
            while (col < nc && used[r * nc + col]) col++;
            int rs = int_of(cv, "rows", 1), cs = int_of(cv, "cols", 1);
            if (col + (size_t)cs > nc || r + (size_t)rs > nr) {
                diag_error(diags, pos, "@grid：第 %zu 行的单元格超出表格（%zu 列、%zu 行）", r + 1, nc, nr);
                ok = false;
                break;
            }
            for (int dr = 0; dr < rs; dr++)
                for (int dc = 0; dc < cs; dc++) used[(r + (size_t)dr) * nc + col + (size_t)dc] = true;
            if (out->n_cells == cap) {
                cap = cap ? cap * 2 : 16;
                out->cells = xrealloc(out->cells, cap * sizeof *out->cells);
            }
            grid_cell *gc = &out->cells[out->n_cells++];
            memset(gc, 0, sizeof *gc);
            gc->row = (int)r, gc->col = (int)col, gc->row_span = rs, gc->col_span = cs;
            gc->text = xstrdup(text_of(cv, "text") ? text_of(cv, "text") : "");
            gc->header = (int)r < out->header_rows;
            gc->bold = value_get_bool(value_get(cv, "bold"));
            const char *al = text_of(cv, "align");
            gc->align = al && strcmp(al, "right") == 0    ? GRID_RIGHT
                        : al && strcmp(al, "center") == 0 ? GRID_CENTER
                        : al && strcmp(al, "left") == 0   ? GRID_LEFT
                        : gc->header                      ? GRID_CENTER
                                                          : GRID_LEFT;
            money_t m;
            if (value_get_bool(value_get(cv, "amount")) && money_parse(gc->text, MONEY_WANYUAN, &m) == MONEY_OK) {
                gc->is_amount = true;
                gc->amount = m;
            }
            gc->rate = value_get_bool(value_get(cv, "rate"));
            col += (size_t)cs;
        }
    }
    free(used);
    if (!ok) {
        table_grid_free(out);
        return NULL;
    }
    grid_apply_zero_rule(out);
    return out;
}
