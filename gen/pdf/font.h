/* font.h — private to gen/pdf: the fonts of a document, embedded by
 * juesuan itself. Each font file a document uses is cut down by HarfBuzz
 * (hb-subset, in memory) to the glyphs of the code points the document
 * sets, and written as a composite font whose CIDs are the subset's glyph
 * IDs (CIDToGIDMap /Identity, so no map is built or stored), with the /W
 * widths of those glyphs and a ToUnicode CMap from each glyph back to its
 * code point (so text copies and searches as before). After
 * pdf_fonts_keep_open (a batch worker) the font files stay open
 * (HarfBuzz's faces) for the next PDF the process writes, as long as each
 * file is unchanged (file_stamp). */
#ifndef JUESUAN_PDF_FONT_H
#define JUESUAN_PDF_FONT_H

#include "../layout/layout.h"
#include "objects.h"

#include <hpdf.h>

/** A set of BMP code points (one bit each). */
typedef struct pdf_cpset {
    uint64_t bits[1024];
} pdf_cpset;

/** In one pass over the spans of `r`, add each code point to the set of
 *  its face's font file: sets[owner[face]], where owner[f] is the first
 *  face that `cfg` serves from the same file as f (filled in here). */
void pdf_collect_codepoints(const layout_result *r, const layout_config *cfg, pdf_cpset *sets,
                            int owner[FACE_COUNT]);

/** An embedded font. */
typedef struct pdf_font {
    HPDF_Dict dict; /* the Type0 font object (named in page resources) */
    uint16_t *cid;  /* BMP code point -> CID (65536 entries; 0: not set) */
} pdf_font;

/** Whether the subset fonts get glyph IDs of their own (0, 1, 2 … in the
 *  order of the font file): yes, unless the environment says
 *  JUESUAN_SUBSET=0, which keeps the font file's glyph IDs (and all its
 *  glyph slots, the unused ones empty: what libharu alone embedded; for
 *  the tests that compare the text of both). */
bool pdf_subset_enabled(void);

/** Embed the face at `path` (`index` inside a .ttc) for the code points of
 *  `set` into `pdf`, subset (tagged HPDFAA+, HPDFAB+ … by `tag`; with the
 *  file's glyph IDs unless `subset`), streams deflated by `z`. Returns 0, or 3 after a diagnostic
 *  (the file cannot be read, HarfBuzz or libharu fails). The bytes depend
 *  only on the font file, the code points, `tag` and the deflate level. */
int pdf_font_embed(HPDF_Doc pdf, const char *path, int index, const pdf_cpset *set, bool subset,
                   int tag, pdf_deflater *z, pdf_font *out, diag_list *diags);

/** Append UTF-8 `text` as a PDF literal string of the font's 2-byte codes. */
void pdf_font_encode(const pdf_font *f, const char *text, buf *out);

/** Free what pdf_font_embed allocated (libharu's objects go with the
 *  document). */
void pdf_font_free(pdf_font *f);

#endif
