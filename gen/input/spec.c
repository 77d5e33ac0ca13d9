/* spec.c — load table specifications (templates/tables/NN.yaml) and the
 * subject catalogs (templates/catalog/NAME.csv). */
#include "input.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

typedef struct spec_ctx {
    const value *root;
    posmap *pos;
    diag_list *diags;
    int errors;
} spec_ctx;

static srcpos at(spec_ctx *c, const char *path)
{
    return posmap_get(c->pos, path);
}

/* A required (or optional) string field at `path`; NULL on error/absence. */
static char *field_string(spec_ctx *c, const char *path, bool required)
{
    const value *v = value_get_path(c->root, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        if (required) {
            diag_error(c->diags, at(c, path), "表格规格缺少 %s", path);
            c->errors++;
        }
        return NULL;
    }
    if (value_get_type(v) != VALUE_STRING && value_get_type(v) != VALUE_NUMBER) {
        diag_error(c->diags, at(c, path), "%s 应是文字", path);
        c->errors++;
        return NULL;
    }
    return xstrdup(value_get_text(v));
}

static int field_int(spec_ctx *c, const char *path, int def)
{
    const value *v = value_get_path(c->root, path);
    if (!v) return def;
    const char *t = value_get_type(v) == VALUE_NUMBER ? value_get_text(v) : NULL;
    char *end = NULL;
    long n = t ? strtol(t, &end, 10) : 0;
    if (!t || *end || n < 0 || n > 100000) {
        diag_error(c->diags, at(c, path), "%s 应是非负整数", path);
        c->errors++;
        return def;
    }
    return (int)n;
}

static bool field_bool(spec_ctx *c, const char *path)
{
    const value *v = value_get_path(c->root, path);
    if (!v) return false;
    if (value_get_type(v) != VALUE_BOOL) {
        diag_error(c->diags, at(c, path), "%s 应是 true 或 false", path);
        c->errors++;
        return false;
    }
    return value_get_bool(v);
}

static char **field_strings(spec_ctx *c, const char *path, size_t *n)
{
    *n = 0;
    const value *v = value_get_path(c->root, path);
    if (!v) return NULL;
    if (value_get_type(v) != VALUE_LIST) {
        diag_error(c->diags, at(c, path), "%s 应是列表", path);
        c->errors++;
        return NULL;
    }
    char **out = xcalloc(value_count(v) + 1, sizeof *out);
    for (size_t i = 0; i < value_count(v); i++) {
        const char *t = value_get_text(value_at(v, i));
        if (!t) {
            diag_error(c->diags, at(c, path), "%s 的每一项应是文字", path);
            c->errors++;
            continue;
        }
        out[(*n)++] = xstrdup(t);
    }
    return out;
}

static void check_keys(spec_ctx *c, const char *path, const char *const *allowed)
{
    const value *v = path[0] ? value_get_path(c->root, path) : c->root;
    if (!v || value_get_type(v) != VALUE_MAP) return;
    for (size_t i = 0; i < value_count(v); i++) {
        const char *k = value_key_at(v, i);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, k) == 0) ok = true;
        if (!ok) {
            buf p = {0};
            buf_printf(&p, "%s%s%s", path, path[0] ? "." : "", k);
            diag_error(c->diags, posmap_get_key(c->pos, buf_cstr(&p)), "表格规格中有未知的键 %s", k);
            buf_free(&p);
            c->errors++;
        }
    }
}

static const char *const SPEC_KEYS[] = {"id", "label", "title", "file", "sheet", "kind", "scheme",
                                        "landscape", "csv", "rows", "notes", "empty_note", NULL};
static const char *const COLUMN_KEYS[] = {"header", "role", "key", "side", "group", "width", NULL};
static const char *const ROW_KEYS[] = {"key", "label", "line", "side", "total", NULL};

