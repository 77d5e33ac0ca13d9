/* diff.h — gen/cli (internal to the command line): what `juesuan diff`
 * finds between two unit folders, each run through the one pipeline
 * (input → … → layout; the workbook's cell addresses from gen/xlsx).
 *
 *   diff_inputs   the changed input figures and texts (diff_input.c)
 *   diff_docs     the places in the documents they reach (diff_docs.c)
 *   diff_print    the listing on stdout, in Chinese (diff.c)
 *   diff_report   the 更正说明, PDF and Markdown (diff_report.c)
 */
#ifndef JUESUAN_DIFF_H
#define JUESUAN_DIFF_H

#include "internal.h"

/** One changed input value: a table amount, or a value of a YAML file. */
typedef struct input_change {
    bool figure;      /* an amount (a table cell, a number in YAML); else text */
    char *what;       /* "公开05表“2050302 中等职业教育”行“项目支出”列", "unit.yaml reasons.total" */
    char *old_text;   /* as the input states it; NULL: absent on that side */
    char *new_text;
    srcpos old_pos, new_pos; /* files borrowed from the two units */
} input_change;

/** A sentence, chart value or table cell as printed, and its page. */
typedef struct printed {
    char *text;
    int page;         /* printed page number; 0 a page without one (cover) */
    char *cell;       /* a table cell's workbook address ("公开05表!E12"), else NULL */
} printed;

typedef enum place_kind { PLACE_TEXT = 1, PLACE_CHART, PLACE_CELL } place_kind;

/** One place of a document that changed: a run of sentences (the old ones
 *  replaced by the new ones; either list may be empty), a chart value, a
 *  table cell. */
typedef struct doc_change {
    place_kind kind;
    char *where;      /* chart value / table cell: what it is; NULL for text */
    printed *olds, *news;
    size_t n_old, n_new;
} doc_change;

/** One document, in both folders. */
typedef struct doc_diff {
    char *old_title, *new_title; /* NULL: the document is not in that folder */
    const char *kind;            /* the registry name ("disclosure") */
    doc_change *changes;
    size_t n_changes;
} doc_diff;

typedef struct diff_result {
    const char *old_dir, *new_dir;
    input_change *inputs;
    size_t n_inputs;
    doc_diff *docs;
    size_t n_docs;
} diff_result;

/** One folder, read and laid out. */
typedef struct diff_side {
    project p;
    unit_build b;
    layout_result *layouts; /* one per b.docs */
} diff_side;

/** Compare the inputs of two units: tables (by spec, row and column),
 *  unit.yaml, performance/department.yaml and performance/projects/ *.yaml
 *  (by dotted path); appends to r->inputs. */
void diff_inputs(const diff_side *old_side, const diff_side *new_side, diff_result *r);

/** Compare the documents of two units (by kind, in registry order): the
 *  sentences of headings, paragraphs and covers (a longest common
 *  subsequence of the sentences; each run that differs is one change), the
 *  chart values by chart and label, the table cells by table, row (its
 *  texts: code and name, 项目) and column; appends to r->docs. */
void diff_docs(const diff_side *old_side, const diff_side *new_side, diff_result *r);

/** Count the changed places of all documents. */
size_t diff_places(const diff_result *r);

/** Free what a result holds. */
void diff_result_free(diff_result *r);

/** Write the 更正说明 of `r` into folder `dir`: "<new unit name>更正说明.pdf"
 *  and ".md", from templates/correction/notice.mustache (the PDF, through
 *  the document registry's `correction` kind: doc → layout → pdf with the
 *  new unit's style and fonts) and templates/correction/notice.md.mustache,
 *  over facts_correction; dated year-month-day. Both files are replaced
 *  together (output.c). Prints the paths written. Returns an exit status. */
int diff_report(diff_side *new_side, const diff_result *r, const char *dir, int year, int month, int day,
                diag_list *d);

#endif
