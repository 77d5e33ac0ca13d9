/* pdf.h — gen/pdf: write a document as PDF.
 *
 * The only entry point the CLI needs: lay out the blocks (gen/layout) with
 * the style of templates/style.yaml and the fonts of fonts/fonts.yaml, and
 * write an A4 PDF: each font file the text uses cut down by HarfBuzz to the
 * glyphs used and embedded as a composite font whose CIDs are its glyph
 * IDs, with a ToUnicode map so text copies and searches correctly; page
 * numbers "— N —", an outline mirroring the headings (levels
 * 1..outline_levels of the style), and document metadata. The file is
 * PDF/A-2b (XMP metadata agreeing with the Info dictionary, an sRGB
 * OutputIntent, a trailer /ID from the content's MD5, PDF 1.7) unless
 * meta->no_pdfa, tagged (a structure tree from the layout's elements:
 * headings, paragraphs, tables, figures, the 目录; artifacts), with a link
 * on every 目录 entry and page labels equal to the printed folios. libharu
 * writes the file; juesuan builds the fonts, the content streams, the
 * metadata and the structure tree through its object layer. Output is
 * byte-identical for the same input, whatever the compiler or -O level:
 * no current time, subset tags HPDFAA+, HPDFAB+ … in face order.
 *
 * Files: pdf.c (fonts, pages, outline, links), font.c (code points,
 * hb-subset, widths, ToUnicode), content.c (text and ruled lines, marked
 * content), chart.c (chart shapes through libharu), meta.c (Info, XMP,
 * OutputIntent, /ID, viewer preferences, page labels), tags.c (the
 * structure tree), objects.c (font objects, deflated streams, page
 * contents). objects.c, meta.c and tags.c are the files that touch libharu
 * internals (hpdf_objects.h and friends; see design/LIBHARU.md).
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
    const char *keywords; /* NULL: "<subject>, <author>" */
    bool no_pdfa;         /* not PDF/A-2b: no OutputIntent, no pdfaid (the
                             ICC profile is then not needed); tagging, XMP,
                             /ID, links and page labels stay */
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

/** Keep the font files open from one pdf_write to the next in this process
 *  (`on`), for a process that writes many PDFs (a batch worker): each file
 *  is mapped and its tables read once, and opened again only when its
 *  device, inode, size or times change. Off by default: a single build
 *  closes each file once embedded, which keeps its peak memory low. */
void pdf_fonts_keep_open(bool on);

#endif
