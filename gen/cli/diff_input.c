/* diff_input.c — the input values two unit folders differ in: table
 * amounts by spec, row and column; YAML values by dotted path. */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

static void add_change(diff_result *r, bool figure, char *what, const char *old_text, const char *new_text,
                       srcpos op, srcpos np)
{
    r->inputs = xrealloc(r->inputs, (r->n_inputs + 1) * sizeof *r->inputs);
    input_change *c = &r->inputs[r->n_inputs++];
    c->figure = figure;
    c->what = what;
    c->old_text = old_text ? xstrdup(old_text) : NULL;
    c->new_text = new_text ? xstrdup(new_text) : NULL;
    c->old_pos = op;
    c->new_pos = np;
}

/* An amount as the input states it: in the unit's money unit, at least 2
 * decimals, no trailing zeros beyond them (万元 may carry up to 6); malloc'd. */
static char *amount_text(const cell *c, money_unit mu)
{
    if (!c->present) return xstrdup("（空）");
    int64_t per = mu == MONEY_YUAN ? MONEY_FEN_PER_YUAN : MONEY_FEN_PER_WANYUAN;
    int digits = mu == MONEY_YUAN ? 2 : 6;
    uint64_t a = c->amount < 0 ? (uint64_t)0 - (uint64_t)c->amount : (uint64_t)c->amount;
    uint64_t whole = a / (uint64_t)per, frac = a % (uint64_t)per;
    while (digits > 2 && frac % 10 == 0) frac /= 10, digits--;
    buf b = {0};
    buf_printf(&b, "%s%llu.%0*llu", c->amount < 0 ? "-" : "", (unsigned long long)whole, digits,
               (unsigned long long)frac);
    return buf_detach(&b);
}

/* The row of `t` with key `key` on `side`, or NULL. */
static const table_row *find_row(const table *t, const char *key, int side)
{
    for (size_t i = 0; t && i < t->n_rows; i++)
        if (!t->rows[i].computed && t->rows[i].side == side && strcmp(t->rows[i].key, key) == 0) return &t->rows[i];
    return NULL;
}

static char *row_name(const table *t, const table_row *row)
{
    buf b = {0};
    if (t->spec->kind == TABLE_SUBJECT && strcmp(row->key, "total") != 0) buf_printf(&b, "%s ", row->key);
    buf_puts(&b, row->label ? row->label : row->key);
    return buf_detach(&b);
}

/* The amounts of one row (either side may lack it). */
static void diff_row(const unit *ou, const unit *nu, const table *ot, const table *nt, const table_row *orow,
                     const table_row *nrow, diff_result *r)
{
    const table *t = nt ? nt : ot;
    const table_row *row = nrow ? nrow : orow;
    char *name = row_name(t, row);
    for (size_t k = 0; k < t->spec->n_columns; k++) {
        const table_column *col = &t->spec->columns[k];
        if (col->role != COLUMN_AMOUNT || col->side != row->side) continue;
        const cell *oc = orow && k < ot->spec->n_columns ? &orow->cells[k] : NULL;
        const cell *nc = nrow ? &nrow->cells[k] : NULL;
        bool op = oc && oc->present, np = nc && nc->present;
        if (!op && !np) continue;
        if (op && np && oc->amount == nc->amount) continue;
        char *a = oc ? amount_text(oc, ou->money_unit) : NULL, *b = nc ? amount_text(nc, nu->money_unit) : NULL;
        buf what = {0};
        buf_printf(&what, "%s“%s”行“%s”列", t->spec->label, name, col->header);
        add_change(r, true, buf_detach(&what), a, b, oc ? oc->pos : orow ? orow->pos : SRCPOS_NONE,
                   nc ? nc->pos : nrow ? nrow->pos : SRCPOS_NONE);
        free(a);
        free(b);
    }
    free(name);
}

static void diff_tables(const unit *ou, const unit *nu, diff_result *r)
{
    for (size_t i = 0; i < nu->n_tables; i++) {
        const table *nt = &nu->tables[i];
        const table *ot = unit_table(ou, nt->spec->id);
        for (size_t k = 0; k < nt->n_rows; k++) {
            const table_row *nrow = &nt->rows[k];
            if (nrow->computed) continue;
            diff_row(ou, nu, ot, nt, find_row(ot, nrow->key, nrow->side), nrow, r);
        }
        for (size_t k = 0; ot && k < ot->n_rows; k++) {
            const table_row *orow = &ot->rows[k];
            if (!orow->computed && !find_row(nt, orow->key, orow->side)) diff_row(ou, nu, ot, NULL, orow, NULL, r);
        }
    }
    for (size_t i = 0; i < ou->n_tables; i++) /* a table only the old folder has */
        if (!unit_table(nu, ou->tables[i].spec->id))
            for (size_t k = 0; k < ou->tables[i].n_rows; k++)
                if (!ou->tables[i].rows[k].computed)
                    diff_row(ou, nu, &ou->tables[i], NULL, &ou->tables[i].rows[k], NULL, r);
}

