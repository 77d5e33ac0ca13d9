/* address.c — where a grid cell lands on its sheet (write_sheet's layout). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int xlsx_grid_top(const table_grid *g)
{
    bool lines = g->org_line[0] || g->unit_line[0]; /* a 自评表 has neither */
    return !lines ? 2 : g->cols >= 2 ? 3 : 4;
}

char *xlsx_cell_address(const table_grid *g, int row, int col)
{
    buf b = {0};
    bool quote = false;
    for (const unsigned char *c = (const unsigned char *)g->sheet; *c; c++)
        if (*c < 0x80 && !((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || *c == '_'))
            quote = true;
    if (quote) {
        buf_putc(&b, '\'');
        for (const char *c = g->sheet; *c; c++) {
            if (*c == '\'') buf_putc(&b, '\'');
            buf_putc(&b, *c);
        }
        buf_putc(&b, '\'');
    } else {
        buf_puts(&b, g->sheet);
    }
    char letters[8];
    int n = 0;
    for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
    buf_putc(&b, '!');
    while (n > 0) buf_putc(&b, letters[--n]);
    buf_printf(&b, "%d", xlsx_grid_top(g) + row + 1);
    return buf_detach(&b);
}
