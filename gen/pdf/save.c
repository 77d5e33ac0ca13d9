/* save.c — the bytes of the PDF (see objects.h: pdf_obj_save), written by
 * juesuan from libharu's objects instead of HPDF_SaveToStream, which
 * writes every object on its own with a classic cross-reference table (a
 * tagged document is thousands of small structure elements: 20 bytes of
 * table and some 60 of object each).
 *
 * The file: the header; the stream objects (page contents, fonts, ICC
 * profile, XMP metadata), each as libharu made it, with a direct /Length;
 * the other objects in object streams of OBJSTM_SIZE each, deflated;
 * a cross-reference stream (PNG Up predictor) whose dictionary is the
 * trailer; startxref and %%EOF. Each object is serialised by libharu's
 * own writer (HPDF_Obj_WriteValue, HPDF_Obj_Write for the entries of a
 * stream's dictionary), through a callback stream into juesuan's buffer.
 *
 * PDF/A-2b (ISO 19005-2, based on PDF 1.7) allows object and
 * cross-reference streams (PDF/A-1 did not); what it asks of the file
 * structure still holds: the header and binary comment (6.1.2), the /ID
 * in the trailer, which here is the cross-reference stream's dictionary
 * (6.1.3), no /Encrypt, nothing after %%EOF, /Length equal to the bytes
 * between "stream" + EOL and EOL + "endstream" (6.1.7.1), "obj" and
 * "endobj" on lines of their own (6.1.9). The metadata stream stays a
 * stream, unfiltered (6.6.2.1); the file is not a hybrid-reference one
 * (no classic table beside the stream).
 *
 * Deterministic: objects are numbered in libharu's order, nothing depends
 * on addresses or time. */
#include "objects.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>

/* Objects per object stream: small enough that a reader inflates little
 * to reach one object, large enough that deflate finds the repetitions
 * (100–400 give sizes within 1% on leshan-2024). */
#define OBJSTM_SIZE 200

/* libharu's object id: the object number in the low 24 bits. */
#define ID_MASK 0x00FFFFFFu

static HPDF_STATUS to_buf(HPDF_Stream s, const HPDF_BYTE *ptr, HPDF_UINT size)
{
    buf_append((buf *)s->attr, (const char *)ptr, size);
    return HPDF_OK;
}

typedef struct saver {
    HPDF_Doc pdf;
    pdf_deflater *z;
    buf *out;
    HPDF_Stream to_out; /* libharu's writer into `out` */
    buf scratch;        /* an object stream's objects, before deflate */
    HPDF_Stream to_scratch;
    size_t *offset;     /* per new object number: its offset in the file (type 1) */
    uint32_t *in_stm;   /* per new object number: its object stream, 0 if none */
    uint32_t *index;    /* per new object number: its index in that stream */
    uint32_t size;      /* new object numbers 1 .. size - 1 */
} saver;

static bool is_stream(void *obj)
{
    HPDF_Obj_Header *h = obj;
    return (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && ((HPDF_Dict)obj)->stream;
}

static uint32_t id_of(void *obj)
{
    return ((HPDF_Obj_Header *)obj)->obj_id & ID_MASK;
}

static void renumber(void *obj, uint32_t id)
{
    HPDF_Obj_Header *h = obj;
    h->obj_id = (h->obj_id & ~ID_MASK) | id;
}

/* A stream object: its dictionary's entries as libharu writes them (the
 * /Filter of write_fn last), the /Length direct, the bytes as they are. */
static int write_stream(saver *sv, HPDF_Dict d)
{
    if (d->filter != HPDF_STREAM_FILTER_NONE || d->before_write_fn) return -1;
    uint32_t id = id_of(d);
    sv->offset[id] = sv->out->len;
    buf_printf(sv->out, "%u 0 obj\n<<\n", (unsigned)id);
    HPDF_STATUS st = HPDF_OK;
    for (HPDF_UINT i = 0; i < d->list->count && st == HPDF_OK; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(d->list, i);
        HPDF_Obj_Header *h = e->value;
        if (!h || strcmp(e->key, "Length") == 0 || (h->obj_id & HPDF_OTYPE_HIDDEN)) continue;
        st = HPDF_Stream_WriteEscapeName(sv->to_out, e->key);
        if (st == HPDF_OK) st = HPDF_Stream_WriteChar(sv->to_out, ' ');
        if (st == HPDF_OK) st = HPDF_Obj_Write(e->value, sv->to_out, NULL);
        if (st == HPDF_OK) st = HPDF_Stream_WriteChar(sv->to_out, '\n');
    }
    if (st == HPDF_OK && d->write_fn) st = d->write_fn(d, sv->to_out);
    if (st != HPDF_OK) return -1;
    size_t len = HPDF_Stream_Size(d->stream);
    buf_printf(sv->out, "/Length %zu\n>>\nstream\n", len);
    for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(d->stream); i < n; i++) {
        HPDF_UINT part = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(d->stream, i, &part);
        if (!p) return -1;
        buf_append(sv->out, (const char *)p, part);
    }
    buf_puts(sv->out, "\nendstream\nendobj\n");
    return 0;
}

