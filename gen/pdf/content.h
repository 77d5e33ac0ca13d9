/* content.h — private to gen/pdf: page content streams written by
 * juesuan: the text (glyph IDs of the embedded fonts, font.h) and the
 * ruled lines of tables, with numbers to 1/1000 pt. */
#ifndef JUESUAN_PDF_CONTENT_H
#define JUESUAN_PDF_CONTENT_H

#include "../layout/layout.h"
#include "font.h"
#include "tags.h"

#include <hpdf.h>

/** Append the page's ruled lines (layout_page.rules), an artifact: black, projecting
 *  caps, one path per line width, collinear pieces that touch or overlap
 *  joined into one line (the same ink in a fraction of the operators).
 *  Nothing when the page has none. */
void pdf_content_rules(buf *out, const layout_page *lp);

/** Append the page's text (layout_page.spans) as one text object, each
 *  span set in font[span.face] (named in `page`'s resources), each run of
 *  spans of one structure element a marked-content sequence of page
 *  `index` in `tags`. Returns 0, or -1 when libharu cannot add a font
 *  resource. */
int pdf_content_text(buf *out, HPDF_Page page, const layout_page *lp,
                     pdf_font *const font[FACE_COUNT], pdf_tags *tags, size_t index);

#endif
