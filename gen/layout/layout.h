/* layout.h — gen/layout: style and fonts, line breaking and pagination.
 *
 * Reads templates/style.yaml (page size, margins, sizes, spacing) and
 * fonts/fonts.yaml (which TrueType file serves each face), measures text
 * with FreeType, breaks Chinese text into lines (UAX #14 opportunities from
 * ICU, then 禁则: no line starts with closing punctuation, none ends with
 * opening punctuation; numbers and Latin words unbroken; 标点挤压),
 * justifies, sets the charts, and paginates. The result is a list of pages
 * of positioned text runs and chart shapes that gen/pdf draws.
 *
 * Units: all lengths in this header are PDF points (1/72 inch), x from the
 * left edge and y from the bottom edge of the page, as in PDF user space.
 *
 * Files: config.c (the configuration record), style.c (style.yaml),
 * fonts.c (fonts.yaml, FreeType faces and advances), yaml.c (reading YAML
 * with positions), uax14.c (ICU's UAX #14 break opportunities), text.c
 * (UTF-8, character classes, the Chinese tailoring and 禁则), squeeze.c
 * (标点挤压), linebreak.c (breaking and justifying), flow.c (pagination of
 * headings, paragraphs and charts), chart.c (charts), pages.c (cover, 目录,
 * page numbers), document.c (glyph check, the 目录 passes), result.c (the
 * result lists); internal.h is shared by these files only.
 */
#ifndef JUESUAN_LAYOUT_H
#define JUESUAN_LAYOUT_H

#include "../doc/doc.h"

/** Font faces the layout uses. */
typedef enum font_face {
    FACE_SERIF = 0,      /* body text: Noto Serif SC Regular */
    FACE_SERIF_BOLD = 1,
    FACE_SANS = 2,       /* headings: Noto Sans SC Regular */
    FACE_SANS_BOLD = 3,
    FACE_COUNT = 4
} font_face;

typedef struct layout_config layout_config;

/* ------------------------------------------------------------------------
 * Configuration
 * ---------------------------------------------------------------------- */

/** Load style and font configuration. `root` is the project folder that
 *  relative paths in the files are resolved against. Returns NULL after
 *  adding diagnostics (missing file, bad YAML, a font file that is missing
 *  or not a glyf TrueType font). */
layout_config *layout_config_load(const char *style_path, const char *fonts_path,
                                  const char *root, diag_list *diags);

/** Free a configuration. */
void layout_config_free(layout_config *cfg);

/** The font file paths fonts/fonts.yaml (`fonts_path`) names, resolved
 *  against `root` as layout_config_load resolves them, without opening the
 *  fonts or reading the style (a build the manifest skips hashes them and
 *  needs no more): paths[face] malloc'd, NULL where no file is named.
 *  Returns 0, or -1 when the file has a problem (layout_config_load says
 *  which). */
int layout_font_paths(const char *fonts_path, const char *root, char *paths[FACE_COUNT]);

/** The font file path of a face (for the PDF writer). */
const char *layout_config_font_path(const layout_config *cfg, font_face face);

/** The face's index inside a TrueType collection (.ttc); 0 for a .ttf. */
int layout_config_font_index(const layout_config *cfg, font_face face);

/** The name of a face as written in fonts.yaml: "serif", "serif_bold",
 *  "sans", "sans_bold". */
const char *layout_face_name(font_face face);

/** The page size from the style (points). */
void layout_config_page_size(const layout_config *cfg, double *width, double *height);

/** The margins of a page, mm, as top, right, bottom, left: of the text
 *  pages (style.yaml page:), or of landscape table pages (tables.landscape:,
 *  on the page turned). The workbook prints with the same (gen/xlsx). */
void layout_config_margins(const layout_config *cfg, bool landscape, double mm[4]);

/** The chart colours of the style (charts.colours, 0xRRGGBB), taken in
 *  turn by bars and slices; their number in *n. */
const uint32_t *layout_config_chart_colours(const layout_config *cfg, size_t *n);

