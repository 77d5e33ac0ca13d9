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

/** How appendix tables are set (style.yaml `tables:`, read by table.c).
 *  Lengths in pt. */
typedef struct layout_table_style {
    font_face face, bold_face, header_face; /* cells, total cells, header cells */
    double size, min_size;   /* cell text; shrunk down to min_size to fit */
    double leading;          /* line pitch inside a cell, × size */
    double pad_x, pad_y;     /* cell padding */
    double min_row;          /* least row height */
    double rule;             /* border width */
    font_face title_face;
    double title_size, title_pitch;
    font_face line_face;     /* 公开NN表 label, 编制单位 / 单位 line */
    double line_size, line_pitch;
    double note_size, note_pitch;
    double gap;              /* space between the unit line and the table, the table and the notes */
    double land_top, land_left, land_w, land_h; /* text block of landscape pages */
} layout_table_style;

/** How charts (图1–图7) are set (style.yaml `charts:`, read by chart.c).
 *  Lengths in pt; colours 0xRRGGBB. */
typedef struct layout_chart_style {
    double height;           /* a chart, its caption included */
    double empty_height;     /* a pie with nothing to show: its line and the caption */
    font_face caption_face;
    double caption_size;
    font_face label_face;    /* values, percentages, legend, unit */
    double label_size;
    double bar_width, bar_gap;
    double inside_min;       /* fraction: smaller slices get their percentage outside */
    double line_width;       /* axis, leader lines */
    double slice_border;     /* the white line between slices */
    uint32_t axis_colour;
    uint32_t *colours;       /* series / slice colours, in turn */
    size_t n_colours;
} layout_chart_style;

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

    layout_table_style table; /* appendix tables (table.c) */
    layout_chart_style chart; /* charts (chart.c) */

    /* 标点挤压 (squeeze.c) */
    bool squeeze_adjacent, squeeze_line_end, squeeze_fit;
    double squeeze_loose; /* em between units above which a line squeezes to fit instead */
    int8_t blank[FACE_COUNT][48]; /* per face and candidate mark (squeeze.c): 0 unknown,
                                     else 1 + bits (1 blank left half, 2 right half) */

    void *line_iter; /* ICU UBreakIterator for UAX #14 (uax14.c) */
    void *text_cache; /* texts decoded and break-marked in this document (textcache.c) */
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
    /* 标点挤压 (squeeze.c), pt at the paragraph's size: */
    double sq_fixed; /* always taken from the space after this character
                        (two full-width marks side by side) */
    double sq_fit;   /* may be taken from the space after it to fit a line */
    double sq_end;   /* may be taken from its advance when it ends a line */
} text_char;

/** Decode UTF-8 into characters (invalid bytes become U+FFFD with `bad`
 *  set). Returns a malloc'd array and its length in *n. */
text_char *text_decode(const char *s, size_t len, size_t *n);

/** text_decode of s[0, len), with text_mark_breaks when `breaks`, through
 *  the configuration's text cache (textcache.c): each text is decoded and
 *  marked once until text_cache_clear. Returns a malloc'd copy the caller
 *  owns (with one zeroed character past the end) and its length in *n.
 *  The squeeze fields are left to text_mark_squeeze. */
text_char *text_chars(const layout_config *cfg, const char *s, size_t len, bool breaks, size_t *n);

/** Forget the texts text_chars kept, and the memos below (the end of
 *  layout_document, and layout_config_free). */
void text_cache_clear(const layout_config *cfg);

/** Mark break opportunities and justification gaps (text.c, the 禁则). */
void text_mark_breaks(const layout_config *cfg, text_char *c, size_t n);

/* ------------------------------------------------------------------------
 * UAX #14 (uax14.c): ICU's line BreakIterator
 * ---------------------------------------------------------------------- */

/** Open / close the configuration's reusable ICU line iterator (config.c
 *  calls these; without it text_mark_breaks opens one per paragraph). */
void uax14_open(layout_config *cfg);
void uax14_close(layout_config *cfg);

/** The UAX #14 opportunities of `n` code points with the configuration's
 *  iterator (see layout_uax14_breaks); false when ICU fails. */
bool uax14_breaks(const layout_config *cfg, const uint32_t *cps, size_t n, uint8_t *out);

/* ------------------------------------------------------------------------
 * 标点挤压 (squeeze.c)
 * ---------------------------------------------------------------------- */

/** Read the `punctuation:` section of style.yaml. */
void punct_style_read(yaml_file *y, layout_config *cfg);

/** Fill sq_fixed / sq_fit / sq_end of the characters of a paragraph set in
 *  `st`: a full-width mark's blank half (found from the glyph's outline:
 *  ink in one half of a full-em advance) may be squeezed away as the
 *  style's `punctuation:` section allows. */
void text_mark_squeeze(const layout_config *cfg, const layout_text_style *st, text_char *c,
                       size_t n);

/** Decode one UTF-8 character at s[*i] (len bytes in all); advance *i.
 *  Returns false on an invalid sequence (then *cp = U+FFFD, *i advances 1). */
bool text_utf8_next(const char *s, size_t len, size_t *i, uint32_t *cp);

/** Decode a whole UTF-8 string into code points (malloc'd, *n set). */
uint32_t *text_codepoints(const char *s, size_t *n);

/* ------------------------------------------------------------------------
 * Appendix tables (table.c)
 * ---------------------------------------------------------------------- */

/** Read the `tables:` section of style.yaml (lengths in mm, sizes in pt). */
void table_style_read(yaml_file *y, layout_config *cfg);

/** The text block of a page, pt: left edge, top edge (y), width, height.
 *  Portrait pages use the style's page block; landscape table pages the
 *  `tables.landscape` block. */
