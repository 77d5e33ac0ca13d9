/* meta.h — private to gen/pdf: what a PDF says about itself. The document
 * information and the same in XMP metadata (dates at +08:00), PDF/A-2b's
 * identification and sRGB OutputIntent, the trailer /ID, PDF 1.7, the
 * viewer preferences (open with the outline, the title in the window bar)
 * and page labels equal to the printed folios. */
#ifndef JUESUAN_PDF_META_H
#define JUESUAN_PDF_META_H

#include "../layout/layout.h"
#include "objects.h"
#include "pdf.h"

#include <hpdf.h>

/** The ICC profile of the PDF/A OutputIntent: sRGB IEC61966-2.1 as Debian's
 *  icc-profiles-free installs it (2.5 KB deflated); JUESUAN_ICC_PATH at
 *  build time may name another. */
#ifndef JUESUAN_ICC_PATH
#define JUESUAN_ICC_PATH "/usr/share/color/icc/sRGB.icc"
#endif

/** An MD5 of the document's content, for the trailer /ID. */
typedef struct pdf_digest pdf_digest;

/** A new digest (of nothing yet). */
pdf_digest *pdf_digest_new(void);

/** Add `len` bytes to it. */
void pdf_digest_add(pdf_digest *d, const void *data, size_t len);

/** Free it (NULL is fine). */
void pdf_digest_free(pdf_digest *d);

/** Write the document information, the XMP metadata stream (with the
 *  number of pages as xmpTPg:NPages) and, unless
 *  meta->no_pdfa, the PDF/A identification and the sRGB OutputIntent
 *  (read from JUESUAN_ICC_PATH); the trailer /ID from `digest` (with the
 *  metadata added to it); PDF version 1.7; /PageMode /UseOutlines and
 *  /ViewerPreferences << /DisplayDocTitle true >>; page labels from the
 *  pages' printed numbers (unnumbered pages before them: i, ii …).
 *  Returns 0, ENV_FAILURE when the ICC profile cannot be read (a
 *  diagnostic names it), 3 when libharu fails. */
int pdf_meta_write(HPDF_Doc pdf, const layout_result *r, const pdf_meta *meta, pdf_digest *digest,
                   pdf_deflater *z, diag_list *diags);

#endif
