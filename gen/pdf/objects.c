/* objects.c — PDF objects built through libharu's object layer (see
 * objects.h and design/LIBHARU.md): composite fonts with Identity maps,
 * streams juesuan deflates itself, page contents written whole. With
 * meta.c and tags.c, the files of the project that use libharu internals
 * (hpdf_objects.h, hpdf_streams.h, hpdf_pages.h, hpdf_doc.h): keep them small.
 *
 * libharu 2.3.0 deflates every stream at zlib's default level and has no
 * setting for it; juesuan deflates each stream with libdeflate (one call
 * per whole buffer, faster than zlib at the same or a better ratio) at a
 * level of its kind; a stream handed over already deflated gets the filter
 * NONE (libharu then copies the bytes and drops any /Filter entry) and
 * names its filter through the dictionary's write hook, which libharu
 * calls after the other entries. */
#include "objects.h"

#include <hpdf_doc.h>
#include <hpdf_mmgr.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <libdeflate.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * libharu's memory: an arena per document
 * ---------------------------------------------------------------------- */

#define ARENA_BLOCK (256 * 1024)

typedef struct arena_block {
    struct arena_block *next;
    size_t used, size;
    max_align_t data[]; /* aligned for anything libharu keeps there */
} arena_block;

/* The blocks of the document being made in this thread (libharu's
 * allocator takes no user pointer). */
static _Thread_local arena_block *arena;
static _Thread_local bool arena_open;

static void *HPDF_STDCALL arena_alloc(HPDF_UINT size)
{
    size_t n = ((size_t)size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!arena || arena->size - arena->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        arena_block *b = malloc(sizeof *b + cap);
        if (!b) return NULL; /* libharu reports HPDF_FAILD_TO_ALLOC_MEM */
        b->next = arena;
        b->used = 0;
        b->size = cap;
        arena = b;
    }
    void *p = (char *)arena->data + arena->used;
    arena->used += n;
    return p;
}

static void HPDF_STDCALL arena_free(void *p)
{
    (void)p; /* everything goes with the arena */
}

static void arena_release(void)
{
    while (arena) {
        arena_block *next = arena->next;
        free(arena);
        arena = next;
    }
    arena_open = false;
}

HPDF_Doc pdf_obj_doc_new(HPDF_Error_Handler on_error, void *user)
{
    if (arena_open) return HPDF_New(on_error, user);
    arena_open = true;
    HPDF_Doc pdf = HPDF_NewEx(on_error, arena_alloc, arena_free, 0, user);
    if (!pdf) arena_release();
    return pdf;
}

void pdf_obj_doc_free(HPDF_Doc pdf)
{
    if (!pdf) return;
    if (pdf->mmgr->alloc_fn != arena_alloc) {
        HPDF_Free(pdf);
        return;
    }
    /* every byte libharu holds is in the arena (juesuan gives it no file
     * and no font of its own to open): no walk over its objects */
    arena_release();
}

