/* value.c — an ordered JSON-like tree and its JSON writer.
 *
 * Lists and maps share one representation: an array of children, plus a
 * parallel array of keys for maps. Maps are small (facts blocks), so key
 * lookup is a linear scan, which also keeps insertion order for free.
 */
#include "model.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct value {
    value_type type;
    bool b;         /* VALUE_BOOL */
    char *text;     /* VALUE_NUMBER, VALUE_STRING */
    value **items;  /* VALUE_LIST, VALUE_MAP */
    char **keys;    /* VALUE_MAP: keys[i] names items[i] */
    size_t count, cap;
};

/* A programming error (e.g. appending to a non-list): say so and stop. */
static void value_misuse(const char *what)
{
    fprintf(stderr, "juesuan: internal error: %s\n", what);
    abort();
}

static value *value_alloc(value_type type)
{
    value *v = xcalloc(1, sizeof *v);
    v->type = type;
    return v;
}

value *value_new_null(void)
{
    return value_alloc(VALUE_NULL);
}

value *value_new_bool(bool b)
{
    value *v = value_alloc(VALUE_BOOL);
    v->b = b;
    return v;
}

value *value_new_number(const char *text)
{
    value *v = value_alloc(VALUE_NUMBER);
    v->text = xstrdup(text ? text : "0");
    return v;
}

value *value_new_int(int64_t n)
{
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%" PRId64, n);
    return value_new_number(tmp);
}

value *value_new_string(const char *s)
{
    value *v = value_alloc(VALUE_STRING);
    v->text = xstrdup(s ? s : "");
    return v;
}

value *value_new_stringf(const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    else
        s[0] = '\0';
    va_end(ap2);
    value *v = value_alloc(VALUE_STRING);
    v->text = s;
    return v;
}

value *value_new_list(void)
{
    return value_alloc(VALUE_LIST);
}

value *value_new_map(void)
{
    return value_alloc(VALUE_MAP);
}

value_type value_get_type(const value *v)
{
    return v ? v->type : VALUE_NULL;
}

bool value_get_bool(const value *v)
{
    return v && v->type == VALUE_BOOL && v->b;
}

const char *value_get_text(const value *v)
{
    if (v && (v->type == VALUE_STRING || v->type == VALUE_NUMBER))
        return v->text;
    return NULL;
}

size_t value_count(const value *v)
{
    if (v && (v->type == VALUE_LIST || v->type == VALUE_MAP))
        return v->count;
    return 0;
}

value *value_at(const value *v, size_t i)
{
    if (i >= value_count(v))
        return NULL;
    return v->items[i];
}

const char *value_key_at(const value *v, size_t i)
{
    if (!v || v->type != VALUE_MAP || i >= v->count)
        return NULL;
    return v->keys[i];
}

/* Index of the key given by `len` bytes at `key` in a map, or -1. */
static ptrdiff_t map_find(const value *map, const char *key, size_t len)
{
    for (size_t i = 0; i < map->count; i++)
        if (strncmp(map->keys[i], key, len) == 0 && map->keys[i][len] == '\0')
            return (ptrdiff_t)i;
    return -1;
}

value *value_get(const value *map, const char *key)
{
    if (!map || map->type != VALUE_MAP || !key)
        return NULL;
    ptrdiff_t i = map_find(map, key, strlen(key));
    return i < 0 ? NULL : map->items[i];
}

/* The child of `v` named by one path segment [seg, seg + len): a map key,
 * or for a list a decimal index. NULL when there is none. */
static value *value_step(const value *v, const char *seg, size_t len)
{
    if (len == 0)
        return NULL;
    if (v->type == VALUE_MAP) {
        ptrdiff_t i = map_find(v, seg, len);
        return i < 0 ? NULL : v->items[i];
    }
    if (v->type != VALUE_LIST)
        return NULL;
    size_t idx = 0;
    for (size_t k = 0; k < len; k++) {
        if (seg[k] < '0' || seg[k] > '9')
            return NULL;
        size_t d = (size_t)(seg[k] - '0');
        if (idx > (SIZE_MAX - d) / 10)
            return NULL;
        idx = idx * 10 + d;
    }
    return idx < v->count ? v->items[idx] : NULL;
}

