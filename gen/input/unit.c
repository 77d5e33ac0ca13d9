/* unit.c — load a unit folder: unit.yaml and tables/NN_TITLE.csv bound to
 * their specs. */
#include "input.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- unit.yaml metadata ------------------------------------------------ */

static const char *yaml_text(const unit *u, const char *path, bool required, diag_list *diags)
{
    const value *v = value_get_path(u->yaml, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        if (required) diag_error(diags, unit_pos(u, path), "unit.yaml 缺少 %s", path);
        return NULL;
    }
    const char *t = value_get_text(v);
    if (!t) diag_error(diags, unit_pos(u, path), "%s 应是文字", path);
    return t;
}

static bool parse_date(const char *s, int *y, int *m, int *d)
{
    /* YYYY-MM-DD, a real calendar date */
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    *y = atoi(s), *m = atoi(s + 5), *d = atoi(s + 8);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*m < 1 || *m > 12 || *d < 1 || *d > days[*m - 1]) return false;
    bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    return !(*m == 2 && *d == 29 && !leap);
}

static int load_meta(unit *u, diag_list *diags)
{
    size_t before = diag_error_count(diags);
    const value *meta = value_get(u->yaml, "unit");
    if (!meta || value_get_type(meta) != VALUE_MAP) {
        diag_error(diags, unit_pos(u, "unit"), "unit.yaml 应有 unit: 块（name、kind、year、published、money_unit）");
        return -1;
    }
    const char *name = yaml_text(u, "unit.name", true, diags);
    if (name) u->name = xstrdup(name);
    const char *short_name = yaml_text(u, "unit.short_name", false, diags);
    /* a name is one line: it is the cover's title and the output file's name */
    static const char *const one_line[] = {"unit.name", "unit.short_name"};
    for (int i = 0; i < 2; i++) {
        const char *t = i ? short_name : name;
        const char *c = t;
        while (c && *c && (unsigned char)*c >= 0x20 && *c != 0x7F) c++;
        if (c && *c)
            diag_error(diags, unit_pos(u, one_line[i]), "%s 应是一行文字，不能含换行符或其他控制字符（第 %d 个字符处）",
                       one_line[i], utf8_width(t, (size_t)(c - t)) + 1);
    }
    u->short_name = xstrdup(short_name ? short_name : name ? name : "");

    const char *kind = yaml_text(u, "unit.kind", true, diags);
    if (kind) {
        if (strcmp(kind, "部门") == 0) u->kind = UNIT_DEPARTMENT;
        else if (strcmp(kind, "单位") == 0) u->kind = UNIT_UNIT;
        else diag_error(diags, unit_pos(u, "unit.kind"), "unit.kind 应为“部门”或“单位”，实为“%s”", kind);
    }
    const value *year = value_get_path(u->yaml, "unit.year");
    const char *yt = year && value_get_type(year) == VALUE_NUMBER ? value_get_text(year) : NULL;
    if (!year || value_get_type(year) == VALUE_NULL) diag_error(diags, unit_pos(u, year ? "unit.year" : "unit"), "unit.yaml 缺少 unit.year");
    else if (!yt || strchr(yt, '.') || atoi(yt) < 2000 || atoi(yt) > 2100)
        diag_error(diags, unit_pos(u, "unit.year"), "unit.year 应是 2000 至 2100 之间的年份");
    else u->year = atoi(yt);

    const char *pub = yaml_text(u, "unit.published", false, diags); /* build needs it, check and facts do not */
    if (pub && !parse_date(pub, &u->pub_year, &u->pub_month, &u->pub_day))
        diag_error(diags, unit_pos(u, "unit.published"), "unit.published 应是日期 YYYY-MM-DD，实为“%s”", pub);
    else if (pub && u->year && u->pub_year <= u->year)
        diag_error(diags, unit_pos(u, "unit.published"), "公开时间 %s 应晚于决算年度 %d 年", pub, u->year);

    const char *mu = yaml_text(u, "unit.money_unit", true, diags);
    if (mu) {
        u->money_unit = money_unit_parse(mu);
        if (!u->money_unit)
            diag_error(diags, unit_pos(u, "unit.money_unit"), "unit.money_unit 应为“元”或“万元”，实为“%s”", mu);
    }
    return diag_error_count(diags) > before ? -1 : 0;
}