static HPDF_STATUS write_flate(HPDF_Dict d, HPDF_Stream s)
{
    (void)d;
    return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* The level of each kind (pdf_stream_kind), chosen by measurement on
 * leshan-2024 (README, "Size of the PDF": libdeflate's levels 1..12 and
 * zlib's 1..9 per kind, instructions under callgrind against bytes): each
 * kind at the last level before the bytes saved per instruction fall off
 * (below some 300 bytes per million instructions). For all four that is
 * 6: levels 2–4 save little over 1, 5 and 6 save most (the object streams
 * 16% of their bytes), 7–9 a few hundred bytes for 15–300% more work, and
 * 10–12 (libdeflate's optimal parsing) 1–10% for 3–10 times the work. */
static const int kind_level[] = {
    [PDF_STREAM_CONTENT] = 6,
    [PDF_STREAM_FONT] = 6,
    [PDF_STREAM_OBJECTS] = 6,
    [PDF_STREAM_OTHER] = 6,
};

#define MAX_LEVEL 12

struct pdf_deflater {
    struct libdeflate_compressor *c[MAX_LEVEL + 1]; /* per level, made when first needed */
    int force; /* 1..12: every kind at this level; 0: kind_level */
    unsigned char *out;
    size_t cap;
};

pdf_deflater *pdf_deflater_new(int level)
{
    pdf_deflater *z = xcalloc(1, sizeof *z);
    z->force = level >= 1 && level <= MAX_LEVEL ? level : 0;
    return z;
}

void pdf_deflater_free(pdf_deflater *z)
{
    if (!z) return;
    for (int i = 0; i <= MAX_LEVEL; i++)
        if (z->c[i]) libdeflate_free_compressor(z->c[i]);
    free(z->out);
    free(z);
}

int pdf_deflate(pdf_deflater *z, pdf_stream_kind kind, const void *data, size_t len,
                const unsigned char **out, size_t *out_len)
{
    int level = z->force ? z->force : kind_level[kind];
    if (!z->c[level] && !(z->c[level] = libdeflate_alloc_compressor(level))) return -1;
    size_t need = libdeflate_zlib_compress_bound(z->c[level], len);
    if (need > z->cap) {
        free(z->out);
        z->out = xmalloc(need);
        z->cap = need;
    }
    size_t n = libdeflate_zlib_compress(z->c[level], data, len, z->out, z->cap);
    if (n == 0) return -1; /* cannot happen within the bound */
    *out = z->out;
    *out_len = n;
    return 0;
}

/* The deflated bytes of a stream, kept beside libharu's memory stream
 * (which copies byte by byte into 4 KB pieces) in the dictionary's attr. */
typedef struct stream_bytes {
    size_t len;
    unsigned char data[];
} stream_bytes;

static void free_bytes(HPDF_Dict d)
{
    HPDF_FreeMem(d->mmgr, d->attr);
    d->attr = NULL;
}

const unsigned char *pdf_obj_stream_bytes(HPDF_Dict d, size_t *len)
{
    if (d->free_fn != free_bytes || !d->attr) return NULL;
    const stream_bytes *b = d->attr;
    *len = b->len;
    return b->data;
}

/* Make `data` deflated by `z` the data of stream dictionary `d`. */
static int put_deflated(HPDF_Dict d, const void *data, size_t len, pdf_deflater *z, pdf_stream_kind kind)
{
    const unsigned char *bytes = NULL;
    size_t n = 0;
    if (pdf_deflate(z, kind, data, len, &bytes, &n) != 0 || n > 0x7FFFFFFF || d->free_fn) return -1;
    stream_bytes *b = HPDF_GetMem(d->mmgr, (HPDF_UINT)(sizeof *b + n));
    if (!b) return -1;
    b->len = n;
    memcpy(b->data, bytes, n);
    HPDF_MemStream_FreeData(d->stream);
    d->attr = b;
    d->free_fn = free_bytes;
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = write_flate;
    return 0;
}

/* A new indirect stream object holding `data` deflated by `z`. */
static HPDF_Dict new_stream(HPDF_Doc pdf, const void *data, size_t len, pdf_deflater *z,
                            pdf_stream_kind kind)
{
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    return d && put_deflated(d, data, len, z, kind) == 0 ? d : NULL;
}

HPDF_Dict pdf_obj_stream(HPDF_Doc pdf, const void *data, size_t len, pdf_deflater *z)
{
    return new_stream(pdf, data, len, z, PDF_STREAM_OTHER);
}

static HPDF_Dict new_indirect_dict(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    return d && HPDF_Xref_Add(pdf->xref, d) == HPDF_OK ? d : NULL;
}

/* The /W array: "c [w …]" for each run of consecutive CIDs whose width is
 * not the default 1000. */
static HPDF_Array widths_array(HPDF_Doc pdf, const pdf_font_desc *d)
{
    HPDF_Array w = HPDF_Array_New(pdf->mmgr);
    HPDF_Array run = NULL;
    HPDF_STATUS st = w ? HPDF_OK : 1;
    for (size_t c = 0; c < d->n_cids && st == HPDF_OK; c++) {
        if (d->widths[c] == 1000) {
            run = NULL;
            continue;
        }
        if (!run) {
            run = HPDF_Array_New(pdf->mmgr);
            st = run ? HPDF_Array_AddNumber(w, (HPDF_INT32)c) : 1;
            if (st == HPDF_OK) st = HPDF_Array_Add(w, run);
        }
        if (st == HPDF_OK) st = HPDF_Array_AddNumber(run, d->widths[c]);
    }
    return st == HPDF_OK ? w : NULL;
}

static HPDF_Dict descriptor(HPDF_Doc pdf, const pdf_font_desc *d, pdf_deflater *z)
{
    HPDF_Dict fd = new_indirect_dict(pdf);
    HPDF_Array box = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict file = new_stream(pdf, d->program, d->program_len, z, PDF_STREAM_FONT);
    if (!fd || !box || !file) return NULL;
    HPDF_STATUS st = HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
    st |= HPDF_Dict_AddName(fd, "FontName", d->base_font);
    st |= HPDF_Dict_AddNumber(fd, "Flags", d->flags);
    for (int i = 0; i < 4; i++) st |= HPDF_Array_AddNumber(box, d->bbox[i]);
    st |= HPDF_Dict_Add(fd, "FontBBox", box);
    st |= HPDF_Dict_AddNumber(fd, "ItalicAngle", 0);
    st |= HPDF_Dict_AddNumber(fd, "Ascent", d->ascent);
    st |= HPDF_Dict_AddNumber(fd, "Descent", d->descent);
    st |= HPDF_Dict_AddNumber(fd, "CapHeight", d->cap_height);
    st |= HPDF_Dict_AddNumber(fd, "XHeight", d->x_height);
    st |= HPDF_Dict_AddNumber(fd, "StemV", 0);
    st |= HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)d->program_len);
    st |= HPDF_Dict_Add(fd, "FontFile2", file);
    return st == HPDF_OK ? fd : NULL;
}

/* The CIDFontType2 dictionary. */
static HPDF_Dict cid_font(HPDF_Doc pdf, const pdf_font_desc *d, pdf_deflater *z)
{
    HPDF_Dict cf = new_indirect_dict(pdf);
    HPDF_Dict info = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict fd = descriptor(pdf, d, z);
    HPDF_Array w = widths_array(pdf, d);
    if (!cf || !info || !fd || !w) return NULL;
    HPDF_STATUS st = HPDF_Dict_AddName(cf, "Type", "Font");
    st |= HPDF_Dict_AddName(cf, "Subtype", "CIDFontType2");
    st |= HPDF_Dict_AddName(cf, "BaseFont", d->base_font);
    st |= HPDF_Dict_Add(info, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL));
    st |= HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
    st |= HPDF_Dict_AddNumber(info, "Supplement", 0);
    st |= HPDF_Dict_Add(cf, "CIDSystemInfo", info);
    st |= HPDF_Dict_Add(cf, "FontDescriptor", fd);
    st |= HPDF_Dict_AddNumber(cf, "DW", 1000);
    st |= HPDF_Dict_Add(cf, "W", w);
    if (!d->cid_to_gid) {
        st |= HPDF_Dict_AddName(cf, "CIDToGIDMap", "Identity");
    } else {
        unsigned char *map = xmalloc(d->n_cids * 2 + 1);
        for (size_t c = 0; c < d->n_cids; c++) {
            map[2 * c] = (unsigned char)(d->cid_to_gid[c] >> 8);
            map[2 * c + 1] = (unsigned char)(d->cid_to_gid[c] & 0xFF);
        }
        HPDF_Dict s = new_stream(pdf, map, d->n_cids * 2, z, PDF_STREAM_OTHER);
        free(map);
        st |= s ? HPDF_Dict_Add(cf, "CIDToGIDMap", s) : 1;
    }
    return st == HPDF_OK ? cf : NULL;
}

