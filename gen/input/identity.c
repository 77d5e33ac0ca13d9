/* identity.c — load templates/checks/identities.yaml: the figures that are
 * the same quantity in two places (see the file's header for the format),
 * checked against the table specs so that a typo in the list is an error
 * at its line, not a rule that silently never runs. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

typedef struct id_ctx {
    const value *root;
    posmap *pos;
    const spec_set *specs;
    diag_list *diags;
    int errors;
} id_ctx;

static srcpos at(const id_ctx *c, const char *path)
{
    return posmap_get(c->pos, path);
}

static void bad(id_ctx *c, const char *path, const char *fmt, const char *arg)
{
    diag_error(c->diags, at(c, path), fmt, arg);
    c->errors++;
}

static const char *text_at(const value *v)
{
    if (!v || (value_get_type(v) != VALUE_STRING && value_get_type(v) != VALUE_NUMBER)) return NULL;
    return value_get_text(v);
}

static bool key_allowed(const char *k, const char *const *allowed)
{
    for (; *allowed; allowed++)
        if (strcmp(*allowed, k) == 0) return true;
    return false;
}

static void check_keys(id_ctx *c, const value *v, const char *path, const char *const *allowed)
{
    for (size_t i = 0; i < value_count(v); i++)
        if (!key_allowed(value_key_at(v, i), allowed)) {
            buf p = {0};
            buf_printf(&p, "%s.%s", path, value_key_at(v, i));
            diag_error(c->diags, posmap_get_key(c->pos, buf_cstr(&p)), "恒等式列表中有未知的键 %s",
                       value_key_at(v, i));
            c->errors++;
            buf_free(&p);
        }
}

static const char *const TERM_KEYS[] = {"table", "column", "side", "row", "yaml", NULL};
static const char *const ENTRY_KEYS[] = {"id", "what", "when", "rows", "a", "b", "when_zero", NULL};

/* A term at `path`; `need_row`: the identity gives no rows, so a table term must. */
static void load_term(id_ctx *c, const value *v, const char *path, bool need_row, identity_term *t)
{
    memset(t, 0, sizeof *t);
    if (!v || value_get_type(v) != VALUE_MAP) {
        bad(c, path, "%s 应是映射 {table, column, side, row} 或 {yaml}", path);
        return;
    }
    check_keys(c, v, path, TERM_KEYS);
    const char *yaml = text_at(value_get(v, "yaml"));
    if (yaml) {
        t->yaml = xstrdup(yaml);
        return;
    }
    const char *tid = text_at(value_get(v, "table")), *column = text_at(value_get(v, "column")),
               *row = text_at(value_get(v, "row")), *side = text_at(value_get(v, "side"));
    if (!tid || !column) {
        bad(c, path, "%s 应有 table 和 column（或 yaml）", path);
        return;
    }
    t->table = xstrdup(tid);
    t->column = xstrdup(column);
    t->row = row ? xstrdup(row) : NULL;
    t->side = side && strcmp(side, "1") == 0 ? 1 : 0;
    if (side && strcmp(side, "0") != 0 && strcmp(side, "1") != 0) bad(c, path, "%s.side 应是 0 或 1", path);
    const table_spec *s = specs_find(c->specs, tid);
    if (!s) {
        bad(c, path, "没有表格规格 %s", tid);
        return;
    }
    if (table_spec_column(s, column, t->side) < 0) bad(c, path, "表格规格中没有这一金额列：%s", column);
    if (row && s->kind == TABLE_FIXED && table_spec_row(s, row) < 0) bad(c, path, "表格规格中没有这一行：%s", row);
    if (!row && need_row) bad(c, path, "%s 应有 row（这条恒等式没有 rows）", path);
}

/* `b` or `when_zero`: one term or a list of terms. */
static identity_term *load_terms(id_ctx *c, const value *v, const char *path, bool need_row, size_t *n)
{
    *n = 0;
    if (!v) return NULL;
    size_t count = value_get_type(v) == VALUE_LIST ? value_count(v) : 1;
    identity_term *terms = xcalloc(count ? count : 1, sizeof *terms);
    for (size_t i = 0; i < count; i++) {
        buf p = {0};
        if (value_get_type(v) == VALUE_LIST) buf_printf(&p, "%s.%zu", path, i);
        else buf_puts(&p, path);
        load_term(c, value_get_type(v) == VALUE_LIST ? value_at(v, i) : v, buf_cstr(&p), need_row, &terms[i]);
        buf_free(&p);
    }
    *n = count;
    return terms;
}

static void load_rows(id_ctx *c, const value *v, const char *path, identity *e)
{
    const char *t = text_at(v);
    if (!v) return;
    if (t && strcmp(t, "every") == 0) {
        e->rows = IDENTITY_ROWS_EVERY;
        return;
    }
    if (t && strcmp(t, "classes") == 0) {
        e->rows = IDENTITY_ROWS_CLASSES;
        return;
    }
    if (value_get_type(v) != VALUE_LIST) {
        bad(c, path, "%s 应是 every、classes 或行的列表", path);
        return;
    }
    e->rows = IDENTITY_ROWS_LIST;
    e->row_a = xcalloc(value_count(v) + 1, sizeof *e->row_a);
    e->row_b = xcalloc(value_count(v) + 1, sizeof *e->row_b);
    for (size_t i = 0; i < value_count(v); i++) {
        const value *r = value_at(v, i);
        const char *ka = text_at(r), *kb = ka;
        if (!ka && value_get_type(r) == VALUE_LIST && value_count(r) == 2) {
            ka = text_at(value_at(r, 0));
            kb = text_at(value_at(r, 1));
        }
        if (!ka || !kb) {
            bad(c, path, "%s 的每一项应是行的键或 [a 的行, b 的行]", path);
            continue;
        }
        e->row_a[e->n_rows] = xstrdup(ka);
        e->row_b[e->n_rows++] = xstrdup(kb);
    }
}

