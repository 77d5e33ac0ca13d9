/* yaml.c — reading the style and font YAML files: required keys, number
 * ranges, and file:line:col positions in the diagnostics. The file itself
 * is read by yaml_load (gen/input) into a value tree and a posmap. */
#include "internal.h"

#include "../input/input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int yaml_open(yaml_file *y, const char *path, diag_list *diags)
{
    memset(y, 0, sizeof *y);
    y->diags = diags;
    if (yaml_load(path, &y->root, &y->pos, diags) != 0) {
        yaml_close(y);
        return -1;
    }
    return 0;
}

void yaml_close(yaml_file *y)
{
    value_free(y->root);
    posmap_free(y->pos);
    y->root = NULL;
    y->pos = NULL;
}

/* "where.key", or "key" at the top level. */
static const char *key_path(char *out, size_t size, const char *where, const char *key)
{
    if (where && *where)
        snprintf(out, size, "%s.%s", where, key);
    else
        snprintf(out, size, "%s", key);
    return out;
}

/* The recorded position of `path`, or of its nearest ancestor when there
 * is none or it has no line (an empty value). */
static srcpos path_pos(const yaml_file *y, const char *path)
{
    char *p = xstrdup(path);
    size_t n = strlen(p);
    srcpos r = posmap_get(y->pos, p);
    while (r.line == 0 && n > 0) {
        while (n > 0 && p[n - 1] != '.') n--;
        p[n > 0 ? --n : 0] = '\0';
        r = posmap_get(y->pos, p);
    }
    free(p);
    return r;
}

srcpos yaml_node_pos(const yaml_file *y, const value *n, const char *path)
{
    buf p = {0};
    buf_puts(&p, path);
    /* Descend to the first scalar: a mapping's first key, a sequence's first item. */
    for (;;) {
        value_type t = value_get_type(n);
        if ((t != VALUE_MAP && t != VALUE_LIST) || value_count(n) == 0) break;
        if (p.len) buf_putc(&p, '.');
        if (t == VALUE_MAP) {
            buf_puts(&p, value_key_at(n, 0));
            break;
        }
        buf_putc(&p, '0');
        n = value_at(n, 0);
    }
    srcpos r = posmap_get_key(y->pos, buf_cstr(&p));
    if (r.line == 0) r = path_pos(y, buf_cstr(&p));
    buf_free(&p);
    return r;
}

const value *yaml_get(const value *map, const char *key)
{
    return value_get(map, key);
}

const char *yaml_text(const value *v)
{
    switch (value_get_type(v)) {
    case VALUE_NULL: return "";
    case VALUE_BOOL: return value_get_bool(v) ? "true" : "false";
    case VALUE_NUMBER:
    case VALUE_STRING: return value_get_text(v);
    default: return NULL;
    }
}

/* The value under `key`, or NULL after reporting it missing. */
static const value *need(yaml_file *y, const value *map, const char *key, const char *where)
{
    const value *n = yaml_get(map, key);
    if (!n) {
        char k[128];
        diag_error(y->diags, yaml_node_pos(y, map, where), "缺少设置项 %s",
                   key_path(k, sizeof k, where, key));
        y->errors++;
    }
    return n;
}

const value *yaml_map(yaml_file *y, const value *map, const char *key, const char *where)
{
    const value *n = need(y, map, key, where);
    if (n && value_get_type(n) != VALUE_MAP) {
        char k[128];
        key_path(k, sizeof k, where, key);
        diag_error(y->diags, yaml_node_pos(y, n, k), "%s 应为映射（key: value）", k);
        y->errors++;
        return NULL;
    }
    return n;
}

/* The text of a required scalar, or NULL after an error; `k` (128 bytes)
 * receives its path "where.key". */
static const char *scalar(yaml_file *y, const value *map, const char *key, const char *where,
                          char *k)
{
    key_path(k, 128, where, key);
    const value *n = need(y, map, key, where);
    if (!n) return NULL;
    const char *s = yaml_text(n);
    if (!s) {
        diag_error(y->diags, yaml_node_pos(y, n, k), "%s 应为单个值", k);
        y->errors++;
    }
    return s;
}

double yaml_num(yaml_file *y, const value *map, const char *key, const char *where,
                double min, double max)
{
    char k[128];
    const char *s = scalar(y, map, key, where, k);
    if (!s) return 0;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno) {
        diag_error(y->diags, path_pos(y, k), "%s 应为数字，实际为“%s”", k, s);
        y->errors++;
        v = 0;
    } else if (v < min || v > max) {
        diag_error(y->diags, path_pos(y, k), "%s 超出范围（应在 %g 与 %g 之间，实际为 %g）", k,
                   min, max, v);
        y->errors++;
        v = 0;
    }
    return v;
}

char *yaml_str(yaml_file *y, const value *map, const char *key, const char *where)
{
    char k[128];
    const char *s = scalar(y, map, key, where, k);
    return xstrdup(s ? s : "");
}

int yaml_choice(yaml_file *y, const value *map, const char *key, const char *where,
                const char *const *names, int count)
{
    char k[128];
    const char *s = scalar(y, map, key, where, k);
    if (!s) return 0;
    for (int i = 0; i < count; i++)
        if (strcmp(s, names[i]) == 0) return i;
    buf expect = {0};
    for (int i = 0; i < count; i++) {
        if (i) buf_puts(&expect, "、");
        buf_puts(&expect, names[i]);
    }
    diag_error(y->diags, path_pos(y, k), "%s 的值“%s”无效（应为 %s 之一）", k, s,
               buf_cstr(&expect));
    y->errors++;
    buf_free(&expect);
    return 0;
}

void yaml_check_keys(yaml_file *y, const value *map, const char *const *keys,
                     const char *where)
{
    if (value_get_type(map) != VALUE_MAP) return;
    for (size_t i = 0; i < value_count(map); i++) {
        const char *k = value_key_at(map, i);
        bool known = false;
        for (size_t j = 0; keys[j]; j++) {
            if (strcmp(keys[j], k) == 0) {
                known = true;
                break;
            }
        }
        if (known) continue;
        /* The message shows at most 90 bytes of the key; the position is
         * looked up under the whole path. */
        size_t len = strlen(k);
        char kk[128], name[96];
        snprintf(name, sizeof name, "%.*s", (int)(len < 90 ? len : 90), k);
        buf path = {0};
        if (where && *where) buf_printf(&path, "%s.", where);
        buf_puts(&path, k);
        diag_add(y->diags, DIAG_WARNING, NULL, posmap_get_key(y->pos, buf_cstr(&path)),
                 "未知的设置项 %s（已忽略）", key_path(kk, sizeof kk, where, name));
        buf_free(&path);
    }
}