HPDF_Dict pdf_obj_font(HPDF_Doc pdf, const pdf_font_desc *d, pdf_deflater *z)
{
    HPDF_Dict font = new_indirect_dict(pdf);
    HPDF_Array desc = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict cf = cid_font(pdf, d, z);
    HPDF_Dict cmap = new_stream(pdf, d->to_unicode, d->to_unicode_len, z, PDF_STREAM_OTHER);
    if (!font || !desc || !cf || !cmap) return NULL;
    HPDF_STATUS st = HPDF_Dict_AddName(font, "Type", "Font");
    st |= HPDF_Dict_AddName(font, "Subtype", "Type0");
    st |= HPDF_Dict_AddName(font, "BaseFont", d->base_font);
    st |= HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    st |= HPDF_Array_Add(desc, cf);
    st |= HPDF_Dict_Add(font, "DescendantFonts", desc);
    st |= HPDF_Dict_Add(font, "ToUnicode", cmap);
    return st == HPDF_OK ? font : NULL;
}

void pdf_obj_annot_finish(HPDF_Doc pdf, HPDF_Annotation a, const char *text)
{
    HPDF_Dict_AddNumber(a, "F", 4);
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    if (text && utf8) HPDF_Dict_Add(a, "Contents", HPDF_String_New(pdf->mmgr, text, utf8));
}

const char *pdf_obj_page_font(HPDF_Page page, HPDF_Dict font)
{
    return HPDF_Page_GetLocalFontName(page, font);
}

int pdf_obj_page_take(HPDF_Page page, buf *out)
{
    HPDF_PageAttr a = (HPDF_PageAttr)page->attr;
    HPDF_Stream s = a->stream;
    HPDF_UINT n = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < n; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (!p) return -1;
        buf_append(out, (const char *)p, len);
    }
    HPDF_MemStream_FreeData(s);
    return 0;
}

int pdf_obj_page_set(HPDF_Page page, const char *data, size_t len, pdf_deflater *z)
{
    HPDF_PageAttr a = (HPDF_PageAttr)page->attr;
    return put_deflated(a->contents, data, len, z, PDF_STREAM_CONTENT);
}
