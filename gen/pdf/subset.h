/* subset.h — private to gen/pdf: hand libharu fonts already cut down to
 * the glyphs a document uses (HarfBuzz hb-subset). */
#ifndef JUESUAN_PDF_SUBSET_H
#define JUESUAN_PDF_SUBSET_H

#include "../layout/layout.h"

#include <hpdf.h>

/** Whether fonts are subset before embedding: yes, unless the environment
 *  says JUESUAN_SUBSET=0 (for `make bench`, to show what it saves). */
bool pdf_subset_enabled(void);

/** The code points the spans of `r` set in any face that `cfg` serves from
 *  the same file as `face` (sorted, unique, malloc'd; *n set). 'H' and 'x'
 *  are included: libharu measures the cap and x heights on them. */
uint32_t *pdf_font_codepoints(const layout_result *r, const layout_config *cfg, font_face face,
                              size_t *n);

/** Subset the face at `path` (`index` inside a .ttc) to the glyphs of the
 *  `n` code points (glyf outlines kept; only the tables libharu embeds),
 *  and write it to a new temporary file; returns its malloc'd path (the
 *  caller loads and unlinks it), or NULL after a diagnostic. The bytes
 *  depend only on the font and the code points. */
char *pdf_font_subset(const char *path, int index, const uint32_t *cps, size_t n,
                      diag_list *diags);

/** Load face `face` into `pdf` for the spans of `r` (subset when enabled,
 *  the whole file otherwise); returns libharu's font name or NULL. */
const char *pdf_load_face(HPDF_Doc pdf, const layout_result *r, const layout_config *cfg,
                          font_face face, diag_list *diags);

#endif
