/* table.h — private to gen/pdf: drawing the ruled lines of appendix tables. */
#ifndef JUESUAN_PDF_TABLE_H
#define JUESUAN_PDF_TABLE_H

#include "../layout/layout.h"

#include <hpdf.h>

/** Stroke the page's ruled lines (layout_page.rules), black, in one path
 *  per line width. Nothing is drawn when the page has none. */
void pdf_draw_rules(HPDF_Page page, const layout_page *lp);

#endif
