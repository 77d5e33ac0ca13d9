/* table.c — lookups in table specs, tables, catalogs and the unit. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

int table_spec_column(const table_spec *spec, const char *key, int side)
{
    for (size_t i = 0; i < spec->n_columns; i++) {
        const table_column *c = &spec->columns[i];
        if (c->role == COLUMN_AMOUNT && c->side == side && strcmp(c->key, key) == 0)
            return (int)i;
    }
    return -1;
}

int table_spec_row(const table_spec *spec, const char *key)
{
    for (size_t i = 0; i < spec->n_rows; i++)
        if (strcmp(spec->rows[i].key, key) == 0) return (int)i;
    return -1;
}

static uint32_t key_hash(const char *key)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *c = (const unsigned char *)key; *c; c++) h = (h ^ *c) * 16777619u;
    return h;
}

void table_index(table *t)
{
    free(t->index);
    size_t cap = 16;
    while (cap < 2 * t->n_rows) cap *= 2;
    t->index = xcalloc(cap, sizeof *t->index);
    t->index_cap = cap;
    /* in row order: of equal keys the first row is met first, as in a scan */
    for (size_t i = 0; i < t->n_rows; i++) {
        size_t at = key_hash(t->rows[i].key) & (cap - 1);
        while (t->index[at]) at = (at + 1) & (cap - 1);
        t->index[at] = (uint32_t)(i + 1);
    }
    t->index_rows = t->rows;
    t->index_n = t->n_rows;
}

const table_row *table_find_row(const table *t, const char *key)
{
    if (!t) return NULL;
    if (t->index && t->index_rows == t->rows && t->index_n == t->n_rows) {
        size_t at = key_hash(key) & (t->index_cap - 1);
        for (; t->index[at]; at = (at + 1) & (t->index_cap - 1))
            if (strcmp(t->rows[t->index[at] - 1].key, key) == 0) return &t->rows[t->index[at] - 1];
        return NULL;
    }
    for (size_t i = 0; i < t->n_rows; i++)
        if (strcmp(t->rows[i].key, key) == 0) return &t->rows[i];
    return NULL;
}

money_t table_amount(const table *t, const char *row_key, const char *column)
{
    const table_row *r = table_find_row(t, row_key);
    if (!r) return 0;
    int c = table_spec_column(t->spec, column, r->side);
    if (c < 0 || !r->cells[c].present) return 0;
    return r->cells[c].amount;
}

bool table_has_data(const table *t)
{
    if (!t) return false;
    for (size_t i = 0; i < t->n_rows; i++)
        for (size_t c = 0; c < t->spec->n_columns; c++)
            if (t->spec->columns[c].role == COLUMN_AMOUNT && t->rows[i].cells[c].present &&
                t->rows[i].cells[c].amount != 0)
                return true;
    return false;
}

void catalog_free(catalog *c)
{
    for (size_t i = 0; i < c->count; i++) free(c->items[i].code), free(c->items[i].name), free(c->items[i].explanation);
    free(c->items);
    memset(c, 0, sizeof *c);
}

const subject *catalog_find(const catalog *c, const char *code)
{
    return catalog_find_year(c, code, 0);
}

const subject *catalog_find_year(const catalog *c, const char *code, int year)
{
    /* catalogs are sorted by code, then year (the loader sorts): binary
     * search for the first row of the code */
    size_t lo = 0, hi = c->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->items[mid].code, code) < 0) lo = mid + 1;
        else hi = mid;
    }
    const subject *found = NULL;
    for (size_t i = lo; i < c->count && strcmp(c->items[i].code, code) == 0; i++) {
        const subject *s = &c->items[i];
        if (year == 0 || ((!s->from_year || s->from_year <= year) && (!s->to_year || year <= s->to_year)))
            found = s;
    }
    return found;
}

srcpos unit_pos(const unit *u, const char *path)
{
    return posmap_get(u->yaml_pos, path);
}

const table *unit_table(const unit *u, const char *id)
{
    for (size_t i = 0; i < u->n_tables; i++)
        if (u->tables[i].spec && strcmp(u->tables[i].spec->id, id) == 0) return &u->tables[i];
    return NULL;
}

const char *unit_kind_name(unit_kind k)
{
    return k == UNIT_DEPARTMENT ? "部门" : "单位";
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->n_rows; i++) {
        free(t->rows[i].key);
        free(t->rows[i].label);
        free(t->rows[i].cells);
    }
    free(t->rows);
    free(t->path);
    free(t->index);
}

const text_figure *unit_figure(const unit *u, const char *name)
{
    for (size_t i = 0; i < u->n_figures; i++)
        if (strcmp(u->figures[i].name, name) == 0) return &u->figures[i];
    return NULL;
}

char *figure_format(const text_figure *f, bool stated, char *out)
{
    int64_t v = stated ? f->stated : f->value;
    switch (f->kind) {
    case FIGURE_AMOUNT: return money_format_wan(v, false, out);
    case FIGURE_COUNT: snprintf(out, 32, "%lld", (long long)v); return out;
    case FIGURE_PERCENT:
    case FIGURE_PER: return percent_format(v, out);
    }
    out[0] = '\0';
    return out;
}

void unit_file_free(unit_file *f)
{
    free(f->path);
    value_free(f->root);
    posmap_free(f->pos);
    memset(f, 0, sizeof *f);
}

void unit_free(unit *u)
{
    for (size_t i = 0; i < u->n_tables; i++) table_free(&u->tables[i]);
    free(u->tables);
    for (size_t i = 0; i < u->n_projects; i++) perf_project_free(&u->projects[i]);
    free(u->projects);
    value_free(u->yaml);
    posmap_free(u->yaml_pos);
    unit_file_free(&u->department);
    for (size_t i = 0; i < u->n_figures; i++) free(u->figures[i].name);
    free(u->figures);
    free(u->dir);
    free(u->id);
    free(u->yaml_path);
    free(u->name);
    free(u->short_name);
    for (int i = 0; i < 3; i++) catalog_free(&u->added[i]);
    memset(u, 0, sizeof *u);
}
