/* meta.c — the document information, XMP metadata, PDF/A-2b's parts, the
 * trailer /ID, viewer preferences and page labels (see meta.h).
 *
 * PDF/A-2b (ISO 19005-2) asks, of what juesuan writes: a header %PDF-1.n
 * with a binary comment (save.c writes both), a trailer /ID (6.1.3: the
 * trailer is the cross-reference stream's dictionary, save.c), an
 * XMP packet in the catalog's /Metadata, unfiltered, whose dc/xmp/pdf
 * properties equal the Info entries (6.6.2, 6.6.3) and that names
 * pdfaid:part 2 and conformance B; and, since the pages use DeviceRGB and
 * DeviceGray, an OutputIntent GTS_PDFA1 with an ICC profile (6.2.3, 6.2.4.3).
 * The /ID is the MD5 of the pages' contents and the metadata: the same
 * input gives the same bytes (it is put on libharu's trailer dictionary,
 * from which save.c copies it). Uses libharu's object layer
 * (hpdf_objects.h, hpdf_doc.h); the MD5 is nettle's (the same digest as
 * libharu's own MD5, in half the instructions). */
#include "meta.h"

#include <errno.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <nettle/md5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_digest {
    struct md5_ctx md5;
};

pdf_digest *pdf_digest_new(void)
{
    pdf_digest *d = xcalloc(1, sizeof *d);
    md5_init(&d->md5);
    return d;
}

void pdf_digest_add(pdf_digest *d, const void *data, size_t len)
{
    md5_update(&d->md5, len, (const uint8_t *)data);
}

void pdf_digest_free(pdf_digest *d)
{
    free(d);
}

/* Append `s` escaped for XML text. */
static void put_xml(buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        default: buf_putc(b, *s);
        }
    }
}

/* One simple XMP property <name>value</name>. */
static void put_prop(buf *b, const char *name, const char *text)
{
    if (!text) return;
    buf_printf(b, "   <%s>", name);
    put_xml(b, text);
    buf_printf(b, "</%s>\n", name);
}

/* A language alternative (dc:title, dc:description). */
static void put_alt(buf *b, const char *name, const char *text)
{
    if (!text) return;
    buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", name);
    put_xml(b, text);
    buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", name);
}

#define PRODUCER "juesuan (libharu 2.3.0)"
#define CREATOR "juesuan"

/* The XMP packet: the Info entries again, the number of pages (the
 * Paged-Text schema's xmpTPg:NPages, one of XMP's predefined schemas that
 * PDF/A-2 accepts without an extension schema: the page objects are in
 * compressed object streams, this is where a program that reads bytes
 * finds the count, e.g. the build manifest), and PDF/A's
 * identification. */
static void xmp_packet(buf *b, const pdf_meta *meta, const char *keywords, const char *date, size_t pages)
{
    buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                "  <rdf:Description rdf:about=\"\"\n"
                "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                "    xmlns:xmpTPg=\"http://ns.adobe.com/xap/1.0/t/pg/\"\n"
                "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
    put_prop(b, "dc:format", "application/pdf");
    if (meta && meta->title) put_alt(b, "dc:title", meta->title);
    if (meta && meta->author) {
        buf_puts(b, "   <dc:creator><rdf:Seq><rdf:li>");
        put_xml(b, meta->author);
        buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (meta && meta->subject) put_alt(b, "dc:description", meta->subject);
    buf_puts(b, "   <dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>\n");
    put_prop(b, "pdf:Keywords", keywords);
    put_prop(b, "pdf:Producer", PRODUCER);
    put_prop(b, "xmp:CreatorTool", CREATOR);
    put_prop(b, "xmp:CreateDate", date);
    put_prop(b, "xmp:ModifyDate", date);
    buf_printf(b, "   <xmpTPg:NPages>%zu</xmpTPg:NPages>\n", pages);
    if (!(meta && meta->no_pdfa)) {
        put_prop(b, "pdfaid:part", "2");
        put_prop(b, "pdfaid:conformance", "B");
    }
    buf_puts(b, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
}

/* The sRGB OutputIntent. Returns 0, ENV_FAILURE or 3. */
static int output_intent(HPDF_Doc pdf, pdf_deflater *z, diag_list *diags)
{
    FILE *fp = fopen(JUESUAN_ICC_PATH, "rb");
    buf icc = {0};
    int err = 0;
    if (fp) {
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) buf_append(&icc, chunk, n);
        if (ferror(fp)) err = errno ? errno : EIO;
        fclose(fp);
    } else {
        err = errno;
    }
    if (!err && (icc.len < 132 || memcmp(icc.data + 16, "RGB ", 4) != 0)) err = EINVAL; /* not an RGB profile */
    if (err) {
        buf_free(&icc);
        return diag_env_error(diags, JUESUAN_ICC_PATH, err,
                              "无法读取 sRGB 色彩配置文件（PDF/A 的输出意图，Debian 软件包 icc-profiles-free；"
                              "不要 PDF/A 时用 build --no-pdfa）");
    }
    HPDF_Dict icc_stream = pdf_obj_stream(pdf, icc.data, icc.len, z);
    buf_free(&icc);
    HPDF_Dict oi = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array list = HPDF_Array_New(pdf->mmgr);
    if (!icc_stream || !oi || !list) return 3;
    const char *cond = "sRGB IEC61966-2.1";
    HPDF_STATUS st = HPDF_Dict_AddNumber(icc_stream, "N", 3);
    st |= HPDF_Dict_AddName(oi, "Type", "OutputIntent");
    st |= HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
    st |= HPDF_Dict_Add(oi, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, cond, NULL));
    st |= HPDF_Dict_Add(oi, "Info", HPDF_String_New(pdf->mmgr, cond, NULL));
    st |= HPDF_Dict_Add(oi, "RegistryName", HPDF_String_New(pdf->mmgr, "http://www.color.org", NULL));
    st |= HPDF_Dict_Add(oi, "DestOutputProfile", icc_stream);
    st |= HPDF_Array_Add(list, oi);
    st |= HPDF_Dict_Add(pdf->catalog, "OutputIntents", list);
    return st == HPDF_OK ? 0 : 3;
}

