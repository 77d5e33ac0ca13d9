/* internal.h — shared by the files of gen/check only (not an interface). */
#ifndef JUESUAN_CHECK_INTERNAL_H
#define JUESUAN_CHECK_INTERNAL_H

#include "check.h"

/** What every rule group needs. */
typedef struct cctx {
    const unit *u;
    const spec_set *specs;
    diag_list *d;
    int errors;   /* errors added so far */
    bool yaml_ok; /* unit.yaml passed the schema rules: the rules that weigh
                     its reasons and budget against the tables may run */
} cctx;

/* ---- reporting (report.c) ------------------------------------------------ */

/** Report rule `rule` (its severity from the table) at `pos`. */
void check_report(cctx *c, const char *rule, srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** An amount as the input states it: in the unit's money unit, at least 2
 *  decimals, more only when needed ("3313.07", "0.7305"). `out` >= 48. */
char *check_money(const cctx *c, money_t v, char *out);

/** A sum of parts that remembers which rows gave them (for messages). */
typedef struct sum {
    money_t value;
    bool overflow; /* beyond int64_t 分: always an error */
    int n;         /* non-zero parts summed (the 尾差 bound counts these) */
    int decimals;  /* the most decimals of a part, as 万元 (0–6) */
    int n_names;
    buf names;     /* "205、208、210" (the first few) */
} sum;

/** Add (or subtract) a part; blank parts count as 0 and are not named. */
void sum_add(sum *s, money_t v, bool present, const char *name);
void sum_sub(sum *s, money_t v, bool present, const char *name);
/** Add a table cell (blank or absent = 0); `name` (NULL: the row key)
 *  names the part in messages. */
void sum_cell(sum *s, const table *t, const char *key, int col, const char *name);
void sum_free(sum *s);

/** Compare `actual` (the figure at `pos`) with the sum `s`: nothing when
 *  equal; else rule `rule`, as a warning when it is a 尾差 within the
 *  bound (check_tail). `what` names the figure ("“合计”行“基本支出”列"),
 *  `parts` the parts ("其下各款"); the names of the parts follow in the
 *  message, which gives both figures without saying which is right.
 *  Returns true when equal. */
bool check_sum(cctx *c, const char *rule, srcpos pos, money_t actual, const sum *s, const char *what,
               const char *parts);

/** check_sum for the figure in row `key`, column `col` of table `t`: its
 *  position and description (tpos, tdesc_str) are made only when it
 *  disagrees (the checks compare thousands of rows; most agree). */
bool check_sum_cell(cctx *c, const char *rule, const table *t, const char *key, int col, const sum *s,
                    const char *parts);

/** True when `actual` differs from the sum `s` of separately rounded parts
 *  by no more than rounding can explain: in 万元, n × half a unit of the
 *  last decimal the figures carry (n = the non-zero parts; the last decimal
 *  = the most decimals among `actual` and the parts, at least 2; 6 decimals
 *  are whole 分 and nothing was rounded). In 元 never. */
bool check_tail(const cctx *c, money_t actual, const sum *s);

/** Append "，在 n 项各 0.005 万元（半个末位）的尾差以内" for `s`. */
void check_tail_text(const cctx *c, buf *b, money_t actual, const sum *s);

/** |a − b| as the input states amounts. `out` >= 48. */
char *check_diff(const cctx *c, money_t a, money_t b, char *out);

/** Compare one figure (`what` at `pos`) with the same figure elsewhere
 *  (`other` at `other_pos`), exactly: the message names both places and
 *  values and takes no side. */
bool check_equal(cctx *c, const char *rule, srcpos pos, money_t actual, money_t expected, const char *what,
                 srcpos other_pos, const char *other);

/* ---- tables (rows by key: a subject code, "total", or a fixed-row key) ---- */

/** Index of amount column `key` on `side` of `t`'s spec, or -1 (also for t NULL). */
int tcol(const table *t, const char *key, int side);
/** The cell of row `key` in column `col`, or NULL when either is absent. */
const cell *tcell(const table *t, const char *key, int col);
/** The amount of a cell (0 when blank or absent). */
money_t tval(const table *t, const char *key, int col);
/** The position of a cell; the row's when the cell has none; the table
 *  file's when the row is absent or computed (subtotals juesuan added). */
srcpos tpos(const table *t, const char *key, int col);
/** Describe a cell for messages: "“208 社会保障和就业支出”行“基本支出”列",
 *  "“本年收入合计”", with the table label first when `with_table`. */
void tdesc(const cctx *c, buf *b, const table *t, const char *key, int col, bool with_table);
/** tdesc into a new string (caller frees). */
char *tdesc_str(const cctx *c, const table *t, const char *key, int col, bool with_table);

/* ---- unit.yaml ----------------------------------------------------------- */

/** An amount at `path` of unit.yaml; false when absent or not an amount
 *  (the schema rules report that). */
bool ymoney(const cctx *c, const char *path, money_t *out);
/** True when `path` of unit.yaml holds a non-empty text. */
bool ytext(const cctx *c, const char *path);
/** Equal as a reader sees them (both rounded to 0.01 万元). */
bool shown_equal(money_t a, money_t b);

/* ---- YAML schemas (schema.c) ---------------------------------------------- */

typedef enum ykind {
    Y_MAP,         /* a mapping */
    Y_LIST,        /* a sequence */
    Y_TEXT,        /* text (a plain number is accepted as text) */
    Y_MONEY,       /* an amount in the unit's money unit */
    Y_COUNT,       /* a whole number >= 0 */
    Y_SCALAR,      /* any scalar: unit.* values, which unit_load checks itself */
    Y_NUMBER,      /* a number with at most 2 decimals (a score: 96.5) */
    Y_BOOL,        /* true or false */
    Y_BODY         /* a text, or a list of paragraphs (texts) and sections
                      (maps checked against the "@section.*" entries) */
} ykind;

/** One key a YAML file may have: its dotted path from the root ("*" any
 *  key of a mapping, "#" any item of a list; a parent before its children). */
typedef struct schema_key {
    const char *path;
    ykind kind;
    const char *what; /* how a type error names the expected value (NULL: by kind) */
} schema_key;

/** The unit.yaml schema table, in file order; `*n` receives its length. */
const schema_key *schema_keys(size_t *n);

/** Walk a YAML tree against a schema: an unknown key is Y-UNKNOWN-KEY at the
 *  key (with the nearest known key), a wrong type Y-TYPE at the value. */
void check_yaml_schema(cctx *c, const schema_key *schema, size_t n, const value *root, const posmap *pos);

/* ---- the rule groups ------------------------------------------------------ */

void check_schema(cctx *c);
void check_tree(cctx *c);
void check_rows(cctx *c);
void check_fixed(cctx *c);
void check_identities(cctx *c); /* identity.c: templates/checks/identities.yaml */
void check_three_public(cctx *c);
void check_plausible(cctx *c);
void check_department(cctx *c);
void check_projects(cctx *c);

#endif
