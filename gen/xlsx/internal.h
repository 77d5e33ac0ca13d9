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
 *  charts over cells holding their figures. Returns 0, 1 for bad chart
 *  data (errors added), 3 for a library failure. */
int xlsx_write_charts(lxw_workbook *wb, const value *facts, diag_list *diags);

#endif