static void load_columns(spec_ctx *c, table_spec *t)
{
    const value *cols = value_get(c->root, "csv");
    if (!cols || value_get_type(cols) != VALUE_LIST || value_count(cols) == 0) {
        diag_error(c->diags, at(c, "csv"), "表格规格缺少 csv 列清单");
        c->errors++;
        return;
    }
    t->n_columns = value_count(cols);
    t->columns = xcalloc(t->n_columns, sizeof *t->columns);
    t->sides = 1;
    char path[64];
    for (size_t i = 0; i < t->n_columns; i++) {
        table_column *col = &t->columns[i];
        snprintf(path, sizeof path, "csv.%zu", i);
        check_keys(c, path, COLUMN_KEYS);
        char sub[96];
        snprintf(sub, sizeof sub, "%s.header", path);
        col->header = field_string(c, sub, true);
        snprintf(sub, sizeof sub, "%s.key", path);
        col->key = field_string(c, sub, false);
        snprintf(sub, sizeof sub, "%s.role", path);
        char *role = field_string(c, sub, false);
        if (col->key && role) {
            diag_error(c->diags, at(c, sub), "一列不能同时有 key 和 role");
            c->errors++;
        } else if (!col->key && !role) {
            diag_error(c->diags, at(c, path), "每列应有 key（金额列）或 role（label/line/code/name）");
            c->errors++;
        } else if (role) {
            if (strcmp(role, "label") == 0) col->role = COLUMN_LABEL;
            else if (strcmp(role, "line") == 0) col->role = COLUMN_LINE;
            else if (strcmp(role, "code") == 0) col->role = COLUMN_CODE;
            else if (strcmp(role, "name") == 0) col->role = COLUMN_NAME;
            else {
                diag_error(c->diags, at(c, sub), "未知的列角色 %s（可用 label、line、code、name）", role);
                c->errors++;
            }
        }
        free(role);
        snprintf(sub, sizeof sub, "%s.side", path);
        col->side = field_int(c, sub, 0);
        if (col->side > 1) {
            diag_error(c->diags, at(c, sub), "side 只能是 0 或 1");
            c->errors++;
            col->side = 0;
        }
        if (col->side + 1 > t->sides) t->sides = col->side + 1;
        snprintf(sub, sizeof sub, "%s.width", path);
        col->width = field_int(c, sub, 0);
        snprintf(sub, sizeof sub, "%s.group", path);
        col->group = field_strings(c, sub, &col->n_group);
    }
    /* amount keys are unique per side */
    for (size_t i = 0; i < t->n_columns; i++)
        for (size_t j = 0; j < i; j++)
            if (t->columns[i].key && t->columns[j].key && t->columns[i].side == t->columns[j].side &&
                strcmp(t->columns[i].key, t->columns[j].key) == 0) {
                snprintf(path, sizeof path, "csv.%zu.key", i);
                diag_error(c->diags, at(c, path), "列 key %s 重复", t->columns[i].key);
                c->errors++;
            }
}

static void load_rows(spec_ctx *c, table_spec *t)
{
    const value *rows = value_get(c->root, "rows");
    if (!rows) return;
    if (value_get_type(rows) != VALUE_LIST) {
        diag_error(c->diags, at(c, "rows"), "rows 应是列表");
        c->errors++;
        return;
    }
    t->n_rows = value_count(rows);
    t->rows = xcalloc(t->n_rows ? t->n_rows : 1, sizeof *t->rows);
    char path[64], sub[96];
    for (size_t i = 0; i < t->n_rows; i++) {
        table_fixed_row *r = &t->rows[i];
        snprintf(path, sizeof path, "rows.%zu", i);
        check_keys(c, path, ROW_KEYS);
        r->pos = at(c, path);
        snprintf(sub, sizeof sub, "%s.key", path);
        r->key = field_string(c, sub, true);
        snprintf(sub, sizeof sub, "%s.label", path);
        r->label = field_string(c, sub, true);
        snprintf(sub, sizeof sub, "%s.line", path);
        r->line = field_int(c, sub, 0);
        snprintf(sub, sizeof sub, "%s.side", path);
        r->side = field_int(c, sub, 0);
        snprintf(sub, sizeof sub, "%s.total", path);
        r->total = field_bool(c, sub);
        if (r->side >= t->sides) {
            diag_error(c->diags, at(c, sub), "行的 side %d 超出表格的栏数", r->side);
            c->errors++;
        }
        for (size_t j = 0; j < i && r->key; j++)
            if (t->rows[j].key && strcmp(t->rows[j].key, r->key) == 0) {
                diag_error(c->diags, r->pos, "行 key %s 重复", r->key);
                c->errors++;
            }
    }
}

