/* template_context.c — the context stack and name lookup (see
 * template_context.h). */
#include "template_context.h"

#include <stdlib.h>

void tmpl_context_push(tmpl_context *c, const value *v)
{
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->frames = xrealloc(c->frames, c->cap * sizeof *c->frames);
    }
    c->frames[c->count++] = v;
}

void tmpl_context_pop(tmpl_context *c)
{
    if (c->count)
        c->count--;
}

void tmpl_context_free(tmpl_context *c)
{
    free(c->frames);
    c->frames = NULL;
    c->count = c->cap = 0;
}

const value *tmpl_context_lookup(const tmpl_context *c, char *const *parts, size_t n)
{
    if (n == 0)
        return c->count ? c->frames[c->count - 1] : NULL;
    const value *v = NULL;
    for (size_t i = c->count; i-- > 0;) {
        v = value_get(c->frames[i], parts[0]);
        if (v)
            break;
    }
    for (size_t k = 1; v && k < n; k++)
        v = value_get(v, parts[k]);
    return v;
}

bool tmpl_value_truthy(const value *v)
{
    if (!v)
        return false;
    switch (value_get_type(v)) {
    case VALUE_NULL:
        return false;
    case VALUE_BOOL:
        return value_get_bool(v);
    case VALUE_LIST:
        return value_count(v) > 0;
    default:
        return true;
    }
}
