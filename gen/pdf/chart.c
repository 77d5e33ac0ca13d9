/* chart.c — draw the shapes of charts (bars, pie slices, legend boxes,
 * axis and leader lines) that gen/layout/chart.c placed on a page. */
#include "chart.h"

static void set_fill(HPDF_Page page, uint32_t c)
{
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)((c >> 16) & 0xFF) / 255, (HPDF_REAL)((c >> 8) & 0xFF) / 255,
                         (HPDF_REAL)(c & 0xFF) / 255);
}

static void set_stroke(HPDF_Page page, uint32_t c, double width)
{
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)((c >> 16) & 0xFF) / 255,
                           (HPDF_REAL)((c >> 8) & 0xFF) / 255, (HPDF_REAL)(c & 0xFF) / 255);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
}

/* The path of a shape. */
static void path(HPDF_Page page, const layout_shape *s)
{
    switch (s->kind) {
    case SHAPE_RECT:
        HPDF_Page_Rectangle(page, (HPDF_REAL)s->x, (HPDF_REAL)s->y, (HPDF_REAL)s->w, (HPDF_REAL)s->h);
        break;
    case SHAPE_SECTOR:
        if (s->a1 - s->a0 >= 360) {
            HPDF_Page_Circle(page, (HPDF_REAL)s->x, (HPDF_REAL)s->y, (HPDF_REAL)s->r);
        } else {
            /* libharu's Arc: degrees clockwise from 12 o'clock; it draws a
             * line from the current point (the centre) to the arc's start */
            HPDF_Page_MoveTo(page, (HPDF_REAL)s->x, (HPDF_REAL)s->y);
            HPDF_Page_Arc(page, (HPDF_REAL)s->x, (HPDF_REAL)s->y, (HPDF_REAL)s->r, (HPDF_REAL)s->a0,
                          (HPDF_REAL)s->a1);
            HPDF_Page_ClosePath(page);
        }
        break;
    case SHAPE_LINE:
        HPDF_Page_MoveTo(page, (HPDF_REAL)s->x, (HPDF_REAL)s->y);
        HPDF_Page_LineTo(page, (HPDF_REAL)(s->x + s->w), (HPDF_REAL)(s->y + s->h));
        break;
    }
}

void pdf_draw_shapes(HPDF_Page page, const layout_page *lp, size_t from, size_t to)
{
    if (to > lp->n_shapes) to = lp->n_shapes;
    if (from >= to) return;
    HPDF_Page_GSave(page);
    for (size_t i = from; i < to; i++) {
        const layout_shape *s = &lp->shapes[i];
        bool fill = s->fill != LAYOUT_NO_COLOUR && s->kind != SHAPE_LINE;
        bool stroke = s->stroke != LAYOUT_NO_COLOUR && s->line_width > 0;
        if (!fill && !stroke) continue;
        if (fill) set_fill(page, s->fill);
        if (stroke) set_stroke(page, s->stroke, s->line_width);
        path(page, s);
        if (fill && stroke)
            HPDF_Page_FillStroke(page);
        else if (fill)
            HPDF_Page_Fill(page);
        else
            HPDF_Page_Stroke(page);
    }
    HPDF_Page_GRestore(page);
}
