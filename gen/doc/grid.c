/* grid.c — printed tables (table_grid): building from a spec and its data,
 * and freeing. */
#include "doc.h"

#include <stdlib.h>

void table_grid_free(table_grid *g)
{
    if (!g) return;
    for (size_t i = 0; i < g->n_cells; i++) free(g->cells[i].text);
    free(g->cells);
    for (size_t i = 0; i < g->n_notes; i++) free(g->notes[i]);
    free(g->notes);
    free(g->widths);
    free(g->label), free(g->title), free(g->org_line), free(g->unit_line);
    free(g);
}
