/* test_util.h — helpers the cmocka tests share. Include after <cmocka.h>. */
#ifndef JUESUAN_TEST_UTIL_H
#define JUESUAN_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/doc/doc.h"

#define TEST_UNUSED __attribute__((unused))

/* The printed diagnostics as one string (caller frees). */
static TEST_UNUSED char *diags_text(const diag_list *d)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag_print(d, f);
    fclose(f);
    return out;
}

/* Fail unless the printed diagnostics contain `needle`. */
static TEST_UNUSED void assert_diag_contains(const diag_list *d, const char *needle)
{
    char *t = diags_text(d);
    if (!strstr(t, needle)) {
        fprintf(stderr, "expected “%s” in diagnostics:\n%s", needle, t);
        free(t);
        fail();
    }
    free(t);
}

/* Append a block to a document built by hand; positions count up from 1. */
static TEST_UNUSED block *add_block(doc *d, block_type type, int level, const char *text)
{
    static int line = 0;
    d->blocks = realloc(d->blocks, (d->count + 1) * sizeof *d->blocks);
    block *b = &d->blocks[d->count++];
    d->cap = d->count;
    memset(b, 0, sizeof *b);
    b->type = type;
    b->level = level;
    b->text = text ? xstrdup(text) : NULL;
    b->pos = (srcpos){"test.md", ++line, 1};
    return b;
}

/* Chart data built by hand: n items with labels, amounts (万元 text, parsed
 * exactly) and shares (NULL for bars). */
static TEST_UNUSED chart_data *make_chart(chart_kind kind, const char *caption, size_t n,
                              const char *const *labels, const char *const *values,
                              const char *const *shares)
{
    chart_data *c = xcalloc(1, sizeof *c);
    c->kind = kind;
    c->caption = xstrdup(caption);
    c->unit = xstrdup("万元");
    c->n_items = n;
    c->items = xcalloc(n ? n : 1, sizeof *c->items);
    for (size_t i = 0; i < n; i++) {
        c->items[i].label = xstrdup(labels[i]);
        c->items[i].value_text = xstrdup(values[i]);
        assert_int_equal(money_parse(values[i], MONEY_WANYUAN, &c->items[i].value), MONEY_OK);
        c->items[i].share_text = shares ? xstrdup(shares[i]) : NULL;
    }
    return c;
}

#endif
