/* print.c — how the sheets of the workbook print.
 *
 * Every sheet (the 13 公开表, the 项目支出绩效自评表, 图表) prints on A4 with
 * the PDF's margins (style.yaml page:, or tables.landscape: for landscape
 * sheets, through gen/layout), the footer "第 &P 页 共 &N 页", a print
 * area over its cells, the 单位 line and the header rows repeated on every
 * page, fit to one page wide, and without Excel's "number stored as text"
 * triangle (subject codes are text on purpose).
 *
 * Column widths are fitted to the content (a CJK character counts two
 * units, others one; header cells and text cells wrap, so they count up to
 * a cap), then the wrapping columns are narrowed until the columns fit the
 * printable width at XLSX_MIN_SCALE or more: fit-to-width then prints the
 * sheet at 90–100%, so that 10 pt cells print at 9 pt or more. */
#include "internal.h"

#include "../doc/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM_PER_INCH 25.4
#define HEAD_CAP 6  /* units a header cell asks for: it wraps, 3 CJK characters a line */
#define TEXT_CAP 40 /* units a text cell asks for at most: it wraps */
#define MIN_TEXT 6  /* a wrapping column is never narrowed below this */

double xlsx_col_px(double units)
{
    return (double)(int)(units * 7 + 5); /* Excel: 7 px a digit of Calibri 11, 5 px padding */
}

double xlsx_printable_px(const layout_config *cfg, bool landscape)
{
    double mm[4], pw, ph;
    layout_config_margins(cfg, landscape, mm);
    layout_config_page_size(cfg, &pw, &ph); /* pt */
    double paper = landscape ? ph : pw;
    double pt = paper - (mm[1] + mm[3]) * 72.0 / MM_PER_INCH;
    return pt / 0.75;
}

void xlsx_fit_columns(const table_grid *g, double printable_px, double *w)
{
    bool *wraps = xcalloc((size_t)(g->cols > 0 ? g->cols : 1), sizeof *wraps);
    int *fixed = xcalloc((size_t)(g->cols > 0 ? g->cols : 1), sizeof *fixed); /* numbers: never narrower */
    for (int c = 0; c < g->cols; c++) w[c] = 4;
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        if (c->col_span != 1 || c->col < 0 || c->col >= g->cols) continue;
        int u = xlsx_text_units(c->text);
        bool number = c->is_amount || c->is_count || c->number;
        if (c->header && u > HEAD_CAP) u = HEAD_CAP;
        if (!number && !c->header && u > TEXT_CAP) u = TEXT_CAP;
        if (number && u + 1 > fixed[c->col]) fixed[c->col] = u + 1;
        if (u + 1 > w[c->col]) {
            w[c->col] = u + 1;
            wraps[c->col] = !number;
        }
    }
    /* narrow the widest wrapping column until the columns fit */
    double target = printable_px * 100.0 / XLSX_MIN_SCALE;
    for (int guard = 0; guard < 10000; guard++) {
        double total = 0;
        for (int c = 0; c < g->cols; c++) total += xlsx_col_px(w[c]);
        if (total <= target) break;
        int widest = -1;
        for (int c = 0; c < g->cols; c++) {
            double floor_w = fixed[c] > MIN_TEXT ? fixed[c] : MIN_TEXT;
            if (wraps[c] && w[c] - 1 >= floor_w && (widest < 0 || w[c] > w[widest])) widest = c;
        }
        if (widest < 0) break; /* numbers alone: nothing wraps */
        w[widest] -= 1;
    }
    free(wraps);
    free(fixed);
}

void xlsx_print_setup(lxw_worksheet *ws, const layout_config *cfg, bool landscape,
                      int title_first, int title_last, int last_row, int last_col)
{
    double mm[4];
    layout_config_margins(cfg, landscape, mm);
    worksheet_set_paper(ws, 9); /* A4 */
    if (landscape) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_set_margins(ws, mm[3] / MM_PER_INCH, mm[1] / MM_PER_INCH, mm[0] / MM_PER_INCH,
                          mm[2] / MM_PER_INCH);
    worksheet_set_footer(ws, "&C第 &P 页 共 &N 页");
    worksheet_print_area(ws, 0, 0, (lxw_row_t)last_row, (lxw_col_t)last_col);
    if (title_first >= 0 && title_last >= title_first)
        worksheet_repeat_rows(ws, (lxw_row_t)title_first, (lxw_row_t)title_last);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    char range[32];
    lxw_rowcol_to_range(range, 0, 0, (lxw_row_t)last_row, (lxw_col_t)last_col);
    worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range);
}