/** Whether `face` has a glyph for code point `cp`. */
bool layout_has_glyph(const layout_config *cfg, font_face face, uint32_t cp);

/** Check that every character of `text` can be drawn in every face (and is
 *  in the BMP, which libharu needs); each missing character is an error at
 *  `pos` naming it and its code point. Returns the number of errors added. */
int layout_check_text(const layout_config *cfg, const char *text, srcpos pos, diag_list *diags);

/** The advance of `cp` in `face` at `size` points, exactly as the PDF will
 *  place it: the font's advance in 1/1000 em truncated to an integer (the
 *  /W widths libharu writes), times size / 1000. 0 when there is no glyph. */
double layout_advance(const layout_config *cfg, font_face face, uint32_t cp, double size);

/* ------------------------------------------------------------------------
 * Line breaking (one paragraph)
 * ---------------------------------------------------------------------- */

typedef enum layout_align {
    LAYOUT_JUSTIFY = 0, /* every line but the last fills the measure */
    LAYOUT_LEFT,
    LAYOUT_CENTER,
    LAYOUT_RIGHT
} layout_align;

/** How a paragraph is set. */
typedef struct layout_text_style {
    font_face face;
    double size;        /* font size, pt */
    double char_space;  /* space between two adjacent characters, pt (the
                           character grid; may be slightly negative) */
    double indent;      /* first-line indent, pt */
    layout_align align;
} layout_text_style;

/** One line of a broken paragraph. */
typedef struct layout_line {
    size_t start, end; /* byte range of the text on this line; spaces at
                          either end of a line are left out */
    double x;          /* offset of the first character from the measure's
                          left edge (indent, centring) */
    double natural;    /* advances of the characters plus char_space
                          between each two of them, less the blank
                          between two adjacent full-width marks */
    size_t gaps;       /* break opportunities inside the line: where
                          justification adds space (never inside a number
                          or a Latin word) */
    double extra;      /* space added at each of those gaps */
    double squeeze;    /* 标点挤压: width taken from full-width marks so that
                          the line holds one more unit instead of being
                          spread (the blank half of a mark ending the line
                          first, then evenly from the marks inside it) */
    double width;      /* natural - squeeze + gaps * extra: the set width */
} layout_line;

typedef struct layout_lines {
    layout_line *items;
    size_t count, cap;
} layout_lines;

/** The style of body paragraphs (face, size, grid spacing, indent). */
layout_text_style layout_config_body_style(const layout_config *cfg);

/** The width of the text block (the measure of a body line), pt. */
double layout_config_measure(const layout_config *cfg);

/** Break UTF-8 `text` into lines no wider than `measure` (the first line
 *  starts `st->indent` in). Break opportunities: between any two CJK
 *  characters and at spaces; never inside a run of ASCII letters and digits
 *  or a number expression ("3,313.32", "17.39%"), nor between a number and
 *  a following keep_after_number character ("2024年"). 禁则: a line never
 *  starts with closing punctuation (，。、；：？！）》」』’”％% …) nor ends
 *  with opening punctuation (（《「『‘“ …); such a character stays with its
 *  neighbour, so the neighbour is pulled down to the next line with it.
 *  A run wider than the measure is split where it must.
 *  Justified lines but the last get `extra` at each gap so they fill the
 *  measure. Appends to `out` (zero-initialised by the caller). */
void layout_break_text(const layout_config *cfg, const layout_text_style *st,
                       const char *text, double measure, layout_lines *out);

/** Free the lines (the struct may be reused). */
void layout_lines_free(layout_lines *lines);

/** Break opportunities of UAX #14 (Unicode line breaking), as ICU's line
 *  BreakIterator gives them (root locale; ICU 72 implements Unicode 15.0),
 *  before the Chinese tailoring layout_break_text adds. */
typedef enum layout_break {
    LAYOUT_BREAK_NONE = 0,  /* no break here (×) */
    LAYOUT_BREAK_ALLOWED,   /* a break opportunity (÷) */
    LAYOUT_BREAK_MANDATORY  /* a hard break: after a line feed, paragraph separator … */
} layout_break;

