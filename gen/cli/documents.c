/* documents.c — the document registry: which documents a unit folder
 * yields, from which facts and templates, under which file names.
 *
 * To add a document: one row below (name, what makes it, facts path,
 * root template, file name and subject patterns, workbook writer), its
 * templates under templates/ and its facts subtree in gen/facts. */
#include "internal.h"

#include "../template/template.h"
#include "../xlsx/xlsx.h"

#include <stdlib.h>
#include <string.h>

/* One row of the registry (the fields of document_kind; `each` stays false:
 * no kind is a list yet). */
#define KIND(NAME, SOURCE, FACTS, ROOT, FILE_NAME, SUBJECT, WORKBOOK)                                          \
    {                                                                                                          \
        .name = NAME, .source = SOURCE, .facts = FACTS, .root = ROOT, .file_name = FILE_NAME,                 \
        .subject = SUBJECT, .workbook = WORKBOOK                                                               \
    }

static const document_kind KINDS[] = {
    /* name, what makes it (for messages), facts path, root template, file name, subject, workbook */
    KIND("disclosure", "tables/（决算公开）", "tables", "disclosure.mustache", "{{unit.title}}",
         "{{unit.year}}年度{{unit.kind}}决算公开", xlsx_write),
    KIND("department", "performance/department.yaml（部门整体支出绩效自评报告）", "performance.department",
         "performance/department/{{performance.department.layout}}.mustache",
         "{{unit.name}}{{unit.year}}年度{{performance.department.title}}", "{{unit.year}}年度部门整体支出绩效自评报告",
         NULL),
    KIND("project_reports", "performance/projects/ 中带 report: 的项目（项目支出绩效自评报告）",
         "performance.project_reports", "performance/project_reports.mustache",
         "{{unit.name}}{{unit.year}}年度项目支出绩效自评报告", "{{unit.year}}年度项目支出绩效自评报告", NULL),
    /* made only by `juesuan diff OLD NEW --report DIR`, which adds the
     * correction facts (facts_correction) to the new folder's tree */
    KIND("correction", "juesuan diff --report（更正说明）", "correction", "correction/notice.mustache",
         "{{correction.unit.name}}更正说明", "更正说明", NULL),
};
enum { N_KINDS = sizeof KINDS / sizeof KINDS[0] };

const document_kind *document_kinds(size_t *n)
{
    *n = N_KINDS;
    return KINDS;
}

const document_kind *document_kind_find(const char *name)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (strcmp(KINDS[i].name, name) == 0) return &KINDS[i];
    return NULL;
}

char *document_sources(void)
{
    buf b = {0};
    for (size_t i = 0; i < N_KINDS; i++) buf_printf(&b, "%s%s", i ? "、" : "", KINDS[i].source);
    return buf_detach(&b);
}

/* Expand one pattern of kind `k` (strict: a name the facts lack is an error). */
static char *pattern(const document_kind *k, const char *field, const char *text, const value *facts,
                     const value *item, diag_list *diags)
{
    template_options opt = {0};
    opt.strict = true;
    opt.item = item;
    buf origin = {0};
    buf_printf(&origin, "gen/cli/documents.c（%s.%s）", k->name, field);
    char *out = template_render(text, facts, &opt, buf_cstr(&origin), diags);
    buf_free(&origin);
    return out;
}

static int document_add(const document_kind *k, const value *facts, const value *item, document **out, size_t *n,
                        diag_list *diags)
{
    document d = {0};
    d.kind = k;
    d.item = item;
    d.root = pattern(k, "root", k->root, facts, item, diags);
    d.file_name = pattern(k, "file_name", k->file_name, facts, item, diags);
    d.subject = pattern(k, "subject", k->subject, facts, item, diags);
    if (!d.root || !d.file_name || !d.subject) {
        free(d.root), free(d.file_name), free(d.subject);
        return -1;
    }
    *out = xrealloc(*out, (*n + 1) * sizeof **out);
    (*out)[(*n)++] = d;
    return 0;
}

int documents_list(const value *facts, const char *only, document **out, size_t *n, diag_list *diags)
{
    *out = NULL;
    *n = 0;
    int rc = 0;
    for (size_t i = 0; i < N_KINDS; i++) {
        const document_kind *k = &KINDS[i];
        if (only && strcmp(only, k->name) != 0) continue;
        const value *v = value_get_path(facts, k->facts);
        if (!v || value_get_type(v) == VALUE_NULL) continue;
        if (!k->each) {
            if (document_add(k, facts, NULL, out, n, diags) != 0) rc = -1;
            continue;
        }
        for (size_t j = 0; j < value_count(v); j++)
            if (document_add(k, facts, value_at(v, j), out, n, diags) != 0) rc = -1;
    }
    if (rc != 0) {
        documents_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

void documents_free(document *docs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(docs[i].root);
        free(docs[i].file_name);
        free(docs[i].subject);
        free(docs[i].markup);
        doc_free(&docs[i].blocks);
    }
    free(docs);
}
