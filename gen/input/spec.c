/* spec.c — load table specifications (templates/tables/NN.yaml) and the
 * subject catalogs (templates/catalog/NAME.csv). */
#include "input.h"

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
                                        "landscape", "csv", "rows", "notes", "empty_note", "print", NULL};
static const char *const COLUMN_KEYS[] = {"header", "role", "key", "side", "group", "width", NULL};
static const char *const PRINT_COLUMN_KEYS[] = {"header", "role", "key", "group", "width", "row", NULL};
static const char *const PRINT_KEYS[] = {"layout", "columns", "sides", NULL};
static const char *const SIDE_KEYS[] = {"group", "classes", "total", NULL};
static const char *const ROW_KEYS[] = {"key", "label", "line", "side", "total", NULL};

/* A column list at `where` ("csv" or "print.columns"); `printed` allows
 * the print-only key `row` and forbids `side`. */
static table_column *load_column_list(spec_ctx *c, const char *where, bool printed, size_t *n_out)
{
    *n_out = 0;
    const value *cols = value_get_path(c->root, where);
    if (!cols || value_get_type(cols) != VALUE_LIST || value_count(cols) == 0) {
        diag_error(c->diags, at(c, where), "表格规格缺少 %s 列清单", where);
        c->errors++;
        return NULL;
    }
    size_t n = value_count(cols);
    table_column *out = xcalloc(n, sizeof *out);
    *n_out = n;
    char path[64];
    for (size_t i = 0; i < n; i++) {
        table_column *col = &out[i];
        snprintf(path, sizeof path, "%s.%zu", where, i);
        check_keys(c, path, printed ? PRINT_COLUMN_KEYS : COLUMN_KEYS);
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
        snprintf(sub, sizeof sub, "%s.width", path);
        col->width = field_int(c, sub, 0);
        snprintf(sub, sizeof sub, "%s.group", path);
        col->group = field_strings(c, sub, &col->n_group);
        if (printed) {
            snprintf(sub, sizeof sub, "%s.row", path);
            col->row = field_string(c, sub, false);
        }
    }
    return out;
}