/** For the `n` code points `cps` (surrogate code points are passed on as
 *  lone UTF-16 units), set out[k] (k = 0..n, n + 1 entries) to the kind of
 *  boundary before cps[k]: out[0] is NONE (no break at the start of text),
 *  out[n] MANDATORY (the end of text). Returns false (out unchanged) when
 *  ICU fails. */
bool layout_uax14_breaks(const uint32_t *cps, size_t n, uint8_t *out);

/** Natural width of bytes [start, end) of `text` set in `st` (advances plus
 *  char_space between characters, less the blank between two adjacent
 *  full-width marks). */
double layout_text_width(const layout_config *cfg, const layout_text_style *st,
                         const char *text, size_t start, size_t end);

/* ------------------------------------------------------------------------
 * A laid-out document
 * ---------------------------------------------------------------------- */

/** The role of a structure element: what a run of text or a shape is part
 *  of, for the PDF's structure tree (tagged PDF, ISO 32000-1 14.8.4). The
 *  layout knows what it sets: a heading of a level, a paragraph, a table
 *  cell (header or not), a chart, an entry of the 目录. */
typedef enum layout_role {
    ROLE_P = 1,  /* a paragraph, a cover line, a table's title line or note */
    ROLE_H1,     /* headings of level 1 (parts) … 4 */
    ROLE_H2,
    ROLE_H3,
    ROLE_H4,
    ROLE_TABLE,  /* an appendix table: its rows */
    ROLE_TR,     /* a row: its cells */
    ROLE_TH,     /* a header cell */
    ROLE_TD,     /* a body cell */
    ROLE_FIGURE, /* a chart: its shapes, labels and caption; alt = what it shows */
    ROLE_TOC,    /* the 目录: its entries */
    ROLE_TOCI,   /* one 目录 entry: its link */
    ROLE_LINK    /* the text of a 目录 entry, leaders and page number (layout_link) */
} layout_role;

/** A structure element. Elements are listed in reading order, a parent
 *  before its children; the text and shapes that belong to one carry its
 *  number (layout_span.elem). */
typedef struct layout_elem {
    layout_role role;
    int parent;             /* the parent element's number; 0: the document */
    char *alt;              /* FIGURE: the alternative text (owned); else NULL */
    int row_span, col_span; /* TH, TD: the rows and columns the cell spans */
} layout_elem;

/** A link of the 目录: the rectangle of an entry on its page, and the
 *  heading it leads to (its layout_heading has the page and position). */
typedef struct layout_link {
    size_t page;            /* index into pages */
    double x0, y0, x1, y1;  /* the entry's rectangle */
    size_t block;           /* the heading's block index */
    int elem;               /* its ROLE_LINK element */
} layout_link;

/** A run of text on one baseline, drawn with one font, size and character
 *  spacing (PDF Tc: added after every character). */
typedef struct layout_span {
    font_face face;
    double size;       /* pt */
    double x, y;       /* start of the baseline */
    double char_space; /* pt added after each character */
    char *text;        /* UTF-8, owned */
    int elem;          /* the structure element it belongs to (1-based
                          index into layout_result.elems); 0: an artifact
                          (page number, a repeated table header, a
                          cell's text again after a page break) */
} layout_span;

/** A ruled line (a table border), stroked `width` pt wide. */
typedef struct layout_rule {
    double x0, y0, x1, y1;
    double width;
} layout_rule;

/** A shape of a chart (chart.c). Colours are 0xRRGGBB; LAYOUT_NO_COLOUR
 *  leaves the fill or the stroke out. */
#define LAYOUT_NO_COLOUR UINT32_C(0xFFFFFFFF)
typedef enum layout_shape_kind {
    SHAPE_RECT = 1, /* x, y: lower-left corner; w, h: size */
    SHAPE_SECTOR,   /* a pie slice: centre x, y, radius r, from angle a0 to a1
                       (degrees clockwise from 12 o'clock, a0 < a1); a1 - a0
                       >= 360 is a whole disc */
    SHAPE_LINE      /* from (x, y) to (x + w, y + h) */
} layout_shape_kind;

