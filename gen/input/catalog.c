/* catalog.c — subject catalogs (templates/catalog/NAME.csv): load one file
 * and merge it over the rows of the layers below (a profile's, a unit's). */
#include "input.h"

#include <stdlib.h>
#include <string.h>

/* 适用年度: "" (every year), "2021", "2021-", "-2020", "2019-2020". */
static bool parse_years(const char *s, int *from, int *to)
{
    *from = *to = 0;
    if (!*s) return true;
    const char *dash = strchr(s, '-');
    int a = 0, b = 0;
    char *end;
    if (dash != s) {
        long v = strtol(s, &end, 10);
        if (end - s != 4 || (end != dash && *end)) return false;
        a = (int)v;
    }
    if (!dash) return (*from = *to = a) != 0;
    if (dash[1]) {
        long v = strtol(dash + 1, &end, 10);
        if (end - dash - 1 != 4 || *end) return false;
        b = (int)v;
    }
    if ((!a && !b) || (a && b && a > b)) return false;
    *from = a, *to = b;
    return true;
}

static int subject_cmp(const void *pa, const void *pb)
{
    const subject *a = pa, *b = pb;
    int c = strcmp(a->code, b->code);
    if (c) return c;
    return (a->from_year > b->from_year) - (a->from_year < b->from_year);
}

static void subject_free(subject *s)
{
    free(s->code), free(s->name), free(s->explanation);
}

/* Read one catalog file into `out` (sorted by code, then years). */
static int catalog_read(const char *path, catalog *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    csv_file f;
    if (csv_read(path, &f, diags) != 0) {
        csv_free(&f);
        return -1;
    }
    static const char *const head[] = {"科目编码", "科目名称", "说明", "适用年度"};
    size_t cols = f.n_rows ? f.rows[0].n_cells : 0;
    bool ok = cols == 3 || cols == 4;
    for (size_t i = 0; ok && i < cols; i++) ok = label_equal(f.rows[0].cells[i].text, head[i]);
    if (!ok) {
        diag_error(diags, (srcpos){f.path, 1, 1}, "科目目录的表头应为“科目编码,科目名称,说明”（可加“,适用年度”）");
        csv_free(&f);
        return -1;
    }
    int errors = 0;
    out->items = xcalloc(f.n_rows, sizeof *out->items);
    for (size_t r = 1; r < f.n_rows; r++) {
        csv_row *row = &f.rows[r];
        srcpos p = {f.path, row->line, 1};
        if (row->n_cells != cols && !(cols == 4 && row->n_cells == 3)) { /* 适用年度 may be left off */
            diag_error(diags, p, "应有 %zu 列，实有 %zu 列", cols, row->n_cells);
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
        if (!row->cells[1].text[0]) {
            diag_error(diags, (srcpos){f.path, row->line, row->cells[1].col}, "科目 %s 没有名称", code);
            errors++;
            continue;
        }
        int from = 0, to = 0;
        if (row->n_cells == 4 && !parse_years(row->cells[3].text, &from, &to)) {
            diag_error(diags, (srcpos){f.path, row->line, row->cells[3].col},
                       "适用年度应写作“2021”“2021-”“-2020”或“2019-2020”，实为“%s”", row->cells[3].text);
            errors++;
            continue;
        }
        const subject *prev = out->count ? &out->items[out->count - 1] : NULL;
        int cmp = prev ? strcmp(prev->code, code) : -1;
        /* the same code again only for another span of years, after the earlier one */
        if (cmp > 0 || (cmp == 0 && (!prev->to_year || !from || from <= prev->to_year))) {
            diag_error(diags, p, cmp == 0 ? "科目编码 %s 重复（同一编码的几行应按年度先后、适用年度不重叠）"
                                          : "科目编码 %s 未按升序排列",
                       code);
            errors++;
            continue;
        }
        subject *s = &out->items[out->count++];
        s->code = xstrdup(code);
        s->name = xstrdup(row->cells[1].text);
        s->explanation = xstrdup(row->cells[2].text);
        s->from_year = from, s->to_year = to;
    }
    csv_free(&f);
    return errors ? -1 : 0;
}

int catalog_merge_file(catalog *c, const char *path, diag_list *diags)
{
    catalog add;
    if (catalog_read(path, &add, diags) != 0) {
        catalog_free(&add);
        return -1;
    }
    /* the rows of a code the new file gives replace the old ones; an empty
     * 说明 keeps the old text of the same name */
    size_t kept = 0;
    for (size_t i = 0; i < c->count; i++) {
        subject *s = &c->items[i];
        const subject *n = catalog_find(&add, s->code);
        if (!n) {
            c->items[kept++] = *s;
            continue;
        }
        for (size_t k = 0; k < add.count; k++) {
            subject *a = &add.items[k];
            if (strcmp(a->code, s->code) == 0 && !a->explanation[0] && s->explanation[0] && strcmp(a->name, s->name) == 0) {
                free(a->explanation);
                a->explanation = xstrdup(s->explanation);
            }
        }
        subject_free(s);
    }
    c->items = xrealloc(c->items, (kept + add.count + 1) * sizeof *c->items);
    memcpy(c->items + kept, add.items, add.count * sizeof *add.items);
    c->count = kept + add.count;
    free(add.items);
    qsort(c->items, c->count, sizeof *c->items, subject_cmp);
    return 0;
}