/* A deflated stream object `id` with dictionary entries `dict` (lines). */
static int write_deflated(saver *sv, uint32_t id, const char *dict, const void *data, size_t len,
                          pdf_stream_kind kind)
{
    const unsigned char *z = NULL;
    size_t zlen = 0;
    if (pdf_deflate(sv->z, kind, data, len, &z, &zlen) != 0) return -1;
    sv->offset[id] = sv->out->len;
    buf_printf(sv->out, "%u 0 obj\n<<\n%s/Filter /FlateDecode\n/Length %zu\n>>\nstream\n", (unsigned)id, dict, zlen);
    buf_append(sv->out, (const char *)z, zlen);
    buf_puts(sv->out, "\nendstream\nendobj\n");
    return 0;
}

/* Object stream `id` holding objects `objs[0 .. n - 1]` (new numbers). */
static int write_objstm(saver *sv, uint32_t id, void *const *objs, size_t n)
{
    buf_free(&sv->scratch);
    size_t *at = xmalloc(n * sizeof *at);
    for (size_t i = 0; i < n; i++) {
        at[i] = sv->scratch.len;
        if (HPDF_Obj_WriteValue(objs[i], sv->to_scratch, NULL) != HPDF_OK) {
            free(at);
            return -1;
        }
        buf_putc(&sv->scratch, '\n');
        sv->in_stm[id_of(objs[i])] = id;
        sv->index[id_of(objs[i])] = (uint32_t)i;
    }
    buf head = {0};
    for (size_t i = 0; i < n; i++) buf_printf(&head, "%s%u %zu", i ? " " : "", (unsigned)id_of(objs[i]), at[i]);
    buf_putc(&head, '\n');
    size_t first = head.len;
    buf_append(&head, sv->scratch.data, sv->scratch.len);
    buf dict = {0};
    buf_printf(&dict, "/Type /ObjStm\n/N %zu\n/First %zu\n", n, first);
    int rc = write_deflated(sv, id, buf_cstr(&dict), head.data, head.len, PDF_STREAM_OBJECTS);
    buf_free(&dict);
    buf_free(&head);
    free(at);
    return rc;
}

/* Append `v` as `w` big-endian bytes. */
static void put_be(unsigned char *p, uint64_t v, int w)
{
    for (int i = w - 1; i >= 0; i--, v >>= 8) p[i] = (unsigned char)(v & 0xFF);
}

/* The cross-reference stream (object `id`, the last one) and the end of
 * the file. Rows of type (1 byte), offset or object stream (w bytes),
 * generation or index (2 bytes), each row PNG-Up-predicted. */
static int write_xref(saver *sv, uint32_t id, uint32_t root, uint32_t info)
{
    sv->offset[id] = sv->out->len;
    uint64_t max = sv->out->len > sv->size ? sv->out->len : sv->size;
    int w = 1;
    while (w < 8 && (max >> (8 * w))) w++;
    size_t cols = 1 + (size_t)w + 2, rows = sv->size;
    unsigned char *raw = xcalloc(rows, cols), *pred = xmalloc(rows * (cols + 1));
    for (uint32_t i = 0; i < rows; i++) {
        unsigned char *r = raw + i * cols;
        if (i == 0) { /* the head of the free list */
            put_be(r + 1 + w, 65535, 2);
        } else if (sv->in_stm[i]) {
            r[0] = 2;
            put_be(r + 1, sv->in_stm[i], w);
            put_be(r + 1 + w, sv->index[i], 2);
        } else {
            r[0] = 1;
            put_be(r + 1, sv->offset[i], w);
        }
        unsigned char *p = pred + i * (cols + 1);
        p[0] = 2; /* PNG Up */
        for (size_t c = 0; c < cols; c++) p[1 + c] = (unsigned char)(r[c] - (i ? r[c - cols] : 0));
    }
    buf dict = {0};
    buf_printf(&dict, "/Type /XRef\n/Size %u\n/W [1 %d 2]\n/Root %u 0 R\n", (unsigned)rows, w, (unsigned)root);
    if (info) buf_printf(&dict, "/Info %u 0 R\n", (unsigned)info);
    HPDF_Array ids = HPDF_Dict_GetItem(sv->pdf->trailer, "ID", HPDF_OCLASS_ARRAY);
    int rc = 0;
    if (ids) {
        HPDF_Stream to_dict = HPDF_CallbackWriter_New(sv->pdf->mmgr, to_buf, &dict);
        buf_puts(&dict, "/ID ");
        rc = to_dict && HPDF_Obj_Write(ids, to_dict, NULL) == HPDF_OK ? 0 : -1;
        buf_putc(&dict, '\n');
        if (to_dict) HPDF_Stream_Free(to_dict);
    }
    buf_printf(&dict, "/DecodeParms << /Columns %zu /Predictor 12 >>\n", cols);
    if (rc == 0) rc = write_deflated(sv, id, buf_cstr(&dict), pred, rows * (cols + 1), PDF_STREAM_OTHER);
    if (rc == 0) buf_printf(sv->out, "startxref\n%zu\n%%%%EOF\n", sv->offset[id]);
    buf_free(&dict);
    free(raw);
    free(pred);
    return rc;
}