/* Page labels: a printed number n starts (or continues) a decimal range
 * from n; the unnumbered pages before (cover, 目录) are i, ii, … */
static void page_labels(HPDF_Doc pdf, const layout_result *r)
{
    unsigned roman = 0;
    for (size_t i = 0; i < r->n_pages; i++) {
        int n = r->pages[i].number, prev = i ? r->pages[i - 1].number : -1;
        if (n > 0 && (prev <= 0 || prev != n - 1))
            HPDF_AddPageLabel(pdf, (HPDF_UINT)i, HPDF_PAGE_NUM_STYLE_DECIMAL, (HPDF_UINT)n, NULL);
        else if (n <= 0 && (i == 0 || prev > 0))
            HPDF_AddPageLabel(pdf, (HPDF_UINT)i, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, roman + 1, NULL);
        if (n <= 0) roman++;
    }
}

int pdf_meta_write(HPDF_Doc pdf, const layout_result *r, const pdf_meta *meta, pdf_digest *digest,
                   pdf_deflater *z, diag_list *diags)
{
    buf kw = {0}, date = {0}, xmp = {0};
    const char *keywords = meta ? meta->keywords : NULL;
    if (!keywords && meta && (meta->subject || meta->author)) {
        buf_printf(&kw, "%s%s%s", meta->subject ? meta->subject : "",
                   meta->subject && meta->author ? ", " : "", meta->author ? meta->author : "");
        keywords = buf_cstr(&kw);
    }
    /* Info: strings as UTF-16BE, the dates at 00:00 in China (+08:00) */
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    if (meta && meta->title) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, meta->title);
    if (meta && meta->author) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, meta->author);
    if (meta && meta->subject) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, meta->subject);
    if (keywords) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, keywords);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, CREATOR);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, PRODUCER);
    if (meta && meta->year > 0) {
        HPDF_Date d = {0};
        d.year = meta->year;
        d.month = meta->month >= 1 && meta->month <= 12 ? meta->month : 1;
        d.day = meta->day >= 1 && meta->day <= 31 ? meta->day : 1;
        d.ind = '+';
        d.off_hour = 8;
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
        buf_printf(&date, "%04d-%02d-%02dT00:00:00+08:00", d.year, d.month, d.day);
    }
    xmp_packet(&xmp, meta, keywords, date.len ? buf_cstr(&date) : NULL, r->n_pages);
    int rc = 0;
    HPDF_Dict md = HPDF_DictStream_New(pdf->mmgr, pdf->xref); /* unfiltered, as PDF/A wants */
    HPDF_STATUS st = md ? HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)xmp.data, (HPDF_UINT)xmp.len) : 1;
    if (md) md->filter = HPDF_STREAM_FILTER_NONE;
    st |= md ? HPDF_Dict_AddName(md, "Type", "Metadata") : 1;
    st |= md ? HPDF_Dict_AddName(md, "Subtype", "XML") : 1;
    st |= md ? HPDF_Dict_Add(pdf->catalog, "Metadata", md) : 1;
    /* viewer: the outline shown, the title in the window bar */
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    HPDF_Dict vp = HPDF_Dict_New(pdf->mmgr);
    st |= vp ? HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE) : 1;
    st |= vp ? HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp) : 1;
    page_labels(pdf, r);
    /* the trailer /ID: the content's MD5, twice (a first version) */
    pdf_digest_add(digest, xmp.data, xmp.len);
    HPDF_BYTE id[MD5_DIGEST_SIZE];
    md5_digest(&digest->md5, sizeof id, id);
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    st |= ids ? HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, 16)) : 1;
    st |= ids ? HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, 16)) : 1;
    st |= ids ? HPDF_Dict_Add(pdf->trailer, "ID", ids) : 1;
    if (st != HPDF_OK) rc = 3;
    if (rc == 0 && !(meta && meta->no_pdfa)) rc = output_intent(pdf, z, diags);
    pdf->pdf_version = HPDF_VER_17;
    buf_free(&kw);
    buf_free(&date);
    buf_free(&xmp);
    return rc;
}