/* ---- binding a CSV to its spec ----------------------------------------- */

typedef struct bind_ctx {
    unit *u;
    table *t;
    const spec_set *specs;
    diag_list *diags;
    int errors;
} bind_ctx;

static srcpos cell_pos(const table *t, const csv_cell *c)
{
    return (srcpos){t->path, c->line, c->col};
}

static table_row *row_new(table *t, const char *key, const char *label, int side, srcpos pos)
{
    t->rows = xgrow(t->rows, t->n_rows, sizeof *t->rows);
    table_row *r = &t->rows[t->n_rows++];
    memset(r, 0, sizeof *r);
    r->key = xstrdup(key);
    r->label = xstrdup(label);
    r->side = side;
    r->cells = xcalloc(t->spec->n_columns, sizeof *r->cells);
    r->pos = pos;
    return r;
}

static void parse_amounts(bind_ctx *c, table_row *r, const csv_row *row, int side)
{
    const table_spec *s = c->t->spec;
    for (size_t i = 0; i < s->n_columns; i++) {
        if (s->columns[i].role != COLUMN_AMOUNT || s->columns[i].side != side) continue;
        const csv_cell *cc = &row->cells[i];
        r->cells[i].pos = cell_pos(c->t, cc);
        money_t v;
        money_status st = money_parse(cc->text, c->u->money_unit, &v);
        if (st == MONEY_EMPTY) continue;
        if (st != MONEY_OK) {
            diag_error(c->diags, cell_pos(c->t, cc), "“%s”列的金额“%s”%s", s->columns[i].header, cc->text,
                       money_status_text(st));
            c->errors++;
            continue;
        }
        r->cells[i].amount = v;
        r->cells[i].present = true;
    }
}

static bool side_blank(const table_spec *s, const csv_row *row, int side)
{
    for (size_t i = 0; i < s->n_columns; i++)
        if (s->columns[i].side == side && row->cells[i].text[0]) return false;
    return true;
}

static int column_of(const table_spec *s, column_role role, int side)
{
    for (size_t i = 0; i < s->n_columns; i++)
        if (s->columns[i].role == role && s->columns[i].side == side) return (int)i;
    return -1;
}

static void bind_fixed_row(bind_ctx *c, const csv_row *row)
{
    const table_spec *s = c->t->spec;
    for (int side = 0; side < s->sides; side++) {
        int lc = column_of(s, COLUMN_LABEL, side);
        if (lc < 0) continue;
        const csv_cell *label = &row->cells[lc];
        if (!label->text[0]) {
            if (!side_blank(s, row, side)) {
                diag_error(c->diags, cell_pos(c->t, label), "这一行有金额但没有项目名称");
                c->errors++;
            }
            continue;
        }
        const table_fixed_row *fr = NULL;
        for (size_t k = 0; k < s->n_rows; k++)
            if (s->rows[k].side == side && label_equal(s->rows[k].label, label->text)) fr = &s->rows[k];
        if (!fr) {
            diag_error(c->diags, cell_pos(c->t, label), "“%s”不是%s%s栏规定的项目（见 %s）", label->text,
                       s->title, s->sides > 1 ? (side ? "右" : "左") : "", s->path);
            c->errors++;
            continue;
        }
        if (table_find_row(c->t, fr->key)) {
            diag_error(c->diags, cell_pos(c->t, label), "项目“%s”重复出现", label->text);
            c->errors++;
            continue;
        }
        int ln = column_of(s, COLUMN_LINE, side);
        if (ln >= 0 && row->cells[ln].text[0] && fr->line) {
            char want[16];
            snprintf(want, sizeof want, "%d", fr->line);
            if (strcmp(row->cells[ln].text, want) != 0) {
                diag_error(c->diags, cell_pos(c->t, &row->cells[ln]), "“%s”的行次应为 %s，实为“%s”", fr->label,
                           want, row->cells[ln].text);
                c->errors++;
            }
        }
        table_row *r = row_new(c->t, fr->key, label->text, side, cell_pos(c->t, label));
        parse_amounts(c, r, row, side);
    }
}