static int spec_load_one(const char *path, table_spec *t, diag_list *diags)
{
    memset(t, 0, sizeof *t);
    t->path = xstrdup(path);
    value *root = NULL;
    posmap *pos = NULL;
    if (yaml_load(path, &root, &pos, diags) != 0) {
        posmap_free(pos);
        return -1;
    }
    spec_ctx c = {root, pos, diags, 0};
    t->pos = (srcpos){t->path, 1, 1};
    check_keys(&c, "", SPEC_KEYS);
    t->id = field_string(&c, "id", true);
    t->label = field_string(&c, "label", true);
    t->title = field_string(&c, "title", true);
    t->file = field_string(&c, "file", true);
    t->sheet = field_string(&c, "sheet", true);
    t->empty_note = field_string(&c, "empty_note", false);
    t->landscape = field_bool(&c, "landscape");
    char *kind = field_string(&c, "kind", true);
    if (kind) {
        if (strcmp(kind, "fixed") == 0) t->kind = TABLE_FIXED;
        else if (strcmp(kind, "subject") == 0) t->kind = TABLE_SUBJECT;
        else {
            diag_error(diags, at(&c, "kind"), "kind 应是 fixed 或 subject，实为 %s", kind);
            c.errors++;
        }
    }
    free(kind);
    char *scheme = field_string(&c, "scheme", t->kind == TABLE_SUBJECT);
    if (scheme) {
        if (strcmp(scheme, "function") == 0) t->scheme = SCHEME_FUNCTION;
        else if (strcmp(scheme, "economic") == 0) t->scheme = SCHEME_ECONOMIC;
        else {
            diag_error(diags, at(&c, "scheme"), "scheme 应是 function 或 economic，实为 %s", scheme);
            c.errors++;
        }
    }
    free(scheme);
    t->notes = field_strings(&c, "notes", &t->n_notes);
    load_columns(&c, t);
    load_rows(&c, t);
    if (t->kind == TABLE_FIXED && t->n_rows == 0) {
        diag_error(diags, t->pos, "固定行表格（kind: fixed）应有 rows");
        c.errors++;
    }
    if (t->sheet && utf8_width(t->sheet, strlen(t->sheet)) > 31) {
        diag_error(diags, at(&c, "sheet"), "工作表名称不能超过 31 个字符");
        c.errors++;
    }
    value_free(root);
    posmap_free(pos);
    return c.errors ? -1 : 0;
}

static void spec_free_one(table_spec *t)
{
    free(t->id), free(t->label), free(t->title), free(t->file), free(t->sheet);
    free(t->empty_note), free(t->path);
    for (size_t i = 0; i < t->n_columns; i++) {
        free(t->columns[i].header);
        free(t->columns[i].key);
        for (size_t g = 0; g < t->columns[i].n_group; g++) free(t->columns[i].group[g]);
        free(t->columns[i].group);
    }
    free(t->columns);
    for (size_t i = 0; i < t->n_rows; i++) free(t->rows[i].key), free(t->rows[i].label);
    free(t->rows);
    for (size_t i = 0; i < t->n_notes; i++) free(t->notes[i]);
    free(t->notes);
}

/* Load a catalog CSV with header 科目编码,科目名称,说明; codes must be
 * digits, unique and in ascending order. */