/* The fixed rows a LIST identity names must exist in its fixed tables. */
static void check_list_rows(id_ctx *c, const identity *e, const char *path)
{
    for (size_t k = 0; k <= e->n_b; k++) {
        const identity_term *t = k == 0 ? &e->a : &e->b[k - 1];
        const table_spec *s = t->table && !t->row ? specs_find(c->specs, t->table) : NULL;
        if (!s || s->kind != TABLE_FIXED) continue;
        for (size_t r = 0; r < e->n_rows; r++) {
            const char *key = k == 0 ? e->row_a[r] : e->row_b[r];
            if (table_spec_row(s, key) < 0) bad(c, path, "表格规格中没有这一行：%s", key);
        }
    }
}

static void load_entry(id_ctx *c, const value *v, const char *path, identity *e)
{
    memset(e, 0, sizeof *e);
    e->pos = at(c, path);
    if (!v || value_get_type(v) != VALUE_MAP) {
        bad(c, path, "%s 应是映射", path);
        return;
    }
    check_keys(c, v, path, ENTRY_KEYS);
    const char *id = text_at(value_get(v, "id")), *what = text_at(value_get(v, "what")),
               *when = text_at(value_get(v, "when"));
    if (!id || !what) bad(c, path, "%s 应有 id 和 what", path);
    e->id = xstrdup(id ? id : "?");
    e->what = xstrdup(what ? what : "");
    e->when = when ? xstrdup(when) : NULL;
    buf p = {0};
    buf_printf(&p, "%s.rows", path);
    load_rows(c, value_get(v, "rows"), buf_cstr(&p), e);
    bool need_row = e->rows == IDENTITY_ROWS_GIVEN;
    p.len = 0;
    buf_printf(&p, "%s.a", path);
    load_term(c, value_get(v, "a"), buf_cstr(&p), need_row, &e->a);
    p.len = 0;
    buf_printf(&p, "%s.b", path);
    if (!value_get(v, "b")) bad(c, path, "%s 应有 b", path);
    e->b = load_terms(c, value_get(v, "b"), buf_cstr(&p), need_row, &e->n_b);
    p.len = 0;
    buf_printf(&p, "%s.when_zero", path);
    e->zero = load_terms(c, value_get(v, "when_zero"), buf_cstr(&p), true, &e->n_zero);
    if (e->rows == IDENTITY_ROWS_LIST) check_list_rows(c, e, path);
    buf_free(&p);
}

int identities_load(const char *path, spec_set *s, diag_list *diags)
{
    s->identities_path = xstrdup(path);
    value *root = NULL;
    posmap *pos = NULL;
    if (yaml_load(path, &root, &pos, diags) != 0) {
        posmap_free(pos);
        return -1;
    }
    id_ctx c = {root, pos, s, diags, 0};
    const value *list = value_get(root, "identities");
    if (!list || value_get_type(list) != VALUE_LIST) {
        diag_error(diags, (srcpos){s->identities_path, 1, 1}, "恒等式列表应有 identities: 列表");
        value_free(root);
        posmap_free(pos);
        return -1;
    }
    s->identities = xcalloc(value_count(list) + 1, sizeof *s->identities);
    for (size_t i = 0; i < value_count(list); i++) {
        buf p = {0};
        buf_printf(&p, "identities.%zu", i);
        load_entry(&c, value_at(list, i), buf_cstr(&p), &s->identities[s->n_identities++]);
        buf_free(&p);
        for (size_t j = 0; j + 1 < s->n_identities; j++)
            if (strcmp(s->identities[j].id, s->identities[i].id) == 0) {
                diag_error(diags, s->identities[i].pos, "恒等式 ID %s 重复", s->identities[i].id);
                c.errors++;
            }
    }
    /* the positions borrow the file name: keep it in the spec set */
    for (size_t i = 0; i < s->n_identities; i++) s->identities[i].pos.file = s->identities_path;
    value_free(root);
    posmap_free(pos);
    return c.errors ? -1 : 0;
}

static void term_free(identity_term *t)
{
    free(t->table);
    free(t->column);
    free(t->row);
    free(t->yaml);
}

void identities_free(spec_set *s)
{
    for (size_t i = 0; i < s->n_identities; i++) {
        identity *e = &s->identities[i];
        free(e->id);
        free(e->what);
        free(e->when);
        for (size_t r = 0; r < e->n_rows; r++) free(e->row_a[r]), free(e->row_b[r]);
        free(e->row_a);
        free(e->row_b);
        term_free(&e->a);
        for (size_t k = 0; k < e->n_b; k++) term_free(&e->b[k]);
        free(e->b);
        for (size_t k = 0; k < e->n_zero; k++) term_free(&e->zero[k]);
        free(e->zero);
    }
    free(s->identities);
    free(s->identities_path);
    s->identities = NULL;
    s->n_identities = 0;
    s->identities_path = NULL;
}
