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
 * trailer; startxref and %%EOF. Objects are serialised here —
 * dictionaries, arrays, names, integers, booleans and references, the
 * bulk of a structure tree, without the white space libharu puts between
 * tokens — and by libharu's writer (HPDF_Obj_WriteValue, through a
 * callback stream into the same buffer) where it has more to do:
 * strings, reals, names with characters to escape, dictionaries with
 * hooks (pages, the page tree, outlines). Through libharu alone each
 * value cost a chain of calls and a callback per token: a third of
 * pdf_obj_save.
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
#include <hpdf_utils.h>
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

/* Bytes on their way to a buffer, gathered in a chunk (one buf_append per
 * chunk, not per token); `haru` is libharu's writer into the same buffer,
 * for what it writes itself (the chunk is flushed first). */
typedef struct sink {
    buf *out;
    HPDF_Stream haru;
    size_t k;
    char chunk[2048];
} sink;

static void sink_flush(sink *s)
{
    if (s->k) buf_append(s->out, s->chunk, s->k);
    s->k = 0;
}

/* Bytes written so far, the chunk included. */
static size_t sink_len(const sink *s)
{
    return s->out->len + s->k;
}

static void put(sink *s, const char *p, size_t n)
{
    if (s->k + n > sizeof s->chunk) {
        sink_flush(s);
        if (n > sizeof s->chunk) {
            buf_append(s->out, p, n);
            return;
        }
    }
    memcpy(s->chunk + s->k, p, n);
    s->k += n;
}

static void put_str(sink *s, const char *str)
{
    put(s, str, strlen(str));
}

static void put_char(sink *s, char c)
{
    if (s->k == sizeof s->chunk) sink_flush(s);
    s->chunk[s->k++] = c;
}

/* An unsigned integer in decimal. */
static void put_uint(sink *s, uint64_t v)
{
    char d[20], *p = uint_text(d + sizeof d, v);
    put(s, p, (size_t)(d + sizeof d - p));
}

/* A libharu integer as HPDF_IToA writes it (clamped to ±2147483647). */
static void put_int(sink *s, int32_t v)
{
    if (v < 0) {
        put_char(s, '-');
        put_uint(s, v < -2147483647 ? 2147483647u : (uint64_t)(-(int64_t)v));
    } else {
        put_uint(s, (uint64_t)v);
    }
}

/* libharu writes this object itself (HPDF_Obj_WriteValue). */
static int haru_value(sink *s, void *obj)
{
    sink_flush(s);
    return HPDF_Obj_WriteValue(obj, s->haru, NULL) == HPDF_OK ? 0 : -1;
}

/* A name, "/" and its characters, when none needs escaping (else false,
 * nothing written). */
static bool put_plain_name(sink *s, const char *name)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)name; *c; c++, n++)
        if (HPDF_NEEDS_ESCAPE(*c)) return false;
    if (n > HPDF_LIMIT_MAX_NAME_LEN) return false;
    put_char(s, '/');
    put(s, name, n);
    return true;
}

/* A dictionary key, as HPDF_Stream_WriteEscapeName writes it. */
static int put_key(sink *s, const char *key)
{
    if (put_plain_name(s, key)) return 0;
    sink_flush(s);
    return HPDF_Stream_WriteEscapeName(s->haru, key) == HPDF_OK ? 0 : -1;
}

static int put_obj(sink *s, void *obj);

/* Whether `obj` is written starting with a delimiter ("/", "[", "<<",
 * "(" or "<"), so that no space need come before it. */
static bool starts_delimited(void *obj)
{
    switch (((HPDF_Obj_Header *)obj)->obj_class & HPDF_OCLASS_ANY) {
    case HPDF_OCLASS_NAME:
    case HPDF_OCLASS_STRING:
    case HPDF_OCLASS_BINARY:
    case HPDF_OCLASS_ARRAY:
    case HPDF_OCLASS_DICT: return true;
    default: return false; /* numbers, references, booleans, null */
    }
}

/* `obj` in PDF syntax without the white space libharu puts around tokens
 * ("<</S/TD/P 4721 0 R/K 24>>", "[1 2 3]", not one entry a line):
 * what a reader parses is the same objects. Strings, reals, names to
 * escape and dictionaries with hooks go through libharu's writer. */
