/* internal.h — shared by the files of gen/xlsx only (not an interface). */
#ifndef JUESUAN_XLSX_INTERNAL_H
#define JUESUAN_XLSX_INTERNAL_H

#include "xlsx.h"

#include <xlsxwriter.h>

/** A 宋体 cell format: `align` an LXW_ALIGN_* value, vertically centred. */
lxw_format *xlsx_fmt_new(lxw_workbook *wb, bool bordered, uint8_t align, bool bold, uint16_t size);

/** Money in 分 as the number a cell shows: 万元 with 2 decimals. */
double xlsx_cell_number(money_t v);

/** Display width of UTF-8 text in Excel units (CJK 2, ASCII 1). */
int xlsx_text_units(const char *s);

/** Add the sheet 图表 after the tables: 图1–图7 of facts "charts" as native
 *  charts over cells holding their figures, in the style's colours, each
 *  on one printed page. Returns 0, 1 for bad chart data (errors added), 3
 *  for a library failure. */
int xlsx_write_charts(lxw_workbook *wb, const value *facts, const layout_config *layout,
                      diag_list *diags);

/* ---- printing (print.c) ---- */

/** The least print scale (%) the fitted columns allow at fit-to-width: 10 pt
 *  cells then print at 9 pt or more. */
#define XLSX_MIN_SCALE 96

/** The width in pixels of a column `units` wide (Excel: 7 px a digit of the
 *  default font, plus 5). */
double xlsx_col_px(double units);

/** The printable width of an A4 sheet in pixels (0.75 pt each), between
 *  the margins of the page style (portrait or landscape). */
double xlsx_printable_px(const layout_config *cfg, bool landscape);

/** Column widths of grid `g` (units) fitted to its content: CJK counted
 *  double; header and text cells wrap, so they ask for at most a cap; the
 *  wrapping columns are narrowed until the columns fit `printable_px` at
 *  XLSX_MIN_SCALE. `w` has g->cols entries. */
void xlsx_fit_columns(const table_grid *g, double printable_px, double *w);

/** The print setup every sheet shares: A4 in `landscape` or portrait, the
 *  page style's margins, the footer "第 &P 页 共 &N 页", the print area
 *  A1 to (last_row, last_col), rows title_first..title_last repeated on
 *  every page (none when title_first < 0), fit to one page wide, centred,
 *  numbers stored as text not flagged over the print area. */
void xlsx_print_setup(lxw_worksheet *ws, const layout_config *cfg, bool landscape,
                      int title_first, int title_last, int last_row, int last_col);

#endif
