/* pdf.h — gen/pdf: write a document as PDF with libharu.
 *
 * The only entry point the CLI needs: lay out the blocks (gen/layout) with
 * the style of templates/style.yaml and the fonts of fonts/fonts.yaml, and
 * write an A4 PDF with the fonts embedded (only used glyphs), a repaired
 * ToUnicode map so text copies and searches correctly, page numbers
 * "— N —", an outline mirroring the headings, and document metadata.
 * Output is byte-identical for the same input (no current time).
 */
#ifndef JUESUAN_PDF_H
#define JUESUAN_PDF_H

#include "../doc/doc.h"
#include "../layout/layout.h"

typedef struct pdf_meta {
    const char *title;    /* e.g. "乐山市人力资源和社会保障局（机关）2024年度单位决算" */
    const char *author;   /* the unit's name */
    const char *subject;  /* e.g. "2024年度单位决算公开" */
    int year, month, day; /* creation date taken from the input (公开时间); 0 = none */
} pdf_meta;

/** Write `d` as a PDF to `path` (the caller renames it into place).
 *  Returns 0 on success, 1 for bad input (a character no font has, a font
 *  file missing; the diagnostic names it), 3 for an internal failure. */
int pdf_write(const doc *d, const layout_config *cfg, const pdf_meta *meta,
              const char *path, diag_list *diags);

#endif
