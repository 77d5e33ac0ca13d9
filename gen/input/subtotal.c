/* subtotal.c — complete the subject tables: the 类 and 款 rows and the 合计
 * row a CSV leaves out are computed from the rows below them, so that every
 * later stage sees whole tables. Rows the CSV gives are kept as given (gen/
 * check verifies them); added rows are marked computed, carry the table
 * file as their position, and stand where the code order puts them: 合计
 * first, a 类 or 款 right before its first row. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

static bool is_total(const table_row *r)
{
    return strcmp(r->key, "total") == 0;
}

static table_row *find(table *t, const char *key, size_t len)
{
    for (size_t i = 0; i < t->n_rows; i++)
        if (strlen(t->rows[i].key) == len && strncmp(t->rows[i].key, key, len) == 0) return &t->rows[i];
    return NULL;
}

static void add_row(table *t, const char *key, const char *label)
{
    t->rows = xgrow(t->rows, t->n_rows, sizeof *t->rows);
    table_row *r = &t->rows[t->n_rows++];
    memset(r, 0, sizeof *r);
    r->key = xstrdup(key);
    r->label = xstrdup(label);
    r->cells = xcalloc(t->spec->n_columns ? t->spec->n_columns : 1, sizeof *r->cells);
    r->computed = true;
    r->pos = (srcpos){t->path, 0, 0};
    for (size_t k = 0; k < t->spec->n_columns; k++) r->cells[k].pos = r->pos;
}

/* A computed row's cells: the sum of its children (rows `child_len` long
 * under `key`; any length-3 row for 合计). Blank when every child is. */
static void compute(table *t, table_row *p, size_t child_len)
{
    size_t plen = is_total(p) ? 0 : strlen(p->key);
    for (size_t k = 0; k < t->spec->n_columns; k++) {
        if (t->spec->columns[k].role != COLUMN_AMOUNT) continue;
        money_t v = 0;
        bool present = false;
        for (size_t i = 0; i < t->n_rows; i++) {
            const table_row *r = &t->rows[i];
            if (is_total(r) || strlen(r->key) != child_len || strncmp(r->key, p->key, plen) != 0) continue;
            if (!r->cells[k].present) continue;
            present = true;
            if (__builtin_add_overflow(v, r->cells[k].amount, &v)) /* gen/check reports the overflow */
                v = r->cells[k].amount < 0 ? INT64_MIN : INT64_MAX;
        }
        p->cells[k].amount = v;
        p->cells[k].present = present;
    }
}

/* Add the missing parents (codes `parent_len` long) of the rows `child_len` long. */
static void add_parents(const unit *u, table *t, const spec_set *specs, size_t child_len, size_t parent_len)
{
    size_t first_new = t->n_rows;
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *key = t->rows[i].key;
        if (is_total(&t->rows[i]) || strlen(key) != child_len || find(t, key, parent_len)) continue;
        char code[16];
        memcpy(code, key, parent_len);
        code[parent_len] = '\0';
        const subject *s = unit_subject(u, specs, t->spec->scheme, code);
        add_row(t, code, s ? s->name : "");
    }
    for (size_t i = first_new; i < t->n_rows; i++) compute(t, &t->rows[i], child_len);
}

/* Put the added rows where they belong without moving the given ones. */
static void place(table *t)
{
    size_t n = t->n_rows;
    table_row *out = xcalloc(n ? n : 1, sizeof *out);
    bool *done = xcalloc(n ? n : 1, sizeof *done);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (t->rows[i].computed && is_total(&t->rows[i])) out[m++] = t->rows[i], done[i] = true;
    for (size_t i = 0; i < n; i++) {
        if (t->rows[i].computed) continue;
        /* the added ancestors of this row first, outermost first */
        size_t len = strlen(t->rows[i].key);
        for (size_t plen = 3; plen < len && !is_total(&t->rows[i]); plen += 2)
            for (size_t j = 0; j < n; j++)
                if (!done[j] && t->rows[j].computed && strlen(t->rows[j].key) == plen &&
                    strncmp(t->rows[j].key, t->rows[i].key, plen) == 0)
                    out[m++] = t->rows[j], done[j] = true;
        out[m++] = t->rows[i], done[i] = true;
    }
    for (size_t j = 0; j < n; j++) /* cannot happen: every added row has a given descendant */
        if (!done[j]) out[m++] = t->rows[j];
    free(t->rows);
    t->rows = out;
    free(done);
}

void unit_subtotals(unit *u, const spec_set *specs)
{
    for (size_t i = 0; i < u->n_tables; i++) {
        table *t = &u->tables[i];
        if (!t->spec || t->spec->kind != TABLE_SUBJECT) continue;
        size_t before = t->n_rows;
        if (t->spec->scheme == SCHEME_FUNCTION) add_parents(u, t, specs, 7, 5);
        add_parents(u, t, specs, 5, 3);
        bool has_total = false;
        for (size_t r = 0; r < t->n_rows; r++) has_total = has_total || is_total(&t->rows[r]);
        if (!has_total) {
            add_row(t, "total", "合计");
            compute(t, &t->rows[t->n_rows - 1], 3);
        }
        if (t->n_rows != before) place(t);
    }
}
