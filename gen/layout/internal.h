/* internal.h — private to gen/layout: the configuration record and the
 * helpers the layout files share. Nothing outside gen/layout includes it. */
#ifndef JUESUAN_LAYOUT_INTERNAL_H
#define JUESUAN_LAYOUT_INTERNAL_H

#include "layout.h"

#include <ft2build.h>
#include FT_FREETYPE_H

/* ------------------------------------------------------------------------
 * Configuration (config.c, fonts.c)
 * ---------------------------------------------------------------------- */

/** One font face: the file, its FreeType face and an advance cache. */
typedef struct layout_font {
    char *path;      /* resolved path (root joined) */
    int index;       /* face index inside a .ttc */
    FT_Face ft;
    double ascent;   /* typographic ascender, em (Noto CJK: 0.88) */
    double descent;  /* typographic descender, em, negative (-0.12) */
    int16_t *w1000;  /* BMP advance cache in 1/1000 em: -1 unknown, -2 no glyph */
} layout_font;

/** A block style: how a heading level or a cover line kind is set. */
typedef struct layout_block_style {
    font_face face;
    double size;         /* pt */
    layout_align align;
    double indent;       /* pt (first line) */
    double pitch;        /* line pitch, pt */
    double space_before; /* pt */
    double space_after;  /* pt */
    bool new_page;       /* starts a new page */
} layout_block_style;

/** A 目录 entry style. */
typedef struct layout_toc_entry_style {
    font_face face;
    double size;
    double indent; /* pt */
} layout_toc_entry_style;

typedef enum footer_position {
    FOOTER_CENTER = 1,
    FOOTER_OUTSIDE = 2 /* odd pages right, even pages left (GB/T 9704) */
} footer_position;

struct layout_config {
    FT_Library ft;
    layout_font fonts[FACE_COUNT];
    char *style_path;

    /* page, pt */
    double page_w, page_h;
    double margin_top, margin_left;
    double text_w, text_h;

    /* body */
    layout_text_style body; /* face, size, char_space (grid), indent */
    double line_pitch;      /* body line pitch, pt */
    uint32_t *keep_after_number;
    size_t n_keep_after_number;

    layout_block_style heading[4]; /* levels 1..4 */
    int outline_levels;

    /* cover */
    layout_block_style cover_title, cover_sub, cover_date;
    double cover_title_top;   /* pt from the page top to the top of the first title line */
    double cover_sub_gap;     /* pt between the title lines and the sub lines */
    double cover_date_bottom; /* pt from the page bottom to the bottom of the last date line */

    /* 目录 */
    char *toc_title;
    layout_block_style toc_heading;        /* the title line */
    layout_toc_entry_style toc_entry[4];   /* levels 1..toc_levels */
    int toc_levels;
    double toc_pitch;                      /* pt per entry line */
    char *toc_leader;                      /* the leader character (UTF-8) */
    uint32_t toc_leader_cp;
    double toc_leader_pitch;               /* em: distance between leader dots */
    double toc_leader_gap;                 /* em: space around the leader */

    /* footer (page number) */
    font_face footer_face;
    double footer_size;
    char *footer_prefix, *footer_suffix;
    double footer_below;      /* pt from the text block bottom to the centre of the number line */
    footer_position footer_pos;
    double footer_outside_indent; /* pt */
};

/** Open the four faces named in fonts.yaml with FreeType and check them
 *  (fonts.c). Returns 0, or -1 after adding diagnostics. */
int fonts_load(layout_config *cfg, const char *fonts_path, const char *root,
               diag_list *diags);

/** Close the faces (fonts.c). */
void fonts_free(layout_config *cfg);

/** Read templates/style.yaml into `cfg` (style.c). Returns 0 or -1 after
 *  adding diagnostics. */
int style_load(layout_config *cfg, const char *style_path, diag_list *diags);

/** Free what style_load allocated (style.c). */
void style_free(layout_config *cfg);

/** Vertical placement: the baseline of a line whose slot (line box) starts
 *  at `slot_top` (y, pt) and is `pitch` high, for text of `size` in `face`:
 *  the em box is centred in the slot. */
double layout_baseline(const layout_config *cfg, font_face face, double size,
                       double slot_top, double pitch);

/* ------------------------------------------------------------------------
 * YAML reading (yaml.c): required keys, ranges, positions in diagnostics
 * ---------------------------------------------------------------------- */

typedef struct yaml_file {
    value *root;  /* the top-level mapping (yaml_load) */
    posmap *pos;  /* dotted path → file:line:col */
    diag_list *diags;
    int errors;
} yaml_file;

/** Read `path` with yaml_load (gen/input); the top level must be a mapping.
 *  Returns 0, or -1 after adding a diagnostic (missing file, YAML syntax
 *  error with its line). */
int yaml_open(yaml_file *y, const char *path, diag_list *diags);

/** Free the value tree and the positions. */
void yaml_close(yaml_file *y);

/** The position of node `n` at dotted path `path` ("" for the top level)
 *  for diagnostics: that of its first scalar (a mapping's first entry, a
 *  sequence's first item); of the nearest ancestor when `n` is absent or
 *  an empty value. */