static int catalog_load(const char *path, catalog *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    csv_file f;
    if (csv_read(path, &f, diags) != 0) {
        csv_free(&f);
        return -1;
    }
    int errors = 0;
    static const char *const head[] = {"科目编码", "科目名称", "说明"};
    if (f.n_rows == 0 || f.rows[0].n_cells != 3 || !label_equal(f.rows[0].cells[0].text, head[0]) ||
        !label_equal(f.rows[0].cells[1].text, head[1]) || !label_equal(f.rows[0].cells[2].text, head[2])) {
        diag_error(diags, (srcpos){f.path, 1, 1}, "科目目录的表头应为“科目编码,科目名称,说明”");
        csv_free(&f);
        return -1;
    }
    out->items = xcalloc(f.n_rows, sizeof *out->items);
    for (size_t r = 1; r < f.n_rows; r++) {
        csv_row *row = &f.rows[r];
        srcpos p = {f.path, row->line, 1};
        if (row->n_cells != 3) {
            diag_error(diags, p, "应有 3 列，实有 %zu 列", row->n_cells);
            errors++;
            continue;
        }
        const char *code = row->cells[0].text;
        size_t n = strlen(code);
        bool digits = n == 3 || n == 5 || n == 7;
        for (size_t i = 0; i < n; i++)
            if (code[i] < '0' || code[i] > '9') digits = false;
        if (!digits) {
            diag_error(diags, p, "科目编码应是 3、5 或 7 位数字，实为“%s”", code);
            errors++;
            continue;
        }
        if (out->count && strcmp(out->items[out->count - 1].code, code) >= 0) {
            diag_error(diags, p, "科目编码 %s 重复或未按升序排列", code);
            errors++;
            continue;
        }
        subject *s = &out->items[out->count++];
        s->code = xstrdup(code);
        s->name = xstrdup(row->cells[1].text);
        s->explanation = xstrdup(row->cells[2].text);
    }
    csv_free(&f);
    return errors ? -1 : 0;
}

static void catalog_free(catalog *c)
{
    for (size_t i = 0; i < c->count; i++) free(c->items[i].code), free(c->items[i].name), free(c->items[i].explanation);
    free(c->items);
    memset(c, 0, sizeof *c);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int specs_load(const char *templates_dir, spec_set *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    int errors = 0;
    buf dir = {0};
    buf_printf(&dir, "%s/tables", templates_dir);
    DIR *d = opendir(buf_cstr(&dir));
    if (!d) {
        diag_error(diags, (srcpos){NULL, 0, 0}, "找不到表格规格目录 %s", buf_cstr(&dir));
        buf_free(&dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".yaml") == 0) {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, name_cmp); /* readdir order is not stable */
    out->tables = xcalloc(n ? n : 1, sizeof *out->tables);
    for (size_t i = 0; i < n; i++) {
        buf p = {0};
        buf_printf(&p, "%s/%s", buf_cstr(&dir), names[i]);
        if (spec_load_one(buf_cstr(&p), &out->tables[out->n_tables++], diags) != 0) errors++;
        buf_free(&p);
        free(names[i]);
    }
    free(names);
    for (size_t i = 0; i < out->n_tables; i++)
        for (size_t j = 0; j < i; j++)
            if (out->tables[i].id && out->tables[j].id && strcmp(out->tables[i].id, out->tables[j].id) == 0) {
                diag_error(diags, out->tables[i].pos, "表格 id %s 与 %s 重复", out->tables[i].id,
                           out->tables[j].path);
                errors++;
            }
    buf_free(&dir);
    buf cat = {0};
    buf_printf(&cat, "%s/catalog/functions.csv", templates_dir);
    if (catalog_load(buf_cstr(&cat), &out->functions, diags) != 0) errors++;
    cat.len = 0;
    buf_printf(&cat, "%s/catalog/economic.csv", templates_dir);
    if (catalog_load(buf_cstr(&cat), &out->economic, diags) != 0) errors++;
    buf_free(&cat);
    return errors ? -1 : 0;
}

const table_spec *specs_find(const spec_set *s, const char *id)
{
    for (size_t i = 0; i < s->n_tables; i++)
        if (s->tables[i].id && strcmp(s->tables[i].id, id) == 0) return &s->tables[i];
    return NULL;
}

const catalog *specs_catalog(const spec_set *s, subject_scheme scheme)
{
    if (scheme == SCHEME_FUNCTION) return &s->functions;
    if (scheme == SCHEME_ECONOMIC) return &s->economic;
    return NULL;
}

void specs_free(spec_set *s)
{
    for (size_t i = 0; i < s->n_tables; i++) spec_free_one(&s->tables[i]);
    free(s->tables);
    catalog_free(&s->functions);
    catalog_free(&s->economic);
    memset(s, 0, sizeof *s);
}