static int put_value(sink *s, void *obj)
{
    HPDF_Obj_Header *h = obj;
    switch (h->obj_class & HPDF_OCLASS_ANY) {
    case HPDF_OCLASS_NUMBER:
        put_int(s, ((HPDF_Number)obj)->value);
        return 0;
    case HPDF_OCLASS_NAME:
        return put_plain_name(s, ((HPDF_Name)obj)->value) ? 0 : haru_value(s, obj);
    case HPDF_OCLASS_BOOLEAN:
        put_str(s, ((HPDF_Boolean)obj)->value ? "true" : "false");
        return 0;
    case HPDF_OCLASS_NULL:
        put_str(s, "null");
        return 0;
    case HPDF_OCLASS_ARRAY: {
        HPDF_List l = ((HPDF_Array)obj)->list;
        put_char(s, '[');
        for (HPDF_UINT i = 0; i < l->count; i++) {
            if (i && !starts_delimited(l->obj[i])) put_char(s, ' ');
            if (put_obj(s, l->obj[i]) != 0) return -1;
        }
        put_char(s, ']');
        return 0;
    }
    case HPDF_OCLASS_DICT: {
        HPDF_Dict d = obj;
        if (d->before_write_fn || d->write_fn || d->after_write_fn || d->stream) return haru_value(s, obj);
        put(s, "<<", 2);
        for (HPDF_UINT i = 0; i < d->list->count; i++) {
            HPDF_DictElement e = d->list->obj[i];
            HPDF_Obj_Header *v = e->value;
            if (!v) return -1;
            if (v->obj_id & HPDF_OTYPE_HIDDEN) continue;
            if (put_key(s, e->key) != 0) return -1;
            if (!starts_delimited(v)) put_char(s, ' ');
            if (put_obj(s, v) != 0) return -1;
        }
        put(s, ">>", 2);
        return 0;
    }
    default: /* strings, binary strings, reals */
        return haru_value(s, obj);
    }
}

/* What HPDF_Obj_Write writes: nothing for a hidden object, "N G R" for a
 * reference (libharu's proxy), else the value. */
static int put_obj(sink *s, void *obj)
{
    HPDF_Obj_Header *h = obj;
    if (h->obj_id & HPDF_OTYPE_HIDDEN) return 0;
    if (h->obj_class == HPDF_OCLASS_PROXY) {
        HPDF_Obj_Header *target = ((HPDF_Proxy)obj)->obj;
        put_uint(s, target->obj_id & ID_MASK);
        put_char(s, ' ');
        put_uint(s, target->gen_no);
        put(s, " R", 2);
        return 0;
    }
    return put_value(s, obj);
}

typedef struct saver {
    HPDF_Doc pdf;
    pdf_deflater *z;
    sink out;           /* the file */
    sink scratch;       /* an object stream's objects, before deflate */
    buf scratch_buf;
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

/* "N 0 obj\n<<\n" at the end of the file, noted as object N's offset. */
static void obj_start(saver *sv, uint32_t id)
{
    sv->offset[id] = sink_len(&sv->out);
    put_uint(&sv->out, id);
    put_str(&sv->out, " 0 obj\n<<\n");
}

/* "/Length N\n>>\nstream\n": the stream's bytes follow, then obj_stream_close. */
static void obj_stream_begin(saver *sv, size_t len)
{
    put_str(&sv->out, "/Length ");
    put_uint(&sv->out, len);
    put_str(&sv->out, "\n>>\nstream\n");
}

static void obj_stream_close(saver *sv)
{
    put_str(&sv->out, "\nendstream\nendobj\n");
}

/* The rest of a stream object whose bytes are `data`. */
static void obj_stream_end(saver *sv, const void *data, size_t len)
{
    obj_stream_begin(sv, len);
    put(&sv->out, data, len);
    obj_stream_close(sv);
}

/* A stream object: its dictionary's entries as libharu writes them (the
 * /Filter of write_fn last), the /Length direct, the bytes as they are
 * (juesuan's deflated bytes, or libharu's memory stream). */
static int write_stream(saver *sv, HPDF_Dict d)
{
    if (d->filter != HPDF_STREAM_FILTER_NONE || d->before_write_fn) return -1;
    obj_start(sv, id_of(d));
    for (HPDF_UINT i = 0; i < d->list->count; i++) {
        HPDF_DictElement e = d->list->obj[i];
        HPDF_Obj_Header *h = e->value;
        if (!h || strcmp(e->key, "Length") == 0 || (h->obj_id & HPDF_OTYPE_HIDDEN)) continue;
        if (put_key(&sv->out, e->key) != 0) return -1;
        put_char(&sv->out, ' ');
        if (put_obj(&sv->out, h) != 0) return -1;
        put_char(&sv->out, '\n');
    }
    if (d->write_fn) {
        sink_flush(&sv->out);
        if (d->write_fn(d, sv->out.haru) != HPDF_OK) return -1;
    }
    size_t len = 0;
    const unsigned char *bytes = pdf_obj_stream_bytes(d, &len);
    if (bytes) {
        obj_stream_end(sv, bytes, len);
        return 0;
    }
    /* libharu's memory stream: its pieces in turn */
    obj_stream_begin(sv, HPDF_Stream_Size(d->stream));
    for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(d->stream); i < n; i++) {
        HPDF_UINT part = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(d->stream, i, &part);
        if (!p) return -1;
        put(&sv->out, (const char *)p, part);
    }
    obj_stream_close(sv);
    return 0;
}

