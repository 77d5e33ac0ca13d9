/* zero.c — blank versus zero: the one rule of every printed table (the
 * 公开表, the 项目支出绩效自评表, the tables of a report's facts), applied
 * here and nowhere else (README "Blank versus zero"):
 *   an amount of zero is printed as an empty cell, as the published 决算
 *   tables print it (../shared/design/FORMAT.md §1.2), except in a row that
 *   shows a rate (a `rate` cell: 预算执行率, 预算执行情况), where every
 *   amount is printed, 0.00 included, so that the rate can be followed
 *   from its figures (seed 003's 自评表, seed 001's 预决算对比).
 * Rates, scores, counts and words are printed as they are. The cell keeps
 * its amount: gen/xlsx writes the number under a format that shows what
 * the text shows. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void grid_apply_zero_rule(table_grid *g)
{
    int rows = g->rows > 0 ? g->rows : 0;
    bool *rate = xcalloc((size_t)rows + 1, sizeof *rate);
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        if (!c->rate || c->row < 0) continue;
        for (int r = c->row; r < c->row + c->row_span && r < rows; r++) rate[r] = true;
    }
    for (size_t i = 0; i < g->n_cells; i++) {
        grid_cell *c = &g->cells[i];
        if (!c->is_amount) continue;
        char text[32] = "";
        if (c->amount != 0 || (c->row >= 0 && c->row < rows && rate[c->row])) money_format_wan(c->amount, true, text);
        free(c->text);
        c->text = xstrdup(text);
    }
    free(rate);
}