/* A code outside the catalog may stand when it has the shape of its scheme
 * and its row names it (unit_outside_catalog checks the rest). */
static bool subject_outside_ok(bind_ctx *c, const csv_cell *code, const csv_cell *name)
{
    const table_spec *s = c->t->spec;
    size_t n = strlen(code->text);
    bool shape = strspn(code->text, "0123456789") == n && (n == 3 || n == 5 || (n == 7 && s->scheme == SCHEME_FUNCTION));
    const char *file = s->scheme == SCHEME_ECONOMIC ? "economic.csv" : "functions.csv";
    if (!shape) {
        diag_error(c->diags, cell_pos(c->t, code), "%s科目编码“%s”应是 %s 位数字（类、款%s）",
                   s->scheme == SCHEME_ECONOMIC ? "经济分类" : "功能分类", code->text,
                   s->scheme == SCHEME_ECONOMIC ? "3 或 5" : "3、5 或 7", s->scheme == SCHEME_ECONOMIC ? "" : "、项");
    } else if (!name || !name->text[0]) {
        diag_error(c->diags, cell_pos(c->t, code), "未知的%s科目编码“%s”（不在 templates/catalog/%s 中）：不在科目目录中的科目应在“科目名称”列写出名称",
                   s->scheme == SCHEME_ECONOMIC ? "经济分类" : "功能分类", code->text, file);
    } else {
        return true;
    }
    c->errors++;
    return false;
}

/* ", which is its name in 2020 and before" when `name` is another year's
 * name of the subject (static text). */
static const char *subject_other_year(const catalog *cat, const subject *sub, const char *name)
{
    static char note[128];
    note[0] = '\0';
    for (size_t i = 0; i < cat->count; i++) {
        const subject *o = &cat->items[i];
        if (o == sub || strcmp(o->code, sub->code) != 0 || !label_equal(o->name, name)) continue;
        if (o->from_year && o->to_year) snprintf(note, sizeof note, "（“%s”是 %d—%d 年的科目名称）", name, o->from_year, o->to_year);
        else if (o->to_year) snprintf(note, sizeof note, "（“%s”是 %d 年及以前的科目名称）", name, o->to_year);
        else if (o->from_year) snprintf(note, sizeof note, "（“%s”是 %d 年起的科目名称）", name, o->from_year);
    }
    return note;
}

static void bind_subject_row(bind_ctx *c, const csv_row *row)
{
    const table_spec *s = c->t->spec;
    int cc = column_of(s, COLUMN_CODE, 0), nc = column_of(s, COLUMN_NAME, 0);
    const csv_cell *code = &row->cells[cc];
    const csv_cell *name = nc >= 0 ? &row->cells[nc] : code;
    const char *key = code->text;
    if (!code->text[0]) {
        if (!label_equal(name->text, "合计")) {
            diag_error(c->diags, cell_pos(c->t, code), "科目编码为空（只有“合计”行可以不填编码）");
            c->errors++;
            return;
        }
        key = "total";
    } else {
        const catalog *cat = specs_catalog(c->specs, s->scheme);
        const subject *sub = cat ? catalog_find_year(cat, code->text, c->u->year) : NULL;
        if (!sub && !subject_outside_ok(c, code, nc >= 0 ? name : NULL)) return;
        if (sub && nc >= 0 && name->text[0] && !label_equal(name->text, sub->name)) {
            diag_error(c->diags, cell_pos(c->t, name), "科目 %s 的名称应为“%s”，实为“%s”%s", sub->code, sub->name,
                       name->text, subject_other_year(cat, sub, name->text));
            c->errors++;
        }
    }
    if (table_find_row(c->t, key)) {
        diag_error(c->diags, cell_pos(c->t, code), "%s重复出现", code->text[0] ? code->text : "合计行");
        c->errors++;
        return;
    }
    table_row *r = row_new(c->t, key, name->text, 0, cell_pos(c->t, code));
    parse_amounts(c, r, row, 0);
}

