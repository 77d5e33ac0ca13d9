/* textcache.c — each text decoded, its break opportunities found, and
 * each of its settings (lines at a measure, width) computed once per
 * document. A 公开表's cells are measured, sized and broken into lines
 * several times (the table's one size, then each cell at that size), and
 * a document with a 目录 is laid out twice; the characters of a text and
 * where it may break depend on its bytes alone (and the configuration),
 * its lines on those and the style and measure, so they are kept by text,
 * in a hash table hung from the configuration (as ICU's iterator is),
 * until layout_document ends. The same computation gives the same bits, so
 * a kept result is exactly what computing it again would give. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The text broken into lines in one style at one measure (para_break). */
typedef struct para_memo {
    layout_text_style st;
    double measure;
    layout_line *lines;
    size_t n_lines;
} para_memo;

/* The text's width in one face, size and spacing (layout_text_width). */
typedef struct width_memo {
    font_face face;
    double size, char_space, width;
} width_memo;

typedef struct text_entry {
    char *key;  /* the text's bytes (NULL: an empty slot) */
    size_t len; /* of key */
    uint64_t hash;
    text_char *chars; /* decoded; break marks set when `marked`, squeeze
                         fields for sq_face and sq_size when `squeezed` */
    size_t n;
    bool marked, squeezed;
    font_face sq_face;
    double sq_size;
    para_memo *paras;
    size_t n_paras;
    width_memo *widths;
    size_t n_widths;
} text_entry;

typedef struct text_cache {
    text_entry *slots;
    size_t cap; /* a power of two, or 0 */
    size_t used;
} text_cache;

/* FNV-1a, 64 bits. */
static uint64_t text_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void cache_grow(text_cache *tc)
{
    size_t cap = tc->cap ? tc->cap * 2 : 256;
    text_entry *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < tc->cap; i++) {
        text_entry *e = &tc->slots[i];
        if (!e->key) continue;
        size_t j = (size_t)e->hash & (cap - 1);
        while (slots[j].key) j = (j + 1) & (cap - 1);
        slots[j] = *e;
    }
    free(tc->slots);
    tc->slots = slots;
    tc->cap = cap;
}

/* The entry of text s[0, len), added (decoded, not marked) when new. */
static text_entry *cache_entry(text_cache *tc, const char *s, size_t len)
{
    if (2 * (tc->used + 1) > tc->cap) cache_grow(tc);
    uint64_t h = text_hash(s, len);
    size_t j = (size_t)h & (tc->cap - 1);
    for (;; j = (j + 1) & (tc->cap - 1)) {
        text_entry *e = &tc->slots[j];
        if (!e->key) break;
        if (e->hash == h && e->len == len && memcmp(e->key, s, len) == 0) return e;
    }
    text_entry *e = &tc->slots[j];
    e->key = xmalloc(len + 1);
    memcpy(e->key, s, len);
    e->key[len] = '\0';
    e->len = len;
    e->hash = h;
    e->chars = text_decode(s, len, &e->n); /* a character a byte: kept, n of them */
    e->chars = xrealloc(e->chars, (e->n + 1) * sizeof *e->chars);
    e->marked = e->squeezed = false;
    tc->used++;
    return e;
}

/* The entry of s[0, len) in the configuration's cache (made on first use). */
static text_entry *entry_of(const layout_config *cfg, const char *s, size_t len)
{
    layout_config *mut = (layout_config *)cfg; /* a cache: filled on first use */
    if (!mut->text_cache) mut->text_cache = xcalloc(1, sizeof(text_cache));
    return cache_entry(mut->text_cache, s, len);
}

static bool same_style(const layout_text_style *a, const layout_text_style *b)
{
    return a->face == b->face && a->size == b->size && a->char_space == b->char_space &&
           a->indent == b->indent && a->align == b->align;
}

/* A copy of the entry's characters (one zeroed past the end, as
 * text_decode gives). */
static text_char *chars_copy(const text_entry *e)
{
    text_char *c = xmalloc((e->n + 1) * sizeof *c);
    if (e->n) memcpy(c, e->chars, e->n * sizeof *c);
    memset(&c[e->n], 0, sizeof *c);
    return c;
}

