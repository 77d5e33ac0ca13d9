/* posmap.c — dotted YAML paths → source positions. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

typedef struct posmap_entry {
    char *path;
    int line, col;
    bool key; /* the position of a mapping key, not of its value */
} posmap_entry;

struct posmap {
    char *file;
    posmap_entry *items;
    size_t count, cap;
};

posmap *posmap_new(const char *file)
{
    posmap *m = xcalloc(1, sizeof *m);
    m->file = xstrdup(file ? file : "");
    return m;
}

const char *posmap_file(const posmap *m)
{
    return m ? m->file : NULL;
}

static void posmap_put(posmap *m, const char *path, int line, int col, bool key)
{
    if (m->count == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
    }
    m->items[m->count++] = (posmap_entry){xstrdup(path), line, col, key};
}

void posmap_add(posmap *m, const char *path, int line, int col)
{
    posmap_put(m, path, line, col, false);
}

void posmap_add_key(posmap *m, const char *path, int line, int col)
{
    posmap_put(m, path, line, col, true);
}

static const posmap_entry *posmap_find(const posmap *m, const char *path, size_t n, bool key)
{
    for (size_t i = 0; i < m->count; i++)
        if (m->items[i].key == key && strlen(m->items[i].path) == n && memcmp(m->items[i].path, path, n) == 0)
            return &m->items[i];
    return NULL;
}

srcpos posmap_get_key(const posmap *m, const char *path)
{
    if (!m) return SRCPOS_NONE;
    const posmap_entry *e = posmap_find(m, path, strlen(path), true);
    if (e) return (srcpos){m->file, e->line, e->col};
    return posmap_get(m, path);
}

srcpos posmap_get(const posmap *m, const char *path)
{
    if (!m) return SRCPOS_NONE;
    size_t n = strlen(path);
    for (;;) {
        const posmap_entry *e = posmap_find(m, path, n, false);
        if (e) return (srcpos){m->file, e->line, e->col};
        while (n > 0 && path[n - 1] != '.') n--;
        if (n == 0) break;
        n--; /* drop the dot */
    }
    return (srcpos){m->file, 0, 0};
}

void posmap_free(posmap *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->count; i++) free(m->items[i].path);
    free(m->items);
    free(m->file);
    free(m);
}