typedef struct layout_shape {
    layout_shape_kind kind;
    double x, y, w, h, r, a0, a1;
    uint32_t fill, stroke;
    double line_width; /* pt, for the stroke */
    int elem;          /* its structure element (a FIGURE), as layout_span.elem */
} layout_shape;

typedef struct layout_page {
    layout_span *spans;
    size_t n_spans, cap;
    layout_rule *rules; /* table borders (table.c) */
    size_t n_rules, rules_cap;
    bool landscape;     /* a landscape table page: page_height wide, page_width high */
    layout_shape *shapes; /* charts (chart.c), drawn before the text */
    size_t n_shapes, shapes_cap;
    int number; /* printed page number; 0 = none (cover, 目录) */
    bool cover; /* the cover page */
    bool toc;   /* a 目录 page */
    int mark;   /* while laying out: the element spans and shapes added
                   now belong to (layout_span.elem) */
} layout_page;

/** A heading as placed (for the outline and the 目录). */
typedef struct layout_heading {
    int level;
    size_t block; /* index of the heading block in the doc */
    char *text;   /* owned copy */
    size_t page;  /* index into pages */
    double top;   /* y of the top of the heading's first line */
    srcpos pos;
} layout_heading;

/** Where a piece of a block landed: one line of a heading or paragraph,
 *  one grid row of a table, a chart, a cover. `juesuan diff` reads these to
 *  say on which page a sentence or a table cell is printed (gen/cli/diff*.c);
 *  the PDF writer does not need them. */
typedef struct layout_place {
    size_t block;      /* index of the block in the doc */
    size_t page;       /* index into pages */
    size_t start, end; /* BLOCK_HEADING / BLOCK_PARAGRAPH: the byte range of the
                          block's text set on this line; 0, 0 otherwise */
    int row;           /* BLOCK_TABLE: the grid row drawn (body rows once, where
                          they are set; header rows on the table's first page
                          only); -1 otherwise */
} layout_place;

typedef struct layout_result {
    double page_width, page_height;
    layout_page *pages;
    size_t n_pages, cap;
    layout_heading *headings;
    size_t n_headings, heading_cap;
    int outline_levels; /* headings of level 1..outline_levels go in the outline */
    layout_elem *elems; /* the structure elements, in reading order; the
                           ruled lines of tables are artifacts */
    size_t n_elems, elem_cap;
    int mark;           /* while laying out: the current element (new
                           pages start with it) */
    layout_link *links; /* the 目录's entries, in order */
    size_t n_links, link_cap;
    layout_place *places; /* in the order they were set */
    size_t n_places, places_cap;
} layout_result;

/** The page index (into r->pages) where block number `index` is set: for a
 *  heading or paragraph, the page of the line holding byte `at` of its text
 *  (the last line starting at or before it); for a table with `row` >= 0,
 *  the page grid row `row` is drawn on; else where the block starts.
 *  (size_t)-1 when it was not set. */
size_t layout_place_page(const layout_result *r, size_t index, size_t at, int row);

/** Lay out a document: check that every character of every block has a
 *  glyph in the face that draws it, then typeset and paginate (the 目录
 *  lists the page number each heading lands on: laid out again until the
 *  numbers settle). `out` must be zero-initialised. Returns 0, or 1 after
 *  adding diagnostics (a missing glyph: the character, U+XXXX and the
 *  block's position; invalid UTF-8; a table or chart block without its
 *  data). A chart (a BLOCK_CHART with its chart_data) is a box of its own
 *  height, moved whole to the next page when it does not fit (chart.c). An
 *  appendix table (a BLOCK_TABLE with its grid) starts a page of its own,
 *  with the heading just before it, and goes on over as many pages as it
 *  needs (landscape ones when its spec says so; table.c).
 *  On failure `out` holds nothing that needs freeing beyond
 *  layout_result_free. */
int layout_document(const doc *d, const layout_config *cfg, layout_result *out,
                    diag_list *diags);

/** Free a result (the struct may be reused). */
void layout_result_free(layout_result *r);

#endif
