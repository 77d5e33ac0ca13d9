/* csv_write.c — write CSV text the readers of this folder read back:
 * UTF-8 without BOM, comma-separated, LF line ends, RFC 4180 quoting only
 * where a cell needs it. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

void csv_put_cell(buf *out, const char *text)
{
    bool quote = text[0] == ' ' || (text[0] && text[strlen(text) - 1] == ' ') || strpbrk(text, ",\"\r\n") != NULL;
    if (!quote) {
        buf_puts(out, text);
        return;
    }
    buf_putc(out, '"');
    for (const char *c = text; *c; c++) {
        if (*c == '"') buf_putc(out, '"');
        buf_putc(out, *c);
    }
    buf_putc(out, '"');
}

void csv_put_row(buf *out, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) buf_putc(out, ',');
        csv_put_cell(out, cells[i] ? cells[i] : "");
    }
    buf_putc(out, '\n');
}

/* The rows of one side of a fixed table, in spec order: those before its
 * first total row (`head`), then the rest. */
static size_t side_rows(const table_spec *s, int side, bool head, const table_fixed_row **out)
{
    size_t n = 0;
    bool seen_total = false;
    for (size_t i = 0; i < s->n_rows; i++) {
        if (s->rows[i].side != side) continue;
        if (s->rows[i].total) seen_total = true;
        if (seen_total != head) out[n++] = &s->rows[i];
    }
    return n;
}

void csv_format_blank(const table_spec *s, buf *out)
{
    const char **cells = xcalloc(s->n_columns, sizeof *cells);
    for (size_t i = 0; i < s->n_columns; i++) cells[i] = s->columns[i].header;
    csv_put_row(out, cells, s->n_columns);
    if (s->kind == TABLE_FIXED) {
        /* two-sided forms as printed: the items of each side paired in
         * order, then the totals paired (本年收入合计 | 本年支出合计 …) */
        const table_fixed_row **rows[2][2];
        size_t n[2][2];
        for (int side = 0; side < 2; side++)
            for (int part = 0; part < 2; part++) {
                rows[side][part] = xcalloc(s->n_rows + 1, sizeof **rows);
                n[side][part] = side < s->sides ? side_rows(s, side, part == 0, rows[side][part]) : 0;
            }
        char line[2][16];
        for (int part = 0; part < 2; part++) {
            size_t count = n[0][part] > n[1][part] ? n[0][part] : n[1][part];
            for (size_t r = 0; r < count; r++) {
                for (size_t i = 0; i < s->n_columns; i++) cells[i] = "";
                for (int side = 0; side < s->sides; side++) {
                    /* the totals: the last one (总计 | 总计) at the foot of both sides */
                    size_t k = r, have = n[side][part];
                    if (part == 1 && have && have < count) {
                        if (r == count - 1) k = have - 1;
                        else if (r >= have - 1) continue;
                    }
                    if (k >= have) continue;
                    const table_fixed_row *fr = rows[side][part][k];
                    snprintf(line[side], sizeof line[side], "%d", fr->line);
                    for (size_t i = 0; i < s->n_columns; i++) {
                        if (s->columns[i].side != side) continue;
                        if (s->columns[i].role == COLUMN_LABEL) cells[i] = fr->label;
                        else if (s->columns[i].role == COLUMN_LINE && fr->line) cells[i] = line[side];
                    }
                }
                csv_put_row(out, cells, s->n_columns);
            }
        }
        for (int side = 0; side < 2; side++)
            for (int part = 0; part < 2; part++) free(rows[side][part]);
    }
    free(cells);
}
