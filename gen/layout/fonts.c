/* fonts.c — the faces named in fonts/fonts.yaml: open each with FreeType,
 * check that libharu can embed it (TrueType glyf outlines, a Windows
 * Unicode BMP cmap), and measure advances the way the PDF will. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include FT_ADVANCES_H

static const char *const face_names[FACE_COUNT] = {"serif", "serif_bold", "sans",
                                                   "sans_bold"};

const char *layout_face_name(font_face face)
{
    return face >= 0 && face < FACE_COUNT ? face_names[face] : "?";
}

static char *join_path(const char *root, const char *path)
{
    if (path[0] == '/' || !root || !*root) return xstrdup(path);
    buf b = {0};
    buf_puts(&b, root);
    if (b.len && b.data[b.len - 1] != '/') buf_putc(&b, '/');
    buf_puts(&b, path);
    return buf_detach(&b);
}

/* Open and check one face; -1 after a diagnostic at `pos`. */
static int font_open(layout_config *cfg, layout_font *f, const char *named, srcpos pos,
                     diag_list *diags)
{
    FILE *fp = fopen(f->path, "rb");
    if (!fp) {
        diag_error(diags, pos, "字体文件 %s 无法打开：%s", named, strerror(errno));
        return -1;
    }
    fclose(fp);
    FT_Error err = FT_New_Face(cfg->ft, f->path, f->index, &f->ft);
    if (err) {
        f->ft = NULL;
        diag_error(diags, pos, "字体文件 %s 不是可读的 TrueType 字体（FreeType 错误 %d）",
                   named, (int)err);
        return -1;
    }
    FT_ULong glyf_len = 0;
    if (!FT_IS_SFNT(f->ft) ||
        FT_Load_Sfnt_Table(f->ft, TTAG_glyf, 0, NULL, &glyf_len) != 0 || glyf_len == 0) {
        diag_error(diags, pos,
                   "字体文件 %s 不是 glyf 轮廓的 TrueType 字体（CFF/OpenType .otf 字体无法嵌入，"
                   "请改用 .ttf 或 .ttc）",
                   named);
        return -1;
    }
    bool unicode = false;
    for (int i = 0; i < f->ft->num_charmaps; i++) {
        FT_CharMap cm = f->ft->charmaps[i];
        if (cm->platform_id == 3 && cm->encoding_id == 1) {
            FT_Set_Charmap(f->ft, cm);
            unicode = true;
            break;
        }
    }
    if (!unicode) {
        diag_error(diags, pos, "字体文件 %s 没有 Unicode（Windows 3,1）字符映射表 cmap",
                   named);
        return -1;
    }
    if (f->ft->num_glyphs > 32767) {
        diag_add(diags, DIAG_WARNING, NULL, pos,
                 "字体文件 %s 有 %ld 个字形，超过 32767：libharu 2.3.0 可能读错复合字形",
                 named, (long)f->ft->num_glyphs);
    }
    TT_OS2 *os2 = FT_Get_Sfnt_Table(f->ft, FT_SFNT_OS2);
    double upem = f->ft->units_per_EM ? f->ft->units_per_EM : 1000;
    if (os2 && os2->sTypoAscender > 0) {
        f->ascent = os2->sTypoAscender / upem;
        f->descent = os2->sTypoDescender / upem;
    } else {
        f->ascent = f->ft->ascender / upem;
        f->descent = f->ft->descender / upem;
    }
    if (f->ascent - f->descent <= 0) {
        f->ascent = 0.88;
        f->descent = -0.12;
    }
    f->w1000 = xmalloc(65536 * sizeof *f->w1000);
    for (size_t i = 0; i < 65536; i++) f->w1000[i] = -1;
    return 0;
}

/* The file fonts.yaml names for face i (malloc'd; *index set when given),
 * or NULL after a diagnostic. */
static char *face_file(yaml_file *y, int i, int *index, diag_list *diags)
{
    static const char *const face_keys[] = {"file", "index", NULL};
    const value *n = yaml_get(y->root, face_names[i]);
    if (!n) {
        diag_error(diags, yaml_node_pos(y, y->root, ""), "缺少字体设置 %s", face_names[i]);
        return NULL;
    }
    if (yaml_text(n)) return xstrdup(yaml_text(n));
    if (value_get_type(n) == VALUE_MAP) {
        yaml_check_keys(y, n, face_keys, face_names[i]);
        char *named = yaml_str(y, n, "file", face_names[i]);
        if (yaml_get(n, "index")) *index = (int)yaml_num(y, n, "index", face_names[i], 0, 255);
        return named;
    }
    diag_error(diags, yaml_node_pos(y, n, face_names[i]), "字体设置 %s 应为文件路径或 {file, index}",
               face_names[i]);
    return NULL;
}

