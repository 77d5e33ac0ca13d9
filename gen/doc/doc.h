/* doc.h — gen/doc: the block markup that templates emit, parsed into blocks.
 *
 * Markup (one construct per line group):
 *   # Title / ## Title / ### Title / #### Title   heading of level 1–4
 *   text lines separated by blank lines           a paragraph (lines joined
 *                                                 without spaces: Chinese)
 *   @cover                                        a cover page; the following
 *                                                 non-blank lines are its lines:
 *                                                 "title: …" large centred title
 *                                                 lines, "sub: …" smaller centred
 *                                                 lines, "date: …" the line at the
 *                                                 foot of the cover
 *   @toc                                          the 目录 (table of contents)
 *   @table ID                                     an appendix table (spec id)
 *   @chart ID                                     a chart
 *   @pagebreak                                    start a new page
 *   @noindent                                     the next paragraph has no
 *                                                 first-line indent
 * A backslash at the start of a line ("\#", "\@") makes it plain text.
 */
#ifndef JUESUAN_DOC_H
#define JUESUAN_DOC_H

#include "../model/model.h"

typedef enum block_type {
    BLOCK_COVER = 1,
    BLOCK_TOC,
    BLOCK_HEADING,
    BLOCK_PARAGRAPH,
    BLOCK_TABLE,
    BLOCK_CHART,
    BLOCK_PAGEBREAK
} block_type;

typedef enum cover_line_kind {
    COVER_TITLE = 1,
    COVER_SUB,
    COVER_DATE
} cover_line_kind;

typedef struct cover_line {
    cover_line_kind kind;
    char *text;
} cover_line;

typedef struct block {
    block_type type;
    int level;         /* BLOCK_HEADING: 1–4 */
    char *text;        /* BLOCK_HEADING / BLOCK_PARAGRAPH: UTF-8 text */
    char *arg;         /* BLOCK_TABLE / BLOCK_CHART: the id */
    bool noindent;     /* BLOCK_PARAGRAPH: no first-line indent */
    cover_line *lines; /* BLOCK_COVER */
    size_t n_lines;
    srcpos pos;        /* line in the rendered markup */
} block;

typedef struct doc {
    block *blocks;
    size_t count, cap;
} doc;

/** Parse markup into `out` (zero-initialised). `origin` names the markup in
 *  diagnostics. Returns 0, or -1 after adding errors (unknown directive,
 *  bad cover line, heading without text). */
int doc_parse(const char *markup, const char *origin, doc *out, diag_list *diags);

/** Free the blocks of a document. */
void doc_free(doc *d);

#endif
