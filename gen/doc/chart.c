/* chart.c — chart data (图1–图7) taken from the facts tree, and freeing it. */
#include "doc.h"

#include <stdlib.h>

void chart_data_free(chart_data *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n_items; i++) {
        free(c->items[i].label);
        free(c->items[i].value_text);
        free(c->items[i].share_text);
    }
    free(c->items);
    free(c->caption);
    free(c->unit);
    free(c);
}