typedef struct layout_frame {
    double left, top, width, height;
} layout_frame;
void layout_page_frame(const layout_config *cfg, const layout_page *page, layout_frame *f);

/** Block `i` is a heading directly followed by a table block: the table
 *  sets it on its own first page (flow.c skips it). */
bool table_takes_heading(const doc *d, size_t i);

/** Set table block `i` (with the heading before it, if any) on pages of
 *  its own. */
void table_pages(const doc *d, size_t i, const layout_config *cfg, layout_result *out);

/* ------------------------------------------------------------------------
 * Charts (chart.c)
 * ---------------------------------------------------------------------- */

/** Read the `charts:` section of style.yaml (lengths in mm, sizes in pt). */
void chart_style_read(yaml_file *y, layout_config *cfg);

/** Free what chart_style_read allocated. */
void chart_style_free(layout_config *cfg);

/** The height a chart block takes (pt); 0 without chart data. */
double chart_height(const layout_config *cfg, const chart_data *c);

/** Set chart `c` in the box whose top-left corner is (left, top), `width`
 *  wide and `height` high (chart_height):
 *  shapes and labels on `page`, the caption "图N：…" centred on the box's
 *  last body line. */
void chart_emit(layout_page *page, const layout_config *cfg, const chart_data *c, double left,
                double top, double width, double height);

/** What chart `c` shows, in words: its caption, unit and each item with
 *  its amount (and share), for the PDF's alternative text (malloc'd). */
char *chart_alt(const chart_data *c);

/** All the text chart `c` sets in `face`, for the glyph check (malloc'd;
 *  NULL when none). */
char *chart_text(const layout_config *cfg, const chart_data *c, font_face face);

/* ------------------------------------------------------------------------
 * Result building (result.c)
 * ---------------------------------------------------------------------- */

/** Append a new empty page; returns it. */
layout_page *result_add_page(layout_result *r);

/** Append a span of bytes [start, end) of `text` to `page`. */
void page_add_span(layout_page *page, font_face face, double size, double x,
                   double y, double char_space, const char *text, size_t start,
                   size_t end);

/** Add a structure element (layout_elem) under `parent` (0: the
 *  document); returns its number (1-based). */
int result_elem(layout_result *r, layout_role role, int parent);

/** Make `elem` the current element: what spans and shapes added to the
 *  last page (and to pages added after it) belong to; 0: artifacts. */
void result_mark(layout_result *r, int elem);

/** result_elem under the document, then result_mark it; returns it. */
int result_mark_new(layout_result *r, layout_role role);

/** The role of a heading of `level` (ROLE_H1 … ROLE_H4). */
layout_role layout_heading_role(int level);

/** Record a 目录 link (layout_link). */
void result_add_link(layout_result *r, size_t page, double x0, double y0, double x1, double y1,
                     size_t target, int elem);

/** Append a ruled line to `page`. */
void page_add_rule(layout_page *page, double x0, double y0, double x1, double y1, double width);

/** Record that a piece of block `block` was set on page `page` (see
 *  layout_place: a line's byte range, or a table's grid row, else -1). */
void result_add_place(layout_result *r, size_t index, size_t page, size_t start, size_t end, int row);

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

/** The memo of para_break (textcache.c): when text[0, len) was broken in
 *  `st` at `measure` before in this document, fill `p` (zero-initialised)
 *  with a copy of that result and return true. */
bool para_memo_get(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                   double measure, para_set *p);

/** Keep a copy of para_break's result `p` for text[0, len), `st`, `measure`. */
void para_memo_put(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                   double measure, const para_set *p);

/** The memo of layout_text_width (textcache.c): the width of text[0, len)
 *  in st's face, size and char_space when measured before; true if so. */
bool width_memo_get(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                    double *width);

/** Keep the width of text[0, len) in st's face, size and char_space. */
void width_memo_put(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                    double width);

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

/** How far a layout_result has grown: its pages, elements, links, places
 *  and headings, and the current element (flow.c). */
typedef struct result_counts {
    size_t pages, elems, links, places, headings;
    int mark;
} result_counts;

/** The counts of `r` now (flow.c). */
void result_counts_take(const layout_result *r, result_counts *c);

/** Typeset blocks 0 .. end-1 of `d` into `out` (flow.c); `end` is
 *  d->count for the whole document, or one past the 目录 block for the
 *  pages up to the 目录's last. The 目录 block is set with the numbers in
 *  `nums`; when `at_toc` is not NULL it receives the counts of `out` just
 *  after the (first) 目录 is set. What follows the 目录 starts on a page of
 *  its own and depends on nothing the 目录 holds but the number of its
 *  pages, elements and links (document.c relies on it). */
void flow_document(const doc *d, const layout_config *cfg, const toc_numbers *nums, size_t end,
                   result_counts *at_toc, layout_result *out);

/** layout_document (document.c); with `full_passes`, every pass after the
 *  first sets the whole document again rather than only the pages up to
 *  the 目录 (the tests compare the two). */
int layout_document_passes(const doc *d, const layout_config *cfg, layout_result *out,
                           diag_list *diags, bool full_passes);

/** Set a cover page (pages.c). */
void pages_cover(const block *b, const layout_config *cfg, layout_result *out);

/** Set the 目录 pages for the headings after block `toc_index` (pages.c). */
void pages_toc(const doc *d, size_t toc_index, const layout_config *cfg,
               const toc_numbers *nums, layout_result *out);

/** Number the pages and add the footers "— N —" (pages.c). */
void pages_number(const layout_config *cfg, layout_result *out);

#endif