bool para_memo_get(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                   double measure, para_set *p)
{
    if (!cfg) return false;
    text_entry *e = entry_of(cfg, text, len);
    for (size_t i = 0; i < e->n_paras; i++) {
        const para_memo *m = &e->paras[i];
        if (m->measure != measure || !same_style(&m->st, st)) continue;
        p->chars = chars_copy(e); /* marked: it was broken */
        p->n = e->n;
        if (!e->squeezed || e->sq_face != st->face || e->sq_size != st->size) {
            text_mark_squeeze(cfg, st, p->chars, p->n); /* as para_break squeezed them */
            if (e->n) memcpy(e->chars, p->chars, e->n * sizeof *e->chars);
            e->squeezed = true, e->sq_face = st->face, e->sq_size = st->size;
        }
        p->lines.items = m->n_lines ? xmalloc(m->n_lines * sizeof *p->lines.items) : NULL;
        if (m->n_lines) memcpy(p->lines.items, m->lines, m->n_lines * sizeof *p->lines.items);
        p->lines.count = p->lines.cap = m->n_lines;
        return true;
    }
    return false;
}

void para_memo_put(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                   double measure, const para_set *p)
{
    if (!cfg) return;
    text_entry *e = entry_of(cfg, text, len);
    if (p->n != e->n || !e->marked) return; /* not this text's characters */
    /* the same marks; the squeeze of this style kept for the next copy */
    if (e->n) memcpy(e->chars, p->chars, e->n * sizeof *e->chars);
    e->squeezed = true, e->sq_face = st->face, e->sq_size = st->size;
    e->paras = xrealloc(e->paras, (e->n_paras + 1) * sizeof *e->paras);
    para_memo *m = &e->paras[e->n_paras++];
    m->st = *st;
    m->measure = measure;
    m->n_lines = p->lines.count;
    m->lines = xmalloc((m->n_lines ? m->n_lines : 1) * sizeof *m->lines);
    if (m->n_lines) memcpy(m->lines, p->lines.items, m->n_lines * sizeof *m->lines);
}

bool width_memo_get(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                    double *width)
{
    if (!cfg) return false;
    text_entry *e = entry_of(cfg, text, len);
    for (size_t i = 0; i < e->n_widths; i++) {
        const width_memo *m = &e->widths[i];
        if (m->face == st->face && m->size == st->size && m->char_space == st->char_space) {
            *width = m->width;
            return true;
        }
    }
    return false;
}

void width_memo_put(const layout_config *cfg, const char *text, size_t len, const layout_text_style *st,
                    double width)
{
    if (!cfg) return;
    text_entry *e = entry_of(cfg, text, len);
    e->widths = xrealloc(e->widths, (e->n_widths + 1) * sizeof *e->widths);
    e->widths[e->n_widths++] = (width_memo){st->face, st->size, st->char_space, width};
}

text_char *text_chars(const layout_config *cfg, const char *s, size_t len, bool breaks, size_t *n)
{
    if (!cfg) {
        text_char *c = text_decode(s, len, n);
        if (breaks) text_mark_breaks(cfg, c, *n);
        return c;
    }
    text_entry *e = entry_of(cfg, s, len);
    if (breaks && !e->marked) {
        text_mark_breaks(cfg, e->chars, e->n);
        e->marked = true;
    }
    *n = e->n;
    return chars_copy(e); /* the caller squeezes it */
}

void text_cache_clear(const layout_config *cfg)
{
    text_cache *tc = cfg ? cfg->text_cache : NULL;
    if (!tc) return;
    for (size_t i = 0; i < tc->cap; i++) {
        text_entry *e = &tc->slots[i];
        free(e->key);
        free(e->chars);
        for (size_t k = 0; k < e->n_paras; k++) free(e->paras[k].lines);
        free(e->paras);
        free(e->widths);
    }
    free(tc->slots);
    free(tc);
    ((layout_config *)cfg)->text_cache = NULL;
}
