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
 *   @right                                        the next paragraph is set flush
 *                                                 right, without indent (a signature
 *                                                 and its date)
 *   @center                                       the next paragraph is centred,
 *                                                 without indent
 *   @grid PATH                                    a table described in the facts tree
 *                                                 at PATH (see doc_grid_from_facts)
 *   @above                                        the next paragraph is set flush left,
 *                                                 without indent, on the page of the
 *                                                 heading after it (a label such as
 *                                                 “附件1” over a title that starts a page)
 *   @headings N                                   the headings that follow are N (0–3)
 *                                                 levels deeper, at most level 4: a
 *                                                 document set inside another one's
 *                                                 part (0 ends it)
 * A backslash at the start of a line ("\#", "\@") makes it plain text.
 */
#ifndef JUESUAN_DOC_H
#define JUESUAN_DOC_H

#include "../facts/facts.h"

/* ------------------------------------------------------------------------
 * Printed tables: the one place that decides how an appendix table looks
 * (header block with merged cells, two-sided forms side by side, rows split
 * over two sides, transposed forms, notes). gen/xlsx and gen/pdf both draw
 * this grid, so the workbook and the PDF cannot differ.
 * ---------------------------------------------------------------------- */

typedef enum grid_align { GRID_LEFT = 0, GRID_CENTER, GRID_RIGHT } grid_align;

/** A number that is not money (the 自评表's rates and scores). */
typedef enum grid_number {
    GRID_NUMBER_NONE = 0,
    GRID_NUMBER_PERCENT, /* `hundredths` of a percent: "100.00%" */
    GRID_NUMBER_POINTS   /* `hundredths` of a point (权重, 得分): "10", "8.5" */
} grid_number;

typedef struct grid_cell {
    int row, col;           /* top-left, 0-based within the grid */
    int row_span, col_span; /* >= 1 */
    char *text;             /* what is printed ("" for an empty cell) */
    bool is_amount;         /* a money cell: `amount` holds the value, `text`
                               shows it as the blank-versus-zero rule says
                               (README; a zero is "" outside a rate's row) */
    bool is_count;          /* a whole number such as a 行次: `text` holds its digits */
    money_t amount;         /* 分; printed as 万元 #,##0.00 */
    grid_number number;     /* a rate or a score: `hundredths` holds it, `text` shows it */
    int64_t hundredths;
    bool rate;              /* a cell of a rate column (执行率): a percent, or
                               words where there is none ("-"); its row
                               prints its zero amounts */
    bool header;            /* part of the header block */
    bool bold;              /* totals */
    grid_align align;
} grid_cell;

typedef struct table_grid {
    const table_spec *spec; /* NULL for a 项目支出绩效自评表 */
    char *sheet;      /* XLSX sheet name (<= 31 characters) */
    char *label;      /* "公开01表" */
    char *title;      /* "收入支出决算总表" */
    char *org_line;   /* "编制单位：…" */
    char *unit_line;  /* "单位：万元" */
    int rows, cols;   /* grid size, header included */
    int header_rows;  /* the first rows that repeat on each page */
    int *widths;      /* cols entries, in characters */
    grid_cell *cells; /* every printed cell (spanned positions appear once) */
    size_t n_cells;
    char **notes;     /* rendered footnotes (or the empty-table note) */
    size_t n_notes;
    bool empty;       /* the table has no data */
    bool landscape;
} table_grid;

/* ------------------------------------------------------------------------
 * Charts (图1–图7): the data a chart shows, taken from the facts tree.
 * ---------------------------------------------------------------------- */

typedef enum chart_kind { CHART_BAR = 1, CHART_PIE = 2 } chart_kind;

typedef struct chart_item {
    char *label;      /* "2024年度" or "一般公共预算财政拨款收入" */
    money_t value;    /* exact, 分 */
    char *value_text; /* "3313.32" (万元, as the text says it) */
    char *share_text; /* "95.19" for pie slices; NULL for bars */
} chart_item;

typedef struct chart_data {
    chart_kind kind;
    char *caption;    /* "图1：收、支决算总计变动情况" */
    char *unit;       /* "万元" */
    chart_item *items;
    size_t n_items;
    char *empty_text; /* a pie with nothing to show: the line printed
                         instead ("2024年度本单位无“三公”经费财政拨款支出。");
                         NULL otherwise */
} chart_data;

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
    bool right;        /* BLOCK_PARAGRAPH: flush right, no indent */
    bool center;       /* BLOCK_PARAGRAPH: centred, no indent */
    bool above;        /* BLOCK_PARAGRAPH: @above, no indent, kept on the next heading's page */
    bool from_facts;   /* BLOCK_TABLE: @grid, `arg` is a facts path */
    cover_line *lines; /* BLOCK_COVER */
    size_t n_lines;
    table_grid *grid;  /* BLOCK_TABLE, after doc_resolve_tables */
    chart_data *chart; /* BLOCK_CHART, after doc_resolve_charts */
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

/** Free the blocks of a document (grids and charts included). */
void doc_free(doc *d);

/** Build the printed grid of table `t` (spec + data; notes rendered with
 *  the facts tree). Returns NULL after adding errors. */
table_grid *table_grid_build(const table *t, const unit *u, const value *facts, diag_list *diags);

/** Build the printed grid of one 项目支出绩效自评表 from its facts
 *  (an entry of performance.projects): 项目名称 (the header row repeated on
 *  each page), 主管部门 / 实施单位, 项目基本情况, 预算执行情况 (总额 and the
 *  four fund rows), 绩效指标 grouped by 一级 / 二级指标 with merged cells,
 *  合计, 评价结论, 存在问题, 改进措施, the two signatures. `title` is the
 *  table title (performance.table_title). */
table_grid *project_grid_build(const value *project, const char *title);

/** Free a grid (NULL is fine). */
void table_grid_free(table_grid *g);

/** A grid from a table described in the facts tree (what `@grid PATH`
 *  prints): {label?, title?, org_line?, unit_line?, landscape?, widths:
 *  [characters per column], header_rows (default 1), rows: [[cell…]…]} with
 *  cell {text, rows?, cols? (spans), bold?, align? left|center|right,
 *  amount? (true: the text is an amount in 万元, printed by the
 *  blank-versus-zero rule), rate? (true: a cell of a rate column)};
 *  cells are placed as in HTML (a spanned position is skipped). Returns
 *  NULL after an error at `pos`. */
table_grid *table_grid_from_facts(const value *g, srcpos pos, diag_list *diags);

/** Attach a grid to every BLOCK_TABLE (its arg names a spec id such as
 *  "t01", or "project-N" for the N-th entry of performance.projects; an
 *  unknown id is an error at the block's position; for @grid, a facts
 *  path: table_grid_from_facts). Returns 0 or -1. */
int doc_resolve_tables(doc *d, const unit *u, const value *facts, diag_list *diags);

/** Attach chart data to every BLOCK_CHART from facts "charts.<arg>"
 *  (an unknown id is an error at the block's position). Returns 0 or -1. */
int doc_resolve_charts(doc *d, const value *facts, diag_list *diags);

/** Free chart data (NULL is fine). */
void chart_data_free(chart_data *c);

#endif
