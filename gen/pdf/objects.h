/* objects.h — private to gen/pdf: the PDF objects juesuan writes itself
 * through libharu's object layer (hpdf_objects.h) instead of libharu's
 * font and text machinery: composite fonts with Identity maps over the
 * glyph IDs of an embedded TrueType program, streams compressed at a
 * chosen deflate level, raw page contents, and the file's bytes (object
 * and cross-reference streams). objects.c, save.c, meta.c (metadata)
 * and tags.c (the structure tree) are the files of the project that touch
 * libharu internals (see design/LIBHARU.md). */
#ifndef JUESUAN_PDF_OBJECTS_H
#define JUESUAN_PDF_OBJECTS_H

#include "../model/model.h"

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

/** One deflater for all the streams of a document (libdeflate's
 *  compressor of each level and the output buffer are allocated once,
 *  not once per stream). */
typedef struct pdf_deflater pdf_deflater;

/** The kinds of stream, each deflated at a level of its own (objects.c,
 *  chosen by measurement: README, "Size of the PDF"). */
typedef enum pdf_stream_kind {
    PDF_STREAM_CONTENT, /* page contents */
    PDF_STREAM_FONT,    /* font programs */
    PDF_STREAM_OBJECTS, /* object streams (save.c) */
    PDF_STREAM_OTHER    /* ToUnicode, ICC profile, cross-reference stream */
} pdf_stream_kind;

/** A deflater: every kind at its own level, or, `level` 1..12
 *  (libdeflate's levels), all at that level (JUESUAN_DEFLATE, for make
 *  bench); 0: the kinds' levels. */
pdf_deflater *pdf_deflater_new(int level);

/** Free it (NULL is fine). */
void pdf_deflater_free(pdf_deflater *z);

/** Deflate `len` bytes of `data` as a stream of kind `kind`; *out points
 *  to the result (valid until the next call), *out_len its length.
 *  Returns 0 or -1 (out of memory). */
int pdf_deflate(pdf_deflater *z, pdf_stream_kind kind, const void *data, size_t len,
                const unsigned char **out, size_t *out_len);

/** A new libharu document whose memory comes from an arena (blocks of
 *  256 KB, freed at once by pdf_obj_doc_free: libharu's thousands of
 *  small objects cost no malloc and free each); errors go to `on_error`
 *  with `user`. A second document made while one is open gets libharu's
 *  own allocator. NULL on failure. */
HPDF_Doc pdf_obj_doc_new(HPDF_Error_Handler on_error, void *user);

/** Free a document of pdf_obj_doc_new (NULL is fine). */
void pdf_obj_doc_free(HPDF_Doc pdf);

/** What a composite (Type0 / CIDFontType2, Identity-H) font object says. */
typedef struct pdf_font_desc {
    const char *base_font;          /* "HPDFAA+NotoSerifSC-Regular" */
    const unsigned char *program;   /* the TrueType font program (FontFile2) */
    size_t program_len;
    size_t n_cids;                  /* CIDs 0 .. n_cids - 1 */
    const uint16_t *widths;         /* per CID, in 1/1000 em (the /W array
                                       lists those that are not 1000) */
    const uint16_t *cid_to_gid;     /* NULL: /Identity (CID = glyph ID);
                                       else the glyph ID of each CID */
    const char *to_unicode;         /* the ToUnicode CMap program */
    size_t to_unicode_len;
    int32_t bbox[4], ascent, descent, cap_height, x_height, flags;
} pdf_font_desc;

/** A new indirect stream object holding `data` deflated by `z` (as
 *  PDF_STREAM_OTHER); NULL on failure. */
HPDF_Dict pdf_obj_stream(HPDF_Doc pdf, const void *data, size_t len, pdf_deflater *z);

/** Add the font objects of `d` to `pdf` (Type0 font, CIDFontType2, font
 *  descriptor, FontFile2, ToUnicode and, when not Identity, CIDToGIDMap),
 *  the streams deflated by `z`. Returns the Type0 font dictionary, to be
 *  named in page resources, or NULL. */
HPDF_Dict pdf_obj_font(HPDF_Doc pdf, const pdf_font_desc *d, pdf_deflater *z);

/** The deflated bytes of a stream made by pdf_obj_stream, pdf_obj_font or
 *  pdf_obj_page_set (*len set), or NULL for a stream whose bytes are in
 *  libharu's memory stream (the XMP metadata). */
const unsigned char *pdf_obj_stream_bytes(HPDF_Dict d, size_t *len);

/** Set annotation `a`'s flags to Print (/F 4), as PDF/A wants, and its
 *  /Contents (what a screen reader says for it) to UTF-8 `text`. */
void pdf_obj_annot_finish(HPDF_Doc pdf, HPDF_Annotation a, const char *text);

/** The resource name ("F1", "F2" …) of `font` on `page`, adding it to the
 *  page's /Font resources the first time; NULL on failure. */
const char *pdf_obj_page_font(HPDF_Page page, HPDF_Dict font);

/** Move what libharu's drawing functions have written to the page's
 *  content stream so far to the end of `out` (the stream is left empty).
 *  Returns 0 or -1. */
int pdf_obj_page_take(HPDF_Page page, buf *out);

/** Make `data` the page's whole content stream, deflated by `z`.
 *  Returns 0 or -1. */
int pdf_obj_page_set(HPDF_Page page, const char *data, size_t len, pdf_deflater *z);

/** The bytes of the whole document, appended to `out` (save.c), in place
 *  of libharu's HPDF_SaveToStream: the header (%PDF-1.7 and a binary
 *  comment), each stream object as it is, every other object packed into
 *  deflated object streams (ISO 32000-1 7.5.7) and a cross-reference
 *  stream (7.5.8) whose dictionary is the trailer (/Root, /Info, /ID,
 *  /Size). Objects are numbered anew in libharu's order, streams' /Length
 *  written directly (libharu's indirect length objects are left out).
 *  Every stream must already hold its final bytes (filter NONE in
 *  libharu's terms). Returns 0, or -1 when libharu or libdeflate fails. */
int pdf_obj_save(HPDF_Doc pdf, pdf_deflater *z, buf *out);

#endif
