/* diff_report.c — the 更正说明 of a diff: its items (facts_correction),
 * then the document registry's `correction` kind through the one pipeline
 * (template → doc → layout → pdf) and the Markdown template, both files
 * replaced together (output.c). */
#include "diff.h"

#include "../pdf/pdf.h"
#include "../template/template.h"
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct items {
    correction_item *v;
    size_t n;
    char **owned; /* joined texts */
    size_t n_owned;
} items;

static void item_add(items *it, const char *title, int page, const char *where, const char *o, const char *n)
{
    it->v = xrealloc(it->v, (it->n + 1) * sizeof *it->v);
    it->v[it->n++] = (correction_item){title, page, where, o, n};
}

static const char *joined(items *it, const printed *p, size_t n)
{
    buf b = {0};
    for (size_t i = 0; i < n; i++) buf_puts(&b, p[i].text);
    it->owned = xrealloc(it->owned, (it->n_owned + 1) * sizeof *it->owned);
    return it->owned[it->n_owned++] = buf_detach(&b);
}

/* One notice item per changed sentence (a run of as many new sentences as
 * old ones is read pair by pair; another run is one item), chart value and
 * table cell, at its page in the published (old) document. */
static void collect(const diff_result *r, items *it)
{
    for (size_t i = 0; i < r->n_docs; i++) {
        const doc_diff *dd = &r->docs[i];
        if (!dd->old_title || !dd->new_title) continue;
        for (size_t k = 0; k < dd->n_changes; k++) {
            const doc_change *c = &dd->changes[k];
            if (c->kind == PLACE_TEXT && c->n_old == c->n_new) {
                for (size_t s = 0; s < c->n_old; s++)
                    item_add(it, dd->old_title, c->olds[s].page, NULL, c->olds[s].text, c->news[s].text);
                continue;
            }
            int page = c->n_old ? c->olds[0].page : c->n_new ? c->news[0].page : 0;
            item_add(it, dd->old_title, page, c->where, joined(it, c->olds, c->n_old), joined(it, c->news, c->n_new));
        }
    }
}

static void items_free(items *it)
{
    for (size_t i = 0; i < it->n_owned; i++) free(it->owned[i]);
    free(it->owned);
    free(it->v);
}

/* The Markdown notice: templates/correction/notice.md.mustache (through the
 * profile), no escaping. NULL after an error. */
static char *render_markdown(const project *p, const value *facts, diag_list *d)
{
    static const char rel[] = "correction/notice.md.mustache";
    char *path = profile_find(&p->prof, rel);
    char *tmpl = path ? file_read_all(path, NULL) : NULL;
    if (!tmpl) {
        int err = path ? errno : ENOENT;
        if (!path) path = profile_base_path(&p->prof, rel);
        diag_error(d, (srcpos){path, 0, 0}, "无法读取模板：%s", strerror(err));
        free(path);
        return NULL;
    }
    template_options opt = {0};
    opt.strict = true;
    char *md = template_render(tmpl, facts, &opt, path, d);
    free(tmpl);
    free(path);
    return md;
}

int diff_report(diff_side *s, const diff_result *r, const char *dir, int year, int month, int day, diag_list *d)
{
    items it = {0};
    collect(r, &it);
    if (it.n == 0) {
        printf("没有印出的内容改变，不需要更正说明：没有写入 %s\n", dir);
        items_free(&it);
        return EXIT_OK;
    }
    value_set(s->b.facts, "correction", facts_correction(s->b.u.name, it.v, it.n, year, month, day));
    items_free(&it);

    document *docs = NULL;
    size_t n = 0;
    int rc = documents_list(s->b.facts, "correction", &docs, &n, d) == 0 && n == 1 ? EXIT_OK : EXIT_INTERNAL;
    if (rc == EXIT_OK) rc = document_render(&s->p, &s->b, &docs[0], d);
    char *md = rc == EXIT_OK ? render_markdown(&s->p, s->b.facts, d) : NULL;
    if (rc == EXIT_OK && !md) rc = EXIT_BAD_INPUT;
    output_folder *out = NULL;
    if (rc == EXIT_OK) rc = output_open(&out, dir, d);
    if (rc == EXIT_OK) {
        char *pdf_name = safe_name(docs[0].file_name, ".pdf"), *md_name = safe_name(docs[0].file_name, ".md");
        const char *tmp_pdf = output_add(out, pdf_name, d);
        const char *tmp_md = tmp_pdf ? output_add(out, md_name, d) : NULL;
        free(pdf_name);
        free(md_name);
        if (!tmp_md) rc = EXIT_ENVIRONMENT;
        pdf_meta meta = {docs[0].file_name, s->b.u.name, docs[0].subject, year, month, day, NULL, s->p.no_pdfa};
        if (rc == EXIT_OK) rc = pdf_write(&docs[0].blocks, s->p.layout, &meta, tmp_pdf, d);
        if (rc == EXIT_OK) {
            FILE *f = fopen(tmp_md, "wb");
            size_t len = strlen(md);
            bool ok = f && fwrite(md, 1, len, f) == len;
            if (f && fclose(f) != 0) ok = false;
            if (!ok) rc = diag_env_error(d, tmp_md, errno, "无法写入 Markdown 文件");
        }
    }
    if (rc == EXIT_OK) rc = output_commit(out, d);
    if (rc == EXIT_OK) output_print_paths(out, stdout);
    output_close(out);
    free(md);
    documents_free(docs, n);
    return rc;
}