/* A deflated stream object `id` with dictionary entries `dict` (lines). */
static int write_deflated(saver *sv, uint32_t id, const char *dict, const void *data, size_t len,
                          pdf_stream_kind kind)
{
    const unsigned char *z = NULL;
    size_t zlen = 0;
    if (pdf_deflate(sv->z, kind, data, len, &z, &zlen) != 0) return -1;
    obj_start(sv, id);
    put_str(&sv->out, dict);
    put_str(&sv->out, "/Filter /FlateDecode\n");
    obj_stream_end(sv, z, zlen);
    return 0;
}

/* Object stream `id` holding objects `objs[0 .. n - 1]` (new numbers). */
static int write_objstm(saver *sv, uint32_t id, void *const *objs, size_t n)
{
    buf_free(&sv->scratch_buf);
    size_t *at = xmalloc(n * sizeof *at);
    for (size_t i = 0; i < n; i++) {
        at[i] = sink_len(&sv->scratch);
        if (put_value(&sv->scratch, objs[i]) != 0) {
            free(at);
            return -1;
        }
        put_char(&sv->scratch, '\n');
        sv->in_stm[id_of(objs[i])] = id;
        sv->index[id_of(objs[i])] = (uint32_t)i;
    }
    sink_flush(&sv->scratch);
    buf head = {0};
    sink h = {&head, NULL, 0, {0}};
    for (size_t i = 0; i < n; i++) {
        if (i) put_char(&h, ' ');
        put_uint(&h, id_of(objs[i]));
        put_char(&h, ' ');
        put_uint(&h, at[i]);
    }
    put_char(&h, '\n');
    size_t first = sink_len(&h);
    put(&h, sv->scratch_buf.data, sv->scratch_buf.len);
    sink_flush(&h);
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
    sv->offset[id] = sink_len(&sv->out); /* its own row too */
    uint64_t max = sv->offset[id] > sv->size ? sv->offset[id] : sv->size;
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
    if (rc == 0) {
        put_str(&sv->out, "startxref\n");
        put_uint(&sv->out, sv->offset[id]);
        put_str(&sv->out, "\n%%EOF\n");
    }
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
    saver *sv = xcalloc(1, sizeof *sv);
    sv->pdf = pdf;
    sv->z = z;
    sv->size = (uint32_t)(next + n_stm + 1);
    sv->out.out = out;
    sv->scratch.out = &sv->scratch_buf;
    sv->offset = xcalloc(sv->size, sizeof *sv->offset);
    sv->in_stm = xcalloc(sv->size, sizeof *sv->in_stm);
    sv->index = xcalloc(sv->size, sizeof *sv->index);
    sv->out.haru = HPDF_CallbackWriter_New(pdf->mmgr, to_buf, out);
    sv->scratch.haru = HPDF_CallbackWriter_New(pdf->mmgr, to_buf, &sv->scratch_buf);
    int rc = sv->out.haru && sv->scratch.haru ? 0 : -1;
    /* PDF 1.7 (object streams need 1.5; PDF/A-2 allows up to 1.7) and a
     * comment of four bytes above 127 */
    if (rc == 0) put_str(&sv->out, "%PDF-1.7\n%\267\276\255\252\n");
    for (size_t i = 0; i < k && rc == 0; i++) rc = write_stream(sv, streams[i]);
    for (size_t s = 0; s < n_stm && rc == 0; s++) {
        size_t from = s * OBJSTM_SIZE, m = n_objs - from < OBJSTM_SIZE ? n_objs - from : OBJSTM_SIZE;
        rc = write_objstm(sv, next + (uint32_t)s, objs + from, m);
    }
    if (rc == 0)
        rc = write_xref(sv, next + (uint32_t)n_stm, id_of(pdf->catalog), pdf->info ? id_of(pdf->info) : 0);
    sink_flush(&sv->out);
    if (sv->out.haru) HPDF_Stream_Free(sv->out.haru);
    if (sv->scratch.haru) HPDF_Stream_Free(sv->scratch.haru);
    buf_free(&sv->scratch_buf);
    free(sv->offset);
    free(sv->in_stm);
    free(sv->index);
    free(sv);
    free(objs);
    free(streams);
    free(length);
    return rc;
}
