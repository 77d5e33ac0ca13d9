/* chart.h — private to gen/pdf: drawing the shapes of charts. */
#ifndef JUESUAN_PDF_CHART_H
#define JUESUAN_PDF_CHART_H

#include "../layout/layout.h"

#include <hpdf.h>

/** Fill and stroke the page's chart shapes (layout_page.shapes) from index
 *  `from` to before `to`, in order,
 *  inside a saved graphics state (the text drawn afterwards stays black).
 *  Nothing is drawn when the page has none. */
void pdf_draw_shapes(HPDF_Page page, const layout_page *lp, size_t from, size_t to);

#endif
