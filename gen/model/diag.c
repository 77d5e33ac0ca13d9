/* diag.c — diagnostics: collect, sort by position, print in Chinese. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

void diag_vadd(diag_list *d, diag_severity sev, const char *rule, srcpos pos,
               const char *fmt, va_list ap)
{
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
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == DIAG_ERROR) n++;
    return n;
}

/* Order: by file (no file first), line, column, then insertion order. */
static int diag_cmp(const diag *a, const diag *b)
{
    if (!a->file != !b->file) return a->file ? 1 : -1;
    if (a->file) {
        int c = strcmp(a->file, b->file);
        if (c) return c;
    }
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return 0;
}

void diag_print(const diag_list *d, FILE *out)
{
    /* stable insertion sort over an index array: lists are short */
    size_t *ix = xmalloc((d->count ? d->count : 1) * sizeof *ix);
    for (size_t i = 0; i < d->count; i++) {
        size_t j = i;
        while (j > 0 && diag_cmp(&d->items[ix[j - 1]], &d->items[i]) > 0) {
            ix[j] = ix[j - 1];
            j--;
        }
        ix[j] = i;
    }
    for (size_t k = 0; k < d->count; k++) {
        const diag *x = &d->items[ix[k]];
        if (x->file) {
            fputs(x->file, out);
            size_t n = strlen(x->file);
            if (n && x->file[n - 1] == '!' && x->line > 0 && x->col > 0) {
                /* a workbook sheet: the cell as A1 (column letters, row) */
                char letters[8];
                int nl = 0;
                for (int c = x->col; c > 0 && nl < 7; c = (c - 1) / 26) letters[nl++] = (char)('A' + (c - 1) % 26);
                while (nl > 0) fputc(letters[--nl], out);
                fprintf(out, "%d", x->line);
            } else if (x->line > 0) {
                fprintf(out, ":%d", x->line);
                if (x->col > 0) fprintf(out, ":%d", x->col);
            }
            fputs(": ", out);
        } else {
            fputs("juesuan: ", out);
        }
        fputs(x->severity == DIAG_ERROR ? "错误" : "警告", out);
        if (x->rule) fprintf(out, " [%s]", x->rule);
        fprintf(out, ": %s\n", x->message);
    }
    free(ix);
}

void diag_list_free(diag_list *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].rule);
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    d->items = NULL;
    d->count = d->cap = 0;
}
