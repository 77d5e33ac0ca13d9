/* xlsx.h — gen/xlsx: the appendix tables (附表) as one XLSX workbook.
 *
 * One sheet per table spec, in official order, each drawing the table's
 * printed grid (table_grid_build in gen/doc: the PDF draws the same grid):
 * the 公开NN表 label, the title (merged, centred), the 编制单位 and 单位：万元
 * line, the header block with its merged cells, the body (numbers as numbers
 * in #,##0.00, blank cells blank, text always as text — never a formula),
 * thin borders, the notes (or the empty-table note). Print setup: A4,
 * landscape when the spec says so, fit to one page wide, header rows
 * repeated; header frozen. Then one sheet per 项目支出绩效自评表
 * (performance.projects, project_grid_build: the grid the PDF's 第四部分
 * draws; rates and scores as numbers). After them, the sheet 图表 holds 图1–图7
 * as native charts over cells with their figures (gen/xlsx/charts.c). The
 * creation time is the unit's 公开时间, so the bytes are the same on every
 * build. xlsx_cell_address says where each grid cell lands (address.c).
 */
#ifndef JUESUAN_XLSX_H
#define JUESUAN_XLSX_H

#include "../doc/doc.h"

/** Write the workbook of `u` to `path` (the caller renames it into place).
 *  `facts` supplies the values the notes' Mustache refers to. Returns 0, 1
 *  for bad input (a note that does not render), 3 for a library failure, 4
 *  (ENV_FAILURE) when the file or libxlsxwriter's temporary files cannot be
 *  written (the cause in words: 磁盘空间不足, 没有写入权限, …).
 *  libxlsxwriter 1.1.4 (Debian 12) cannot write a workbook to memory: it
 *  writes `path` itself, its worksheet data going through tmpfile(3),
 *  which leaves no name behind. */
int xlsx_write(const unit *u, const value *facts, const char *path, diag_list *diags);

/** The 0-based sheet row that grid row 0 of `g` is written to (below the
 *  label, the title and the 编制单位 line): grid cell (r, c) stands at sheet
 *  row xlsx_grid_top(g) + r, column c (address.c). */
int xlsx_grid_top(const table_grid *g);

/** The workbook address of grid cell (row, col) of `g`, as a user finds it:
 *  "公开01表!C12" (a sheet name with a blank or an ASCII mark in quotes, as
 *  Excel writes it: "'自评表01 物业管理费'!D7"). malloc'd. `juesuan diff`
 *  names the workbook cells a correction changes with it. */
char *xlsx_cell_address(const table_grid *g, int row, int col);

/** The workbook address of the figure of item `label` of chart `id` (a key
 *  of facts "charts") on the sheet 图表: its amount ("图表!B21"), or with
 *  `share` its 占比; NULL when the chart has no such item or shows none
 *  (charts.c: the rows xlsx_write gives each chart). malloc'd. */
char *xlsx_chart_address(const value *facts, const char *id, const char *label, bool share);

#endif
