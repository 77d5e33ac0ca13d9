/* tounicode.c — a valid ToUnicode CMap for libharu's UTF-8 fonts (see
 * tounicode.h and design/LIBHARU.md). Uses libharu's object layer
 * (hpdf_objects.h, hpdf_streams.h, hpdf_font.h): keep it in this file. */
#include "tounicode.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <string.h>

/* Write the identity CMap: every 2-byte code maps to the same UTF-16 unit. */
static HPDF_STATUS write_cmap(HPDF_Stream s)
{
    static const char head[] =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    static const char tail[] =
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    HPDF_STATUS st = HPDF_Stream_WriteStr(s, head);
    /* High bytes 00..D7 and E0..FF: the BMP without the surrogates. */
    unsigned rows[256], n = 0;
    for (unsigned hi = 0; hi < 256; hi++)
        if (hi < 0xD8 || hi > 0xDF) rows[n++] = hi;
    for (unsigned i = 0; i < n && st == HPDF_OK; i += 100) {
        unsigned m = n - i < 100 ? n - i : 100;
        char line[64];
        snprintf(line, sizeof line, "%u beginbfrange\n", m);
        st = HPDF_Stream_WriteStr(s, line);
        for (unsigned k = 0; k < m && st == HPDF_OK; k++) {
            unsigned hi = rows[i + k];
            snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
            st = HPDF_Stream_WriteStr(s, line);
        }
        if (st == HPDF_OK) st = HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    if (st == HPDF_OK) st = HPDF_Stream_WriteStr(s, tail);
    return st;
}

int pdf_font_repair(HPDF_Font font)
{
    if (!font) return -1;
    /* libharu 2.3.0 puts its encoding CMap stream under /ToUnicode: reuse
     * that object (no orphan left in the file) with the right contents. */
    HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (cmap && cmap->stream) {
        HPDF_MemStream_FreeData(cmap->stream);
        HPDF_Dict_RemoveElement(cmap, "Type");
        HPDF_Dict_RemoveElement(cmap, "CMapName");
        HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
        HPDF_Dict_RemoveElement(cmap, "WMode");
    } else {
        /* Other versions: add a new stream. */
        HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
        if (!attr || !attr->xref) return -1;
        cmap = HPDF_DictStream_New(font->mmgr, attr->xref);
        if (!cmap) return -1;
        cmap->filter = font->filter;
        if (HPDF_Dict_Add(font, "ToUnicode", cmap) != HPDF_OK) return -1;
    }
    if (write_cmap(cmap->stream) != HPDF_OK) return -1;

    /* libharu appends ",Bold" / ",Italic" (a request to simulate the style,
     * meant for fonts that are not embedded) when the font's macStyle says
     * so; the embedded font is already bold: keep the PostScript name. The
     * BaseFont and FontName are written from this field at save time. */
    HPDF_FontAttr fattr = (HPDF_FontAttr)font->attr;
    if (fattr && fattr->fontdef && fattr->fontdef->type == HPDF_FONTDEF_TYPE_TRUETYPE) {
        HPDF_TTFontDefAttr ta = (HPDF_TTFontDefAttr)fattr->fontdef->attr;
        char *comma = ta ? strchr(ta->base_font, ',') : NULL;
        if (comma) *comma = '\0';
    }

    HPDF_Array desc = HPDF_Dict_GetItem(font, "DescendantFonts", HPDF_OCLASS_ARRAY);
    HPDF_Dict cid = desc ? HPDF_Array_GetItem(desc, 0, HPDF_OCLASS_DICT) : NULL;
    HPDF_Dict info = cid ? HPDF_Dict_GetItem(cid, "CIDSystemInfo", HPDF_OCLASS_DICT) : NULL;
    if (info) {
        HPDF_String ordering = HPDF_String_New(font->mmgr, "Identity", NULL);
        if (!ordering || HPDF_Dict_Add(info, "Ordering", ordering) != HPDF_OK) return -1;
    }
    return 0;
}
