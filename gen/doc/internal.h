/* internal.h — shared by the files of gen/doc only (not an interface). */
#ifndef JUESUAN_DOC_INTERNAL_H
#define JUESUAN_DOC_INTERNAL_H

#include "doc.h"

/** Add a cell to `g` (its cells array has room for `*cap`, grown as
 *  needed; g->rows grows to cover the cell). The text is copied. */
grid_cell *grid_add(table_grid *g, size_t *cap, int row, int col, int row_span, int col_span, const char *text);

/** The blank-versus-zero rule (zero.c), the last step of every grid
 *  builder: sets the text of every amount cell from its amount — empty for
 *  a zero, unless the cell's row shows a rate (a cell with `rate`). */
void grid_apply_zero_rule(table_grid *g);

#endif
