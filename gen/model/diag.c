/* diag.c — diagnostics: collect, sort by position, print in Chinese. A
 * message repeated more than DIAG_REPEATS_SHOWN times for one file (the
 * same rule, or without a rule the same message format) is counted, not
 * kept, so a million bad rows print a few lines, not a million. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

struct diag_group {
    char *file;          /* owned, may be NULL */
    char *rule;          /* owned, may be NULL */
    const char *fmt;     /* the message format: a rule-less message's kind */
    diag_severity severity;
    size_t shown, hidden;
    size_t last;         /* index in items of the last message kept */
};

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The group of a message, made on first use; the last one found is tried
 * first (messages of one kind tend to come together). */
static diag_group *group_of(diag_list *d, diag_severity sev, const char *rule, const char *file, const char *fmt)
{
    static size_t hint;
    for (size_t k = 0; k < d->n_groups; k++) {
        size_t i = (hint + k) % d->n_groups;
        diag_group *g = &d->groups[i];
        if (g->severity == sev && same_text(g->rule, rule) && (rule || g->fmt == fmt) && same_text(g->file, file)) {
            hint = i;
            return g;
        }
    }
    if (d->n_groups == d->cap_groups) {
        d->cap_groups = d->cap_groups ? d->cap_groups * 2 : 16;
        d->groups = xrealloc(d->groups, d->cap_groups * sizeof *d->groups);
    }
    diag_group *g = &d->groups[d->n_groups++];
    *g = (diag_group){file ? xstrdup(file) : NULL, rule ? xstrdup(rule) : NULL, rule ? NULL : fmt, sev, 0, 0, 0};
    return g;
}

static bool shown_all(const diag_list *d, const char *rule)
{
    for (size_t i = 0; rule && i < d->n_show_all; i++)
        if (strcmp(d->show_all[i], rule) == 0) return true;
    return false;
}

void diag_show_all(diag_list *d, const char *rule)
{
    if (shown_all(d, rule)) return;
    d->show_all = xrealloc(d->show_all, (d->n_show_all + 1) * sizeof *d->show_all);
    d->show_all[d->n_show_all++] = xstrdup(rule);
}

void diag_vadd(diag_list *d, diag_severity sev, const char *rule, srcpos pos,
               const char *fmt, va_list ap)
{
    diag_group *g = group_of(d, sev, rule, pos.file, fmt);
    if (g->shown >= DIAG_REPEATS_SHOWN && !shown_all(d, rule)) {
        g->hidden++;
        if (sev == DIAG_ERROR) d->hidden_errors++;
        return;
    }
    g->shown++;
    g->last = d->count;
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = xrealloc(d->items, d->cap * sizeof *d->items);
    }
    buf msg = {0};
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n > 0) {
        char *tmp = xmalloc((size_t)n + 1);
        vsnprintf(tmp, (size_t)n + 1, fmt, ap);
        buf_append(&msg, tmp, (size_t)n);
        free(tmp);
    }
    diag *x = &d->items[d->count++];
    x->severity = sev;
    x->rule = rule ? xstrdup(rule) : NULL;
    x->file = pos.file ? xstrdup(pos.file) : NULL;
    x->line = pos.line;
    x->col = pos.col;
    x->message = buf_detach(&msg);
}

void diag_add(diag_list *d, diag_severity sev, const char *rule, srcpos pos,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, sev, rule, pos, fmt, ap);
    va_end(ap);
}

void diag_error(diag_list *d, srcpos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_ERROR, NULL, pos, fmt, ap);
    va_end(ap);
}

size_t diag_error_count(const diag_list *d)
{
    size_t n = d->hidden_errors;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == DIAG_ERROR) n++;
    return n;
}

size_t diag_warning_count(const diag_list *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == DIAG_WARNING) n++;
    for (size_t k = 0; k < d->n_groups; k++)
        if (d->groups[k].severity == DIAG_WARNING) n += d->groups[k].hidden;
    return n;
}

/* Order: by file (no file first), line, column, then insertion order. */
static const diag *sort_items;

static int diag_cmp(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const diag *a = &sort_items[ia], *b = &sort_items[ib];
    if (!a->file != !b->file) return a->file ? 1 : -1;
    if (a->file) {
        int c = strcmp(a->file, b->file);
        if (c) return c;
    }
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

static void print_place(const char *file, int line, int col, FILE *out)
{
    if (!file) {
        fputs("juesuan: ", out);
        return;
    }
    fputs(file, out);
    size_t n = strlen(file);
    if (n && file[n - 1] == '!' && line > 0 && col > 0) {
        /* a workbook sheet: the cell as A1 (column letters, row) */
        char letters[8];
        int nl = 0;
        for (int c = col; c > 0 && nl < 7; c = (c - 1) / 26) letters[nl++] = (char)('A' + (c - 1) % 26);
        while (nl > 0) fputc(letters[--nl], out);
        fprintf(out, "%d", line);
    } else if (line > 0) {
        fprintf(out, ":%d", line);
        if (col > 0) fprintf(out, ":%d", col);
    }
    fputs(": ", out);
}

void diag_print(const diag_list *d, FILE *out)
{
    size_t *ix = xmalloc((d->count ? d->count : 1) * sizeof *ix);
    for (size_t i = 0; i < d->count; i++) ix[i] = i;
    sort_items = d->items;
    qsort(ix, d->count, sizeof *ix, diag_cmp); /* the index breaks ties: stable */
    /* the group whose count follows an item: groups[after[i] - 1] */
    size_t *after = xcalloc(d->count ? d->count : 1, sizeof *after);
    for (size_t k = 0; k < d->n_groups; k++)
        if (d->groups[k].hidden) after[d->groups[k].last] = k + 1;
    for (size_t k = 0; k < d->count; k++) {
        const diag *x = &d->items[ix[k]];
        const char *sev = x->severity == DIAG_ERROR ? "错误" : "警告";
        print_place(x->file, x->line, x->col, out);
        fputs(sev, out);
        if (x->rule) fprintf(out, " [%s]", x->rule);
        fprintf(out, ": %s\n", x->message);
        if (!after[ix[k]]) continue;
        const diag_group *g = &d->groups[after[ix[k]] - 1];
        print_place(g->file, 0, 0, out);
        fputs(sev, out);
        if (g->rule) fprintf(out, " [%s]", g->rule);
        fprintf(out, ": 同类%s另有 %zu 条未列出（每个文件的同一类消息只列出前 %d 条）\n", sev, g->hidden,
                DIAG_REPEATS_SHOWN);
    }
    free(after);
    free(ix);
}

void diag_list_free(diag_list *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].rule);
        free(d->items[i].file);
        free(d->items[i].message);
    }
    for (size_t i = 0; i < d->n_groups; i++) {
        free(d->groups[i].file);
        free(d->groups[i].rule);
    }
    for (size_t i = 0; i < d->n_show_all; i++) free(d->show_all[i]);
    free(d->show_all);
    free(d->items);
    free(d->groups);
    memset(d, 0, sizeof *d);
}
