/* table.c — the ruled lines of appendix tables (the cell borders that
 * gen/layout/table.c placed). */
#include "table.h"

void pdf_draw_rules(HPDF_Page page, const layout_page *lp)
{
    if (lp->n_rules == 0) return;
    HPDF_Page_GSave(page);
    HPDF_Page_SetRGBStroke(page, 0, 0, 0);
    HPDF_Page_SetLineCap(page, HPDF_PROJECTING_SCUARE_END); /* corners meet cleanly */
    double width = -1;
    for (size_t i = 0; i < lp->n_rules; i++) {
        const layout_rule *r = &lp->rules[i];
        if (r->width != width) {
            if (width >= 0) HPDF_Page_Stroke(page);
            width = r->width;
            HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
        }
        HPDF_Page_MoveTo(page, (HPDF_REAL)r->x0, (HPDF_REAL)r->y0);
        HPDF_Page_LineTo(page, (HPDF_REAL)r->x1, (HPDF_REAL)r->y1);
    }
    HPDF_Page_Stroke(page);
    HPDF_Page_GRestore(page);
}
