/* tounicode.h — private to gen/pdf: repair what libharu 2.3.0 writes for a
 * UTF-8 (Identity-H) TrueType font. The only file of the project that
 * touches libharu internals is tounicode.c. */
#ifndef JUESUAN_PDF_TOUNICODE_H
#define JUESUAN_PDF_TOUNICODE_H

#include <hpdf.h>

/** Repair a font returned by HPDF_GetFont(pdf, name, "UTF-8"):
 *  - /ToUnicode: libharu stores its encoding CMap there (poppler: "Invalid
 *    'begincidrange' operator in ToUnicode CMap"); replace its contents with
 *    a valid CMapType 2 identity map (codes are the BMP code points, so
 *    <XX00> <XXFF> <XX00> bfrange lines, surrogates left out);
 *  - the descendant font's CIDSystemInfo /Ordering "Identity-H" becomes
 *    "Identity" (Adobe-Identity-0, as Identity-H requires);
 *  - the ",Bold" libharu appends to a bold face's BaseFont (a request to
 *    simulate bold, meant for fonts that are not embedded) is dropped.
 *  Returns 0, or -1 when the font dictionary is not as expected. */
int pdf_font_repair(HPDF_Font font);

#endif