static void load_columns(spec_ctx *c, table_spec *t)
{
    t->sides = 1;
    t->columns = load_column_list(c, "csv", false, &t->n_columns);
    for (size_t i = 0; i < t->n_columns; i++)
        if (t->columns[i].side + 1 > t->sides) t->sides = t->columns[i].side + 1;
    char path[64];
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

/* The `print:` block: how the printed form differs from the CSV layout.
 *   layout: split_by_class — subject rows go to the side whose `classes`
 *     list their 类 code; every side is printed with `columns` (roles code /
 *     name, amounts by CSV key) under its `group`, ending with its `total`.
 *   layout: transpose — each printed column (`columns`, with `group` for the
 *     header tree) shows the amount `key` of fixed row `row`; one data row. */
static void load_print(spec_ctx *c, table_spec *t)
{
    const value *p = value_get(c->root, "print");
    if (!p) return;
    if (value_get_type(p) != VALUE_MAP) {
        diag_error(c->diags, at(c, "print"), "print 应是映射（layout、columns、sides）");
        c->errors++;
        return;
    }
    check_keys(c, "print", PRINT_KEYS);
    char *layout = field_string(c, "print.layout", true);
    if (!layout) return;
    if (strcmp(layout, "split_by_class") == 0) t->print = PRINT_SPLIT_BY_CLASS;
    else if (strcmp(layout, "transpose") == 0) t->print = PRINT_TRANSPOSE;
    else {
        diag_error(c->diags, at(c, "print.layout"), "print.layout 应是 split_by_class 或 transpose，实为 %s", layout);
        c->errors++;
    }
    free(layout);
    if (!t->print) return;
    t->print_columns = load_column_list(c, "print.columns", true, &t->n_print_columns);
    char path[64];
    for (size_t i = 0; i < t->n_print_columns; i++) {
        const table_column *col = &t->print_columns[i];
        snprintf(path, sizeof path, "print.columns.%zu", i);
        if (col->key && table_spec_column(t, col->key, 0) < 0) {
            diag_error(c->diags, at(c, path), "打印列的 key %s 不是 csv 中的金额列", col->key);
            c->errors++;
        }
        if (t->print == PRINT_TRANSPOSE) {
            if (!col->key || !col->row) {
                diag_error(c->diags, at(c, path), "transpose 的每个打印列应有 row（固定行 key）和 key（金额列）");
                c->errors++;
            } else if (table_spec_row(t, col->row) < 0) {
                diag_error(c->diags, at(c, path), "打印列的 row %s 不是 rows 中的行", col->row);
                c->errors++;
            }
        } else if (col->row) {
            diag_error(c->diags, at(c, path), "只有 transpose 的打印列可以有 row");
            c->errors++;
        } else if (col->role != COLUMN_AMOUNT && col->role != COLUMN_CODE && col->role != COLUMN_NAME) {
            diag_error(c->diags, at(c, path), "split_by_class 的打印列应是 code、name 或金额列");
            c->errors++;
        }
    }
    if (t->print == PRINT_TRANSPOSE && t->kind != TABLE_FIXED) {
        diag_error(c->diags, at(c, "print.layout"), "transpose 只适用于固定行表格（kind: fixed）");
        c->errors++;
    }
    if (t->print != PRINT_SPLIT_BY_CLASS) {
        if (value_get_path(c->root, "print.sides")) {
            diag_error(c->diags, at(c, "print.sides"), "只有 split_by_class 需要 sides");
            c->errors++;
        }
        return;
    }
    if (t->kind != TABLE_SUBJECT) {
        diag_error(c->diags, at(c, "print.layout"), "split_by_class 只适用于科目表格（kind: subject）");
        c->errors++;
    }
    const value *sides = value_get_path(c->root, "print.sides");
    if (!sides || value_get_type(sides) != VALUE_LIST || value_count(sides) < 1) {
        diag_error(c->diags, at(c, "print"), "split_by_class 应有 sides 列表");
        c->errors++;
        return;
    }
    t->n_print_sides = value_count(sides);
    t->print_sides = xcalloc(t->n_print_sides, sizeof *t->print_sides);
    char sub[96];
    for (size_t i = 0; i < t->n_print_sides; i++) {
        print_side *ps = &t->print_sides[i];
        snprintf(path, sizeof path, "print.sides.%zu", i);
        check_keys(c, path, SIDE_KEYS);
        snprintf(sub, sizeof sub, "%s.group", path);
        ps->group = field_string(c, sub, false);
        snprintf(sub, sizeof sub, "%s.total", path);
        ps->total = field_string(c, sub, true);
        snprintf(sub, sizeof sub, "%s.classes", path);
        ps->classes = field_strings(c, sub, &ps->n_classes);
        if (ps->n_classes == 0) {
            diag_error(c->diags, at(c, sub), "%s 应列出至少一个类级科目编码", sub);
            c->errors++;
        }
        for (size_t k = 0; k < ps->n_classes; k++) {
            const char *code = ps->classes[k];
            bool ok = strlen(code) == 3 && strspn(code, "0123456789") == 3;
            for (size_t j = 0; j <= i && ok; j++)
                for (size_t m = 0; m < (j == i ? k : t->print_sides[j].n_classes); m++)
                    if (strcmp(t->print_sides[j].classes[m], code) == 0) ok = false;
            if (!ok) {
                diag_error(c->diags, at(c, sub), "类级科目编码“%s”应是 3 位数字且只出现一次", code);
                c->errors++;
            }
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
    load_print(&c, t);
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

static void columns_free(table_column *cols, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(cols[i].header);
        free(cols[i].key);
        free(cols[i].row);
        for (size_t g = 0; g < cols[i].n_group; g++) free(cols[i].group[g]);
        free(cols[i].group);
    }
    free(cols);
}

static void spec_free_one(table_spec *t)
{
    free(t->id), free(t->label), free(t->title), free(t->file), free(t->sheet);
    free(t->empty_note), free(t->path);
    columns_free(t->columns, t->n_columns);
    columns_free(t->print_columns, t->n_print_columns);
    for (size_t i = 0; i < t->n_print_sides; i++) {
        print_side *ps = &t->print_sides[i];
        free(ps->group), free(ps->total);
        for (size_t k = 0; k < ps->n_classes; k++) free(ps->classes[k]);
        free(ps->classes);
    }
    free(t->print_sides);
    for (size_t i = 0; i < t->n_rows; i++) free(t->rows[i].key), free(t->rows[i].label);
    free(t->rows);
    for (size_t i = 0; i < t->n_notes; i++) free(t->notes[i]);
    free(t->notes);
}

int specs_load(const char *templates_dir, spec_set *out, diag_list *diags)
{
    profile p;
    profile_init(&p, templates_dir);
    int rc = specs_load_profile(&p, NULL, out, diags);
    profile_free(&p);
    return rc;
}

/* A catalog: every layer's file merged over the ones below, then the unit's. */
static int catalogs_load(const profile *p, const char *unit_dir, const char *name, catalog *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    buf rel = {0};
    buf_printf(&rel, "catalog/%s", name);
    char *paths[PROFILE_MAX_LAYERS + 1];
    size_t n = profile_find_all(p, buf_cstr(&rel), paths);
    int errors = 0;
    if (n == 0) {
        char *base = profile_base_path(p, buf_cstr(&rel));
        diag_error(diags, (srcpos){base, 0, 0}, "找不到科目目录");
        free(base);
        errors++;
    }
    if (unit_dir) {
        buf u = {0};
        buf_printf(&u, "%s/%s", unit_dir, buf_cstr(&rel));
        FILE *f = fopen(buf_cstr(&u), "rb");
        if (f) fclose(f), paths[n++] = buf_detach(&u);
        buf_free(&u);
    }
    for (size_t i = 0; i < n; i++) {
        if (catalog_merge_file(out, paths[i], diags) != 0) errors++;
        free(paths[i]);
    }
    buf_free(&rel);
    return errors ? -1 : 0;
}

int specs_load_profile(const profile *p, const char *unit_dir, spec_set *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    int errors = 0;
    size_t n = 0;
    char **names = profile_list(p, "tables", ".yaml", &n);
    if (n == 0) {
        char *base = profile_base_path(p, "tables");
        diag_error(diags, (srcpos){NULL, 0, 0}, "找不到表格规格目录 %s", base);
        free(base);
        return -1;
    }
    out->tables = xcalloc(n ? n : 1, sizeof *out->tables);
    for (size_t i = 0; i < n; i++) {
        buf rel = {0};
        buf_printf(&rel, "tables/%s", names[i]);
        char *path = profile_find(p, buf_cstr(&rel));
        if (spec_load_one(path, &out->tables[out->n_tables++], diags) != 0) errors++;
        free(path);
        buf_free(&rel);
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
    if (catalogs_load(p, unit_dir, "functions.csv", &out->functions, diags) != 0) errors++;
    if (catalogs_load(p, unit_dir, "economic.csv", &out->economic, diags) != 0) errors++;
    char *ids = profile_find(p, "checks/identities.yaml");
    if (!ids) {
        char *base = profile_base_path(p, "checks/identities.yaml");
        diag_error(diags, (srcpos){base, 0, 0}, "找不到恒等式列表");
        free(base);
        errors++;
    } else if (identities_load(ids, out, diags) != 0) {
        errors++;
    }
    free(ids);
    /* the layouts of the 部门整体支出绩效自评报告: performance/department/NAME.mustache */
    out->department_layouts = profile_list(p, "performance/department", ".mustache", &out->n_department_layouts);
    for (size_t i = 0; i < out->n_department_layouts; i++)
        out->department_layouts[i][strlen(out->department_layouts[i]) - strlen(".mustache")] = '\0';
    char *scoring = profile_find(p, "performance/scoring.yaml");
    if (perf_rules_load(scoring, &out->perf, diags) != 0) errors++;
    free(scoring);
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
    identities_free(s);
    for (size_t i = 0; i < s->n_department_layouts; i++) free(s->department_layouts[i]);
    free(s->department_layouts);
    perf_rules_free(&s->perf);
    memset(s, 0, sizeof *s);
}
