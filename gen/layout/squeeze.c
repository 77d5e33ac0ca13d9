/* squeeze.c — 标点挤压: the blank half of full-width punctuation.
 *
 * A full-width mark such as ，。、 or ） has its ink in one half of a
 * one-em advance; the other half is blank. Chinese typesetting (W3C clreq
 * §3.1.6, JIS X 4051 for the same marks) removes that blank where it does
 * harm:
 *   - adjacent: between two marks side by side ("。”", "）：", "”，") the
 *     blank between them goes, always;
 *   - line_end: a mark ending a line may lose its blank half, so the line
 *     holds half an em more (the ink stays inside the measure);
 *   - fit: a line that would be spread by more than fit_loose em between
 *     two units (because the next unit, a number such as "4010.58", does
 *     not fit) may take the blanks of its marks (up to 0.45 em each) to
 *     hold that unit instead (linebreak.c).
 * Which half is blank is read from each glyph's outline in the face that
 * sets it (FreeType), not assumed: 简体 fonts put ，。：；！？ in the left
 * half, 繁體 fonts centre some of them (no blank then, no squeeze). */
#include "internal.h"

#include <string.h>

/* The marks that may have a blank half; at most 48 (the cache's size). */
static const uint32_t CANDIDATES[] = {
    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF0E, /* ，。、；：？！． */
    0xFF09, 0x300B, 0x300D, 0x300F, 0x3009, 0x3011, 0x3015, 0x3017, /* ）》」』〉】〕〗 */
    0x3019, 0x301B, 0x201D, 0x2019,                                 /* 〙〛”’ */
    0xFF08, 0x300A, 0x300C, 0x300E, 0x3008, 0x3010, 0x3014, 0x3016, /* （《「『〈【〔〖 */
    0x3018, 0x301A, 0x201C, 0x2018,                                 /* 〘〚“‘ */
};
enum { N_CANDIDATES = sizeof CANDIDATES / sizeof CANDIDATES[0] };
_Static_assert(N_CANDIDATES <= 48, "layout_config.blank holds 48 marks per face");

#define BLANK_LEFT 1
#define BLANK_RIGHT 2

void punct_style_read(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"adjacent", "line_end", "fit", "fit_loose", NULL};
    static const char *const bools[] = {"false", "true"};
    const value *m = yaml_map(y, y->root, "punctuation", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "punctuation");
    cfg->squeeze_adjacent = yaml_choice(y, m, "adjacent", "punctuation", bools, 2) == 1;
    cfg->squeeze_line_end = yaml_choice(y, m, "line_end", "punctuation", bools, 2) == 1;
    cfg->squeeze_fit = yaml_choice(y, m, "fit", "punctuation", bools, 2) == 1;
    cfg->squeeze_loose = yaml_num(y, m, "fit_loose", "punctuation", 0, 1);
}

/* BLANK_LEFT / BLANK_RIGHT of `cp` in `face` (0: not a candidate, or its
 * ink is not in one half of a full em). */
static int blank_sides(const layout_config *cfg, font_face face, uint32_t cp)
{
    /* every candidate is in U+2018–201D, U+3001–301B or U+FF01–FF1F: most
     * characters (ideographs, digits) are none of them */
    if (cp < 0x2018 || (cp > 0x201D && cp < 0x3001) || (cp > 0x301B && cp < 0xFF01) || cp > 0xFF1F)
        return 0;
    size_t i = 0;
    while (i < N_CANDIDATES && CANDIDATES[i] != cp) i++;
    if (i == N_CANDIDATES || face < 0 || face >= FACE_COUNT) return 0;
    int8_t *cache = (int8_t *)&cfg->blank[face][i]; /* a cache: fill on first use */
    if (*cache) return *cache - 1;
    int sides = 0;
    FT_Face ft = cfg->fonts[face].ft;
    FT_UInt gid = ft ? FT_Get_Char_Index(ft, cp) : 0;
    if (gid && FT_Load_Glyph(ft, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0) {
        const FT_Glyph_Metrics *gm = &ft->glyph->metrics;
        double upem = ft->units_per_EM ? ft->units_per_EM : 1000;
        double adv = (double)gm->horiAdvance, x0 = (double)gm->horiBearingX,
               x1 = x0 + (double)gm->width;
        if (adv >= 0.95 * upem && gm->width > 0) {
            if (x1 <= 0.52 * adv) sides |= BLANK_RIGHT;
            if (x0 >= 0.48 * adv) sides |= BLANK_LEFT;
        }
    }
    *cache = (int8_t)(sides + 1);
    return sides;
}

void text_mark_squeeze(const layout_config *cfg, const layout_text_style *st, text_char *c,
                       size_t n)
{
    /* Inside a line a mark keeps 0.05 em of its blank: glyph boxes that
     * overlap by half an em or more are taken for separate text by poppler
     * (pdftotext -layout puts the mark on a line of its own). */
    double half = st->size / 2, inside = st->size * 0.45;
    for (size_t k = 0; k < n; k++) {
        c[k].sq_fixed = c[k].sq_fit = c[k].sq_end = 0;
        int here = blank_sides(cfg, st->face, c[k].cp);
        int next = k + 1 < n ? blank_sides(cfg, st->face, c[k + 1].cp) : 0;
        bool next_mark = k + 1 < n && next != 0;
        if ((here & BLANK_RIGHT) && cfg->squeeze_line_end) c[k].sq_end = half;
        /* the blank at the boundary after c[k]: its right half, the next
         * mark's left half */
        bool blank = (here & BLANK_RIGHT) || (next & BLANK_LEFT);
        if (!blank || k + 1 >= n || c[k + 1].space) continue;
        /* glyph order: the next character never starts left of the middle
         * of this one, so extractors that order characters by position
         * (pdfplumber) read "32.“三公”" in order (a narrow "." before “
         * gives up less than a full-width mark) */
        double take = inside, keep = layout_advance(cfg, st->face, c[k].cp, st->size) / 2;
        if (take > keep) take = keep;
        if (here && next_mark) {
            if (cfg->squeeze_adjacent) c[k].sq_fixed = take;
        } else if (cfg->squeeze_fit) {
            c[k].sq_fit = take;
        }
    }
}
