/* xlsx.h — gen/xlsx: the appendix tables (附表) as one XLSX workbook.
 *
 * One sheet per table spec, in official order: the 公开NN表 label, the title
 * (merged, centred), the 编制单位 and 单位：万元 line, the header block with
 * merged cells from the spec's column groups, the rows (fixed rows in spec
 * order — two-sided forms side by side with their totals aligned — or the
 * subject rows as given), numbers as numbers in #,##0.00 (blank cells stay
 * blank), thin borders, the spec's notes (or its empty-table note). Print
 * setup: A4, fit to one page wide, header rows repeated; header frozen.
 * The creation time is the unit's 公开时间, so the bytes are the same on
 * every build.
 */
#ifndef JUESUAN_XLSX_H
#define JUESUAN_XLSX_H

#include "../facts/facts.h"

/** Write the workbook of `u` to `path` (the caller renames it into place).
 *  `facts` supplies the values the notes' Mustache refers to. Returns 0, 1
 *  for bad input (a note that does not render), 3 for a library failure. */
int xlsx_write(const unit *u, const value *facts, const char *path, diag_list *diags);

#endif