int pdf_obj_save(HPDF_Doc pdf, pdf_deflater *z, buf *out)
{
    HPDF_Xref xref = pdf->xref;
    if (xref->prev || xref->start_offset != 0) return -1; /* one section, as HPDF_New makes it */
    HPDF_UINT count = xref->entries->count;
    /* libharu's indirect /Length numbers are written directly instead */
    bool *length = xcalloc(count + 1, sizeof *length);
    size_t n_streams = 0;
    for (HPDF_UINT i = 1; i < count; i++) {
        HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, i);
        if (!is_stream(e->obj)) continue;
        n_streams++;
        HPDF_Number len = HPDF_Dict_GetItem(e->obj, "Length", HPDF_OCLASS_NUMBER);
        if (len && id_of(len) < count) length[id_of(len)] = true;
    }
    /* new numbers: the other objects, then the streams, in libharu's order */
    void **objs = xmalloc((count + 1) * sizeof *objs), **streams = xmalloc((n_streams + 1) * sizeof *streams);
    size_t n_objs = 0, k = 0;
    for (HPDF_UINT i = 1; i < count; i++) {
        void *o = HPDF_Xref_GetEntry(xref, i)->obj;
        if (length[i]) continue;
        if (is_stream(o))
            streams[k++] = o;
        else
            objs[n_objs++] = o;
    }
    uint32_t next = 1;
    for (size_t i = 0; i < n_objs; i++) renumber(objs[i], next++);
    for (size_t i = 0; i < k; i++) renumber(streams[i], next++);
    size_t n_stm = (n_objs + OBJSTM_SIZE - 1) / OBJSTM_SIZE;
    saver sv = {pdf, z, out, NULL, {0}, NULL, NULL, NULL, NULL, (uint32_t)(next + n_stm + 1)};
    sv.offset = xcalloc(sv.size, sizeof *sv.offset);
    sv.in_stm = xcalloc(sv.size, sizeof *sv.in_stm);
    sv.index = xcalloc(sv.size, sizeof *sv.index);
    sv.to_out = HPDF_CallbackWriter_New(pdf->mmgr, to_buf, out);
    sv.to_scratch = HPDF_CallbackWriter_New(pdf->mmgr, to_buf, &sv.scratch);
    int rc = sv.to_out && sv.to_scratch ? 0 : -1;
    /* PDF 1.7 (object streams need 1.5; PDF/A-2 allows up to 1.7) and a
     * comment of four bytes above 127 */
    if (rc == 0) buf_puts(out, "%PDF-1.7\n%\267\276\255\252\n");
    for (size_t i = 0; i < k && rc == 0; i++) rc = write_stream(&sv, streams[i]);
    for (size_t s = 0; s < n_stm && rc == 0; s++) {
        size_t from = s * OBJSTM_SIZE, m = n_objs - from < OBJSTM_SIZE ? n_objs - from : OBJSTM_SIZE;
        rc = write_objstm(&sv, next + (uint32_t)s, objs + from, m);
    }
    if (rc == 0)
        rc = write_xref(&sv, next + (uint32_t)n_stm, id_of(pdf->catalog), pdf->info ? id_of(pdf->info) : 0);
    if (sv.to_out) HPDF_Stream_Free(sv.to_out);
    if (sv.to_scratch) HPDF_Stream_Free(sv.to_scratch);
    buf_free(&sv.scratch);
    free(sv.offset);
    free(sv.in_stm);
    free(sv.index);
    free(objs);
    free(streams);
    free(length);
    return rc;
}
