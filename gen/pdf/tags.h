/* tags.h — private to gen/pdf: tagged PDF. The page contents mark each
 * run of text and each chart's shapes as a marked-content sequence
 * (BDC … EMC) with a marked-content ID of the page, or as an /Artifact
 * (page numbers, ruled lines, repeated table headers); the structure tree
 * (StructTreeRoot → Document → the layout's elements: H1–H4, P, Table/TR/
 * TH/TD, Figure with /Alt, TOC/TOCI/Link) refers to those IDs, its
 * ParentTree maps them back, and the catalog says /MarkInfo << /Marked
 * true >> and /Lang (zh-CN). The roles come from gen/layout
 * (layout_elem). */
#ifndef JUESUAN_PDF_TAGS_H
#define JUESUAN_PDF_TAGS_H

#include "../layout/layout.h"

#include <hpdf.h>

typedef struct pdf_tags pdf_tags;

/** The tags of laid-out document `r` (nothing marked yet). */
pdf_tags *pdf_tags_new(const layout_result *r);

/** Free them (NULL is fine). */
void pdf_tags_free(pdf_tags *t);

/** Append to `out` the start of a marked-content sequence on page `page`
 *  for element `elem` (layout_span.elem; 0 or `t` NULL: an artifact). */
void pdf_tags_open(pdf_tags *t, size_t page, int elem, buf *out);

/** Append the end of the sequence (EMC). */
void pdf_tags_close(buf *out);

/** Make link annotation `annot` on page `page` part of element `elem` (a
 *  ROLE_LINK). */
void pdf_tags_annot(pdf_tags *t, size_t page, int elem, HPDF_Annotation annot);

/** Write the structure tree, the pages' /StructParents and the catalog's
 *  /MarkInfo and /Lang. `pages` are the document's pages in order.
 *  Returns 0, or 3 when libharu fails. */
int pdf_tags_write(pdf_tags *t, HPDF_Doc pdf, const HPDF_Page *pages);

#endif