srcpos yaml_node_pos(const yaml_file *y, const value *n, const char *path);

/** The value under `key` in mapping `map`, or NULL when absent. */
const value *yaml_get(const value *map, const char *key);

/** The text of a scalar: a string's or number's text, "true"/"false" for a
 *  boolean, "" for null; NULL for a mapping or sequence. */
const char *yaml_text(const value *v);

/** A required mapping under `key`; `where` is the dotted path of `map`
 *  ("" for the top level), used in messages and for positions. NULL after
 *  an error. */
const value *yaml_map(yaml_file *y, const value *map, const char *key, const char *where);

/** A required number in [min, max]; 0 after an error. */
double yaml_num(yaml_file *y, const value *map, const char *key, const char *where,
                double min, double max);

/** A required string (malloc'd; "" after an error). */
char *yaml_str(yaml_file *y, const value *map, const char *key, const char *where);

/** A required choice among `names`; returns its index (0 after an error). */
int yaml_choice(yaml_file *y, const value *map, const char *key, const char *where,
                const char *const *names, int count);

/** Warn about keys of `map` not in the NULL-terminated list `keys`. */
void yaml_check_keys(yaml_file *y, const value *map, const char *const *keys,
                     const char *where);

/* ------------------------------------------------------------------------
 * Text (text.c)
 * ---------------------------------------------------------------------- */

/** One character of a text, with what the line breaker needs to know. */
typedef struct text_char {
    uint32_t cp;
    size_t off, len; /* bytes in the source */
    bool brk;        /* a line may break before this character */
    bool gap;        /* justification may add space before this character */
    bool space;      /* an ASCII space (dropped at line ends) */
    bool bad;        /* an invalid UTF-8 byte (cp is U+FFFD) */
} text_char;

/** Decode UTF-8 into characters (invalid bytes become U+FFFD with `bad`
 *  set). Returns a malloc'd array and its length in *n. */
text_char *text_decode(const char *s, size_t len, size_t *n);

/** Mark break opportunities and justification gaps (text.c, the 禁则). */
void text_mark_breaks(text_char *c, size_t n, const uint32_t *keep_after_number,
                      size_t n_keep);

/** Decode one UTF-8 character at s[*i] (len bytes in all); advance *i.
 *  Returns false on an invalid sequence (then *cp = U+FFFD, *i advances 1). */
bool text_utf8_next(const char *s, size_t len, size_t *i, uint32_t *cp);

/** Decode a whole UTF-8 string into code points (malloc'd, *n set). */
uint32_t *text_codepoints(const char *s, size_t *n);

/* ------------------------------------------------------------------------
 * Result building (result.c)
 * ---------------------------------------------------------------------- */

/** Append a new empty page; returns it. */
layout_page *result_add_page(layout_result *r);

/** Append a span of bytes [start, end) of `text` to `page`. */
void page_add_span(layout_page *page, font_face face, double size, double x,
                   double y, double char_space, const char *text, size_t start,
                   size_t end);

/** Record heading block `index` placed on page `page` with its first
 *  line's top at `top`. */
void result_add_heading(layout_result *r, const block *b, size_t index, size_t page,
                        double top);

/* ------------------------------------------------------------------------
 * Paragraphs (linebreak.c)
 * ---------------------------------------------------------------------- */

/** A paragraph decoded and broken into lines. */
typedef struct para_set {
    text_char *chars; /* with break marks */
    size_t n;
    layout_lines lines;
} para_set;

/** Decode and break `text` (see layout_break_text). `p` zero-initialised. */
void para_break(para_set *p, const layout_config *cfg, const layout_text_style *st,
                const char *text, double measure);

/** Free a paragraph (it may be reused). */
void para_free(para_set *p);

/** Emit the spans of line `li` of `p`: `left` is the x of the measure's
 *  left edge, `baseline` the line's y. Characters with the same space after
 *  them become one span (PDF Tc), so a justified CJK line is one span and a
 *  number inside it keeps its natural spacing. */
void line_emit(layout_page *page, const layout_config *cfg, const layout_text_style *st,
               const char *text, const para_set *p, size_t li, double left,
               double baseline);

/* ------------------------------------------------------------------------
 * Pages (flow.c, pages.c)
 * ---------------------------------------------------------------------- */

/** The printed page number of each heading, from the previous pass
 *  (document.c), indexed by block index; 0 = unknown. */
typedef struct toc_numbers {
    int *page_number;
    size_t count;
} toc_numbers;

/** Typeset the blocks of `d` into `out` (flow.c). The 目录 block is set
 *  with the numbers in `nums`. */
void flow_document(const doc *d, const layout_config *cfg, const toc_numbers *nums,
                   layout_result *out);

/** Set a cover page (pages.c). */
void pages_cover(const block *b, const layout_config *cfg, layout_result *out);

/** Set the 目录 pages for the headings after block `toc_index` (pages.c). */
void pages_toc(const doc *d, size_t toc_index, const layout_config *cfg,
               const toc_numbers *nums, layout_result *out);

/** Number the pages and add the footers "— N —" (pages.c). */
void pages_number(const layout_config *cfg, layout_result *out);

#endif