/* ---- YAML files ------------------------------------------------------------ */

/* The scalars of a tree by dotted path. */
typedef struct scalar {
    char *path;
    const value *v;
} scalar;

typedef struct scalars {
    scalar *items;
    size_t n;
} scalars;

static void flatten(const value *v, buf *path, scalars *out)
{
    value_type t = value_get_type(v);
    if (t != VALUE_MAP && t != VALUE_LIST) {
        out->items = xrealloc(out->items, (out->n + 1) * sizeof *out->items);
        out->items[out->n++] = (scalar){xstrdup(buf_cstr(path)), v};
        return;
    }
    size_t base = path->len;
    for (size_t i = 0; i < value_count(v); i++) {
        path->len = base;
        if (t == VALUE_MAP) buf_printf(path, "%s%s", base ? "." : "", value_key_at(v, i));
        else buf_printf(path, "%s%zu", base ? "." : "", i);
        flatten(value_at(v, i), path, out);
    }
    path->len = base;
    if (path->data) path->data[base] = '\0';
}

static const char *scalar_text(const value *v)
{
    switch (value_get_type(v)) {
    case VALUE_NULL: return "";
    case VALUE_BOOL: return value_get_bool(v) ? "true" : "false";
    default: return value_get_text(v);
    }
}

static const scalar *find_scalar(const scalars *s, const char *path)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->items[i].path, path) == 0) return &s->items[i];
    return NULL;
}

static void scalars_free(scalars *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->items[i].path);
    free(s->items);
}

/* Compare two YAML files (either may be absent: NULL root). `name` is how
 * the listing names the file ("unit.yaml"). */
static void diff_yaml(const char *name, const value *ov, const posmap *op, const value *nv, const posmap *np,
                      diff_result *r)
{
    scalars os = {0}, ns = {0};
    buf path = {0};
    if (ov) flatten(ov, &path, &os);
    if (nv) flatten(nv, &path, &ns);
    buf_free(&path);
    for (size_t i = 0; i < ns.n; i++) {
        const scalar *n = &ns.items[i], *o = find_scalar(&os, n->path);
        const char *nt = scalar_text(n->v), *ot = o ? scalar_text(o->v) : NULL;
        if (o && strcmp(ot, nt) == 0) continue;
        buf what = {0};
        buf_printf(&what, "%s %s", name, n->path);
        add_change(r, value_get_type(n->v) == VALUE_NUMBER, buf_detach(&what), ot, nt,
                   o ? posmap_get(op, o->path) : posmap_get(op, n->path), posmap_get(np, n->path));
    }
    for (size_t i = 0; i < os.n; i++) {
        const scalar *o = &os.items[i];
        if (find_scalar(&ns, o->path)) continue;
        buf what = {0};
        buf_printf(&what, "%s %s", name, o->path);
        add_change(r, value_get_type(o->v) == VALUE_NUMBER, buf_detach(&what), scalar_text(o->v), NULL,
                   posmap_get(op, o->path), posmap_get(np, o->path));
    }
    scalars_free(&os);
    scalars_free(&ns);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const perf_project *find_project(const unit *u, const char *file)
{
    for (size_t i = 0; i < u->n_projects; i++)
        if (strcmp(base_name(u->projects[i].path), file) == 0) return &u->projects[i];
    return NULL;
}

void diff_inputs(const diff_side *old_side, const diff_side *new_side, diff_result *r)
{
    const unit *ou = &old_side->b.u, *nu = &new_side->b.u;
    diff_tables(ou, nu, r);
    diff_yaml("unit.yaml", ou->yaml, ou->yaml_pos, nu->yaml, nu->yaml_pos, r);
    diff_yaml("performance/department.yaml", ou->department.root, ou->department.pos, nu->department.root,
              nu->department.pos, r);
    for (size_t i = 0; i < nu->n_projects; i++) {
        const perf_project *np = &nu->projects[i], *op = find_project(ou, base_name(np->path));
        buf name = {0};
        buf_printf(&name, "performance/projects/%s", base_name(np->path));
        diff_yaml(buf_cstr(&name), op ? op->yaml : NULL, op ? op->pos : NULL, np->yaml, np->pos, r);
        buf_free(&name);
    }
    for (size_t i = 0; i < ou->n_projects; i++) {
        const perf_project *op = &ou->projects[i];
        if (find_project(nu, base_name(op->path))) continue;
        buf name = {0};
        buf_printf(&name, "performance/projects/%s", base_name(op->path));
        diff_yaml(buf_cstr(&name), op->yaml, op->pos, NULL, NULL, r);
        buf_free(&name);
    }
}
