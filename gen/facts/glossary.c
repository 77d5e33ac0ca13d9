/* glossary.c — 第三部分 名词解释: the fixed terms of templates/glossary.yaml,
 * one entry per 项-level subject the tables use, the unit's own additions.
 * unit.yaml's glossary_texts replaces the text of a fixed term or a
 * subject, glossary_notes adds a sentence to a fixed term. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static void add_entry(value *list, const char *term, const char *text)
{
    value *e = value_append(list, value_new_map());
    value_set_int(e, "number", (int64_t)value_count(list));
    value_set_string(e, "term", term);
    value_set_string(e, "text", text);
}

/* A fixed term's text with "{kind}" written as the unit's kind (单位/部门). */
static void put_kind(buf *b, const char *text, const char *kind)
{
    for (const char *p = text; *p;) {
        if (strncmp(p, "{kind}", 6) == 0) {
            buf_puts(b, kind);
            p += 6;
        } else {
            buf_putc(b, *p++);
        }
    }
}

/* The unit's own text for `key` (a term or a code) from glossary_texts,
 * marking it used; NULL when it gives none. */
static const char *own_text(fctx *c, const char *key, bool *used_texts)
{
    const value *texts = value_get(c->u->yaml, "glossary_texts");
    for (size_t k = 0; k < value_count(texts); k++)
        if (strcmp(value_key_at(texts, k), key) == 0 && value_get_text(value_at(texts, k))) {
            used_texts[k] = true;
            return value_get_text(value_at(texts, k));
        }
    return NULL;
}

/* Fixed terms of one group, with the unit's glossary_notes appended. */
static void add_fixed(fctx *c, value *list, const char *group, bool *used, bool *used_texts)
{
    const value *terms = value_get(c->o->glossary, group);
    const value *notes = value_get(c->u->yaml, "glossary_notes");
    for (size_t i = 0; i < value_count(terms); i++) {
        const value *t = value_at(terms, i);
        const char *term = value_get_text(value_get(t, "term"));
        const char *text = value_get_text(value_get(t, "text"));
        if (!term || !text) {
            char path[64];
            snprintf(path, sizeof path, "%s.%zu", group, i);
            diag_error(c->diags, posmap_get(c->o->glossary_pos, path), "名词解释的每一项应有 term 和 text");
            c->errors++;
            continue;
        }
        const char *own = own_text(c, term, used_texts);
        buf b = {0};
        put_kind(&b, own ? own : text, unit_kind_name(c->u->kind));
        for (size_t k = 0; k < value_count(notes); k++)
            if (strcmp(value_key_at(notes, k), term) == 0 && value_get_text(value_at(notes, k))) {
                buf_puts(&b, value_get_text(value_at(notes, k)));
                used[k] = true;
            }
        add_entry(list, term, buf_cstr(&b));
        buf_free(&b);
    }
}

static int code_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A key of glossary_notes / glossary_texts that named nothing. */
static void unused_keys(fctx *c, const char *block, const bool *used, const char *what)
{
    const value *m = value_get(c->u->yaml, block);
    for (size_t k = 0; k < value_count(m); k++)
        if (!used[k]) {
            char path[128];
            snprintf(path, sizeof path, "%s.%s", block, value_key_at(m, k));
            diag_error(c->diags, posmap_get_key(c->u->yaml_pos, path), "%s 中的“%s”不是%s", block,
                       value_key_at(m, k), what);
            c->errors++;
        }
}

value *facts_glossary(fctx *c)
{
    value *list = value_new_list();
    const value *notes = value_get(c->u->yaml, "glossary_notes");
    const value *texts = value_get(c->u->yaml, "glossary_texts");
    bool *used = xcalloc(value_count(notes) + 1, sizeof *used);
    bool *used_texts = xcalloc(value_count(texts) + 1, sizeof *used_texts);
    add_fixed(c, list, "before", used, used_texts);

    /* every 项 code of the function-classified tables, once, in code order */
    size_t n = 0, cap = 0;
    char **codes = NULL;
    for (size_t ti = 0; ti < c->u->n_tables; ti++) {
        const table *t = &c->u->tables[ti];
        if (t->spec->scheme != SCHEME_FUNCTION) continue;
        for (size_t r = 0; r < t->n_rows; r++) {
            if (strlen(t->rows[r].key) != 7) continue;
            bool seen = false;
            for (size_t k = 0; k < n && !seen; k++) seen = strcmp(codes[k], t->rows[r].key) == 0;
            if (seen) continue;
            if (n == cap) codes = xrealloc(codes, (cap = cap ? cap * 2 : 32) * sizeof *codes);
            codes[n++] = t->rows[r].key;
        }
    }
    if (n) qsort(codes, n, sizeof *codes, code_cmp);
    for (size_t k = 0; k < n; k++) {
        const subject *s = unit_subject(c->u, c->specs, SCHEME_FUNCTION, codes[k]);
        const char *own = own_text(c, codes[k], used_texts);
        const char *text = own ? own : s ? s->explanation : "";
        if (!text[0]) {
            /* a code outside the catalog was reported when the tables were read */
            if (catalog_find_year(&c->specs->functions, codes[k], c->u->year))
                diag_add(c->diags, DIAG_WARNING, NULL, (srcpos){"templates/catalog/functions.csv", 0, 0},
                         "科目 %s%s 没有说明，名词解释中略去该科目（可在 unit.yaml 的 glossary_texts 中写出）", codes[k],
                         s ? s->name : "");
            continue;
        }
        char *path = subject_path(c, codes[k]);
        add_entry(list, path, text);
        free(path);
    }
    free(codes);

    add_fixed(c, list, "after", used, used_texts);
    unused_keys(c, "glossary_notes", used, "名词解释中的固定词条（见 templates/glossary.yaml）");
    unused_keys(c, "glossary_texts", used_texts, "名词解释中的固定词条或表中用到的项级功能分类科目");
    free(used);
    free(used_texts);

    const value *extra = value_get(c->u->yaml, "glossary_extra");
    for (size_t i = 0; i < value_count(extra); i++) {
        const char *term = value_get_text(value_get(value_at(extra, i), "term"));
        const char *text = value_get_text(value_get(value_at(extra, i), "text"));
        char path[64];
        snprintf(path, sizeof path, "glossary_extra.%zu", i);
        if (!term || !text) {
            diag_error(c->diags, unit_pos(c->u, path), "glossary_extra 的每一项应有 term 和 text");
            c->errors++;
            continue;
        }
        add_entry(list, term, text);
    }
    return list;
}
