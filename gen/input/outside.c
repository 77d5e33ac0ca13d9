/* outside.c — subject codes that are not in the catalog: the catalog holds
 * about a hundred of the thousands of 政府收支分类 codes, so a unit may use
 * others when its tables name them and their 类/款 are known. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

const subject *unit_subject(const unit *u, const spec_set *specs, subject_scheme scheme, const char *code)
{
    const catalog *cat = specs_catalog(specs, scheme);
    const subject *s = cat ? catalog_find_year(cat, code, u->year) : NULL;
    if (!s && (scheme == SCHEME_FUNCTION || scheme == SCHEME_ECONOMIC)) s = catalog_find(&u->added[scheme], code);
    return s;
}

static int subject_cmp(const void *pa, const void *pb)
{
    return strcmp(((const subject *)pa)->code, ((const subject *)pb)->code);
}

static bool is_total(const table_row *r)
{
    return strcmp(r->key, "total") == 0;
}

/* The codes of one scheme's tables that the catalog lacks, into u->added. */
static int collect(unit *u, const spec_set *specs, subject_scheme scheme, diag_list *diags)
{
    const catalog *cat = specs_catalog(specs, scheme);
    catalog *add = &u->added[scheme];
    srcpos *first = NULL;
    int errors = 0;
    for (size_t ti = 0; ti < u->n_tables; ti++) {
        const table *t = &u->tables[ti];
        if (!t->spec || t->spec->kind != TABLE_SUBJECT || t->spec->scheme != scheme) continue;
        for (size_t r = 0; r < t->n_rows; r++) {
            const table_row *row = &t->rows[r];
            if (is_total(row) || row->computed || catalog_find_year(cat, row->key, u->year)) continue;
            size_t k = 0;
            while (k < add->count && strcmp(add->items[k].code, row->key) != 0) k++;
            if (k < add->count) {
                if (!label_equal(add->items[k].name, row->label)) {
                    diag_add(diags, DIAG_ERROR, "SUBJECT-NAMES", row->pos,
                             "科目 %s 在 %s:%d 名为“%s”，这里名为“%s”：同一科目编码只能有一个名称", row->key,
                             first[k].file, first[k].line, add->items[k].name, row->label);
                    errors++;
                }
                continue;
            }
            add->items = xrealloc(add->items, (add->count + 1) * sizeof *add->items);
            first = xrealloc(first, (add->count + 1) * sizeof *first);
            subject *s = &add->items[add->count];
            memset(s, 0, sizeof *s);
            s->code = xstrdup(row->key);
            s->name = xstrdup(row->label);
            s->explanation = xstrdup("");
            first[add->count++] = row->pos;
        }
    }
    const value *texts = value_get(u->yaml, "glossary_texts");
    const char *file = scheme == SCHEME_ECONOMIC ? "economic.csv" : "functions.csv";
    for (size_t k = 0; k < add->count; k++) {
        const subject *s = &add->items[k];
        bool needs_text = scheme == SCHEME_FUNCTION && strlen(s->code) == 7 && !value_get(texts, s->code);
        diag_add(diags, DIAG_WARNING, "SUBJECT-NEW", first[k],
                 "科目 %s %s 不在科目目录（templates/catalog/%s）中，名称按表中所写%s%s", s->code, s->name, file,
                 needs_text ? "；它的名词解释需要说明文字：写在单位文件夹的 catalog/" : "",
                 needs_text ? "functions.csv 中，或 unit.yaml 的 glossary_texts 中" : "");
    }
    free(first);
    if (add->count) qsort(add->items, add->count, sizeof *add->items, subject_cmp);
    return errors;
}

/* Every code's 类 and 款 must be known: in the catalog or named in the tables. */
static int parents(unit *u, const spec_set *specs, subject_scheme scheme, diag_list *diags)
{
    int errors = 0;
    char **reported = NULL;
    size_t n_reported = 0;
    for (size_t ti = 0; ti < u->n_tables; ti++) {
        const table *t = &u->tables[ti];
        if (!t->spec || t->spec->kind != TABLE_SUBJECT || t->spec->scheme != scheme) continue;
        for (size_t r = 0; r < t->n_rows; r++) {
            const table_row *row = &t->rows[r];
            size_t len = strlen(row->key);
            if (is_total(row) || row->computed) continue;
            for (size_t plen = 3; plen < len; plen += 2) {
                char code[16];
                if (plen >= sizeof code) break;
                memcpy(code, row->key, plen);
                code[plen] = '\0';
                if (unit_subject(u, specs, scheme, code)) continue;
                bool seen = false;
                for (size_t k = 0; k < n_reported && !seen; k++) seen = strcmp(reported[k], row->key) == 0;
                if (seen) break;
                reported = xrealloc(reported, (n_reported + 1) * sizeof *reported);
                reported[n_reported++] = row->key;
                diag_add(diags, DIAG_ERROR, "SUBJECT-PARENT", row->pos,
                         "科目 %s %s 的%s %s 既不在科目目录中，表中也没有它的行：请在表中写出 %s 的行（编码和名称），或在单位文件夹的 catalog/%s 中补上",
                         row->key, row->label, plen == 3 ? "类" : "款", code, code,
                         scheme == SCHEME_ECONOMIC ? "economic.csv" : "functions.csv");
                errors++;
                break;
            }
        }
    }
    free(reported);
    return errors;
}

int unit_outside_catalog(unit *u, const spec_set *specs, diag_list *diags)
{
    int errors = 0;
    for (int scheme = SCHEME_FUNCTION; scheme <= SCHEME_ECONOMIC; scheme++) {
        errors += collect(u, specs, (subject_scheme)scheme, diags);
        errors += parents(u, specs, (subject_scheme)scheme, diags);
    }
    return errors;
}
