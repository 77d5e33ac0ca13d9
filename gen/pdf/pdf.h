/* pdf.h — gen/pdf: write a document as PDF with libharu.
 *
 * The only entry point the CLI needs: lay out the blocks (gen/layout) with
 * the style of templates/style.yaml and the fonts of fonts/fonts.yaml, and
 * write an A4 PDF with the fonts embedded (a face only when some text uses
 * it, cut down by HarfBuzz to the glyphs used before libharu embeds it:
 * libharu 2.3.0 alone keeps only the used glyphs' outlines but copies the
 * other font tables whole), a repaired ToUnicode map so text copies and
 * searches correctly, page numbers "— N —", an outline mirroring the
 * headings (levels 1..outline_levels of the style), and document metadata.
 * Output is byte-identical for the same input: no current time, no /ID,
 * subset tags HPDFAA+, HPDFAB+ … in face order.
 *
 * Files: pdf.c (fonts, pages, outline, metadata), subset.c (hb-subset),
 * chart.c (chart shapes), tounicode.c (the one file that touches libharu
 * internals: ToUnicode and font-name repairs).
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
 *  Returns 0 on success, 1 for bad input (a character no font has: the
 *  diagnostic names it, its U+XXXX and the block's position; a table or
 *  chart block without its data; a font file gone missing), 3 for an
 *  internal failure (a libharu error, told in words with its code), 4
 *  (ENV_FAILURE) when the file cannot be written (磁盘空间不足, 没有写入权限
 *  …: the PDF is made in memory and written by juesuan, so the cause is
 *  known) or memory runs out. On
 *  failure nothing is written to `path` (a partly written file is
 *  removed). `meta` may be NULL. */
int pdf_write(const doc *d, const layout_config *cfg, const pdf_meta *meta,
              const char *path, diag_list *diags);

#endif