static void bind_table(bind_ctx *c, const csv_file *f)
{
    const table_spec *s = c->t->spec;
    if (f->n_rows == 0) {
        diag_error(c->diags, (srcpos){c->t->path, 1, 1}, "文件为空（应至少有表头行）");
        c->errors++;
        return;
    }
    const csv_row *head = &f->rows[0];
    for (size_t i = 0; i < s->n_columns && i < head->n_cells; i++)
        if (!label_equal(head->cells[i].text, s->columns[i].header)) {
            diag_error(c->diags, cell_pos(c->t, &head->cells[i]), "第 %zu 列的表头应为“%s”，实为“%s”", i + 1,
                       s->columns[i].header, head->cells[i].text);
            c->errors++;
        }
    if (head->n_cells != s->n_columns) {
        diag_error(c->diags, (srcpos){c->t->path, head->line, 1}, "表头应有 %zu 列，实有 %zu 列", s->n_columns,
                   head->n_cells);
        c->errors++;
        return;
    }
    for (size_t r = 1; r < f->n_rows; r++) {
        const csv_row *row = &f->rows[r];
        if (row->n_cells != s->n_columns) {
            diag_error(c->diags, (srcpos){c->t->path, row->line, 1}, "应有 %zu 列，实有 %zu 列", s->n_columns,
                       row->n_cells);
            c->errors++;
            continue;
        }
        if (s->kind == TABLE_FIXED) bind_fixed_row(c, row);
        else bind_subject_row(c, row);
    }
}

int table_bind(unit *u, table *t, const spec_set *specs, const csv_file *f, diag_list *diags)
{
    bind_ctx c = {u, t, specs, diags, 0};
    bind_table(&c, f);
    return c.errors ? -1 : 0;
}

/* ---- the unit ------------------------------------------------------------ */

int unit_load(const char *dir, const spec_set *specs, unit *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    out->dir = xstrndup(dir, n);
    const char *slash = strrchr(out->dir, '/');
    out->id = xstrdup(slash ? slash + 1 : out->dir);
    if (!out->id[0] || strcmp(out->id, ".") == 0 || strcmp(out->id, "..") == 0) {
        diag_error(diags, (srcpos){out->dir, 0, 0}, "单位目录名“%s”不可用（应是一个具体的文件夹名，如 input/leshan-2024）",
                   out->id);
        return -1;
    }
    buf p = {0};
    buf_printf(&p, "%s/unit.yaml", out->dir);
    out->yaml_path = buf_detach(&p);
    if (yaml_load(out->yaml_path, &out->yaml, &out->yaml_pos, diags) != 0) return -1;
    /* the tables are read even when the unit: block has a mistake, so
     * that one run reports everything; amounts need the money unit */
    int rc = load_meta(out, diags);
    if (!out->money_unit) return -1;
    unit_defaults(out);

    if (performance_load(out, diags) != 0) rc = -1;
    /* no tables/ folder: no disclosure (a unit may publish only its
     * performance reports) */
    struct stat st;
    buf_printf(&p, "%s/tables", out->dir);
    out->has_tables = stat(buf_cstr(&p), &st) == 0;
    if (out->has_tables && !S_ISDIR(st.st_mode)) {
        diag_error(diags, (srcpos){buf_cstr(&p), 0, 0}, "tables 应是放各附表 CSV 的文件夹");
        buf_free(&p);
        return -1;
    }
    buf_free(&p);
    if (!out->has_tables) return rc;
    out->tables = xcalloc(specs->n_tables ? specs->n_tables : 1, sizeof *out->tables);
    out->n_tables = specs->n_tables;
    for (size_t i = 0; i < specs->n_tables; i++) {
        table *t = &out->tables[i];
        t->spec = &specs->tables[i];
        buf_printf(&p, "%s/tables", out->dir);
        t->path = table_file_find(buf_cstr(&p), t->spec->file, diags); /* by its NN_ prefix */
        buf_free(&p);
        if (!t->path) {
            t->path = xstrdup("");
            rc = -1;
            continue;
        }
        csv_file f;
        if (csv_read(t->path, &f, diags) != 0) {
            csv_free(&f);
            rc = -1;
            continue;
        }
        if (table_bind(out, t, specs, &f, diags) != 0) rc = -1;
        csv_free(&f);
    }
    if (unit_outside_catalog(out, specs, diags)) rc = -1;
    unit_subtotals(out, specs);
    for (size_t i = 0; i < out->n_tables; i++) table_index(&out->tables[i]); /* complete now */
    return rc;
}
