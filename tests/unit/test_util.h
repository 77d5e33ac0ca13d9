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

#endif