static const char *const top_keys[] = {"serif", "serif_bold", "sans", "sans_bold", NULL};

int fonts_load(layout_config *cfg, const char *fonts_path, const char *root,
               diag_list *diags)
{
    yaml_file y;
    if (yaml_open(&y, fonts_path, diags) != 0) return -1;
    if (FT_Init_FreeType(&cfg->ft) != 0) {
        cfg->ft = NULL;
        diag_error(diags, SRCPOS_NONE, "FreeType 初始化失败");
        yaml_close(&y);
        return -1;
    }
    yaml_check_keys(&y, y.root, top_keys, "");
    int rc = 0;
    for (int i = 0; i < FACE_COUNT; i++) {
        layout_font *f = &cfg->fonts[i];
        char *named = face_file(&y, i, &f->index, diags);
        if (!named) {
            rc = -1;
            continue;
        }
        f->path = join_path(root, named);
        srcpos at = yaml_node_pos(&y, yaml_get(y.root, face_names[i]), face_names[i]);
        if (y.errors || font_open(cfg, f, named, at, diags) != 0) rc = -1;
        free(named);
    }
    if (y.errors) rc = -1;
    yaml_close(&y);
    return rc;
}

int layout_font_paths(const char *fonts_path, const char *root, char *paths[FACE_COUNT])
{
    diag_list quiet = {0}; /* layout_config_load reports them */
    yaml_file y;
    int rc = yaml_open(&y, fonts_path, &quiet);
    for (int i = 0; i < FACE_COUNT; i++) {
        int index = 0;
        char *named = rc == 0 ? face_file(&y, i, &index, &quiet) : NULL;
        paths[i] = named ? join_path(root, named) : NULL;
        free(named);
    }
    if (rc == 0) {
        if (y.errors) rc = -1;
        yaml_close(&y);
    }
    diag_list_free(&quiet);
    return rc;
}

void fonts_free(layout_config *cfg)
{
    for (int i = 0; i < FACE_COUNT; i++) {
        layout_font *f = &cfg->fonts[i];
        if (f->ft) FT_Done_Face(f->ft);
        free(f->path);
        free(f->w1000);
        memset(f, 0, sizeof *f);
    }
    if (cfg->ft) FT_Done_FreeType(cfg->ft);
    cfg->ft = NULL;
}

/* Advance in 1/1000 em (truncated, as libharu's /W), -2 when no glyph. */
static int w1000(const layout_config *cfg, font_face face, uint32_t cp)
{
    if (face < 0 || face >= FACE_COUNT) return -2;
    layout_font *f = (layout_font *)&cfg->fonts[face];
    if (!f->ft) return -2;
    if (cp > 0xFFFF) return -2; /* libharu draws only the BMP */
    if (f->w1000[cp] != -1) return f->w1000[cp];
    int w = -2;
    FT_UInt gid = FT_Get_Char_Index(f->ft, cp);
    if (gid != 0) {
        FT_Fixed adv = 0;
        if (FT_Get_Advance(f->ft, gid, FT_LOAD_NO_SCALE, &adv) == 0) {
            unsigned upem = f->ft->units_per_EM ? f->ft->units_per_EM : 1000;
            w = (int)((unsigned long)adv * 1000UL / upem);
            if (w > 32767) w = 32767;
        }
    }
    f->w1000[cp] = (int16_t)w;
    return w;
}

bool layout_has_glyph(const layout_config *cfg, font_face face, uint32_t cp)
{
    return w1000(cfg, face, cp) >= 0;
}

double layout_advance(const layout_config *cfg, font_face face, uint32_t cp, double size)
{
    int w = w1000(cfg, face, cp);
    return w < 0 ? 0 : w * size / 1000.0;
}

double layout_baseline(const layout_config *cfg, font_face face, double size,
                       double slot_top, double pitch)
{
    const layout_font *f = &cfg->fonts[face];
    double asc = f->ascent, desc = f->descent;
    double em = asc - desc; /* normally 1 */
    double box = em * size;
    return slot_top - (pitch - box) / 2 - asc * size;
}
