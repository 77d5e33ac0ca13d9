/* tree.c — the classification tree of every subject table: each 类 equals
 * the sum of its 款, each 款 the sum of its 项, 合计 the sum of the 类, in
 * every amount column; rows come in code order after 合计. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The length of the codes one level below `len` in `scheme`, or 0. */
static size_t child_len(subject_scheme scheme, size_t len)
{
    if (len == 3) return 5;
    if (len == 5 && scheme == SCHEME_FUNCTION) return 7;
    return 0;
}

/* Check row `key` (or 合计 when key is "total") against its children. */
static void check_parent(cctx *c, const table *t, const table_row *p)
{
    bool total = strcmp(p->key, "total") == 0;
    size_t plen = total ? 0 : strlen(p->key);
    size_t clen = total ? 3 : child_len(t->spec->scheme, plen);
    if (!clen) return;
    bool any = false;
    for (size_t i = 0; i < t->n_rows && !any; i++) {
        const char *k = t->rows[i].key;
        any = strlen(k) == clen && strncmp(k, p->key, plen) == 0 && strcmp(k, "total") != 0;
    }
    if (!any && !total) return; /* a leaf */
    const char *rule = total ? "SUB-TOTAL" : plen == 3 ? "SUB-CLASS" : "SUB-KUAN";
    const char *parts = total ? "各类" : plen == 3 ? "其下各款" : "其下各项";
    for (size_t col = 0; col < t->spec->n_columns; col++) {
        if (t->spec->columns[col].role != COLUMN_AMOUNT) continue;
        sum s = {0};
        for (size_t i = 0; i < t->n_rows; i++) {
            const char *k = t->rows[i].key;
            if (strlen(k) == clen && strncmp(k, p->key, plen) == 0 && strcmp(k, "total") != 0)
                sum_cell(&s, t, k, (int)col, NULL);
        }
        check_sum_cell(c, rule, t, p->key, (int)col, &s, parts);
        sum_free(&s);
    }
}

static void check_order(cctx *c, const table *t)
{
    const char *prev = NULL;
    for (size_t i = 0; i < t->n_rows; i++) {
        const table_row *r = &t->rows[i];
        if (strcmp(r->key, "total") == 0) {
            if (i != 0) check_report(c, "SUB-ORDER", tpos(t, r->key, -1), "“合计”行应是第一行数据");
            continue;
        }
        if (prev && strcmp(prev, r->key) > 0) {
            char *a = tdesc_str(c, t, r->key, -1, false), *b = tdesc_str(c, t, prev, -1, false);
            check_report(c, "SUB-ORDER", tpos(t, r->key, -1), "%s应排在%s之前（按科目编码顺序）", a, b);
            free(a);
            free(b);
        }
        prev = r->key;
    }
}

void check_tree(cctx *c)
{
    for (size_t i = 0; i < c->u->n_tables; i++) {
        const table *t = &c->u->tables[i];
        if (t->spec->kind != TABLE_SUBJECT) continue;
        for (size_t r = 0; r < t->n_rows; r++) check_parent(c, t, &t->rows[r]);
        check_order(c, t);
    }
}