value *value_get_path(const value *map, const char *path)
{
    if (!map || !path)
        return NULL;
    const value *v = map;
    const char *seg = path;
    for (;;) {
        const char *dot = strchr(seg, '.');
        size_t len = dot ? (size_t)(dot - seg) : strlen(seg);
        v = value_step(v, seg, len);
        if (!v)
            return NULL;
        if (!dot)
            return (value *)v;
        seg = dot + 1;
    }
}

/* Make room for one more child. */
static void value_grow(value *v)
{
    if (v->count < v->cap)
        return;
    size_t cap = v->cap ? v->cap * 2 : 4;
    v->items = xrealloc(v->items, cap * sizeof *v->items);
    if (v->type == VALUE_MAP)
        v->keys = xrealloc(v->keys, cap * sizeof *v->keys);
    v->cap = cap;
}

value *value_append(value *list, value *item)
{
    if (!list || list->type != VALUE_LIST)
        value_misuse("value_append on a non-list");
    if (!item)
        item = value_new_null();
    value_grow(list);
    list->items[list->count++] = item;
    return item;
}

value *value_set(value *map, const char *key, value *item)
{
    if (!map || map->type != VALUE_MAP || !key)
        value_misuse("value_set on a non-map or without a key");
    if (!item)
        item = value_new_null();
    ptrdiff_t i = map_find(map, key, strlen(key));
    if (i >= 0) {
        if (map->items[i] != item)
            value_free(map->items[i]);
        map->items[i] = item;
        return item;
    }
    value_grow(map);
    map->keys[map->count] = xstrdup(key);
    map->items[map->count++] = item;
    return item;
}

value *value_set_string(value *map, const char *key, const char *s)
{
    return value_set(map, key, value_new_string(s));
}

value *value_set_int(value *map, const char *key, int64_t n)
{
    return value_set(map, key, value_new_int(n));
}

value *value_set_bool(value *map, const char *key, bool b)
{
    return value_set(map, key, value_new_bool(b));
}

void value_free(value *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->count; i++) {
        value_free(v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->text);
    free(v);
}

/* ------------------------------------------------------------------------
 * JSON output
 * ---------------------------------------------------------------------- */

/* A JSON string literal: escapes '"', '\\' and control characters (as \n,
 * \t or \u00xx); every other byte, UTF-8 included, is copied as is. */
static void json_string(buf *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, (char)c);
        } else if (c == '\n') {
            buf_puts(out, "\\n");
        } else if (c == '\t') {
            buf_puts(out, "\\t");
        } else if (c < 0x20) {
            char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], '\0'};
            buf_puts(out, esc);
        } else {
            buf_putc(out, (char)c);
        }
    }
    buf_putc(out, '"');
}

static void json_indent(buf *out, int depth)
{
    for (int i = 0; i < depth; i++)
        buf_puts(out, "  ");
}

/* One value at nesting `depth`; the caller has written the indentation
 * (and key) before it. */
static void json_value(buf *out, const value *v, int depth)
{
    switch (value_get_type(v)) {
    case VALUE_NULL:
        buf_puts(out, "null");
        return;
    case VALUE_BOOL:
        buf_puts(out, v->b ? "true" : "false");
        return;
    case VALUE_NUMBER:
        buf_puts(out, v->text);
        return;
    case VALUE_STRING:
        json_string(out, v->text);
        return;
    case VALUE_LIST:
    case VALUE_MAP:
        break;
    }
    bool is_map = v->type == VALUE_MAP;
    if (v->count == 0) {
        buf_puts(out, is_map ? "{}" : "[]");
        return;
    }
    buf_puts(out, is_map ? "{\n" : "[\n");
    for (size_t i = 0; i < v->count; i++) {
        json_indent(out, depth + 1);
        if (is_map) {
            json_string(out, v->keys[i]);
            buf_puts(out, ": ");
        }
        json_value(out, v->items[i], depth + 1);
        buf_puts(out, i + 1 < v->count ? ",\n" : "\n");
    }
    json_indent(out, depth);
    buf_putc(out, is_map ? '}' : ']');
}

void value_write_json(const value *v, buf *out)
{
    json_value(out, v, 0);
    buf_putc(out, '\n');
}
